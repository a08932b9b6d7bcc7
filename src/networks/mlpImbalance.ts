/**
 * Both sides of the imbalance identity of RAWAL for Δ_l = ‖W_{l+1}‖_F² − ‖W_l‖_F², l = 1..L−1, under gradient
 * flow θ̇ = −∇ℒ on the empirical loss:
 *   flow side      dΔ_l/dt = 2⟨W_{l+1}, −∇_{W_{l+1}}ℒ⟩ − 2⟨W_l, −∇_{W_l}ℒ⟩  (the exact derivative along the field)
 *   identity side  2 E_N[⟨W_{l+1}ᵀ∇_{z_{l+1}}ℓ, φ_σ(z_l)⟩],  φ_σ(z) = zσ'(z) − σ(z)
 * The identity holds neuron by neuron, d/dt(‖W_{l+1}[:, i]‖² − ‖W_l[i, :]‖²) = 2E_N[(W_{l+1}ᵀ∇_{z_{l+1}}ℓ)_i
 * φ_σ(z_{l,i})], and summing over i gives the layer form. For linear and ReLU σ, φ_σ vanishes entry by entry, so
 * the identity side is exactly 0 (per neuron for ReLU: the conservation law of positively homogeneous units).
 *
 * Round-off: each side is a sum of products whose terms are as large as |W||∇ℒ| even when the sum nearly
 * cancels (φ_σ(z) = zσ' − σ cancels to O(z^q)), so `scale` reports Σ|W_l ⊙ ∇_{W_l}| + Σ|W_{l+1} ⊙ ∇_{W_{l+1}}|
 * (times 2), the magnitude against which a relative discrepancy is meaningful.
 */
import { integerInRange } from '../validate.js';
import { layerViews } from './deepLinearShape.js';
import type { MlpObjective } from './mlpObjective.js';

export interface ImbalanceRates {
  /** dΔ_l/dt from the gradient, l = 1..L−1 at indices 0..L−2. */
  readonly flow: Float64Array;
  /** 2E⟨W_{l+1}ᵀ∇_{z_{l+1}}ℓ, φ_σ(z_l)⟩. */
  readonly identity: Float64Array;
  /** 2(Σ|W_l ⊙ ∇_{W_l}ℒ| + Σ|W_{l+1} ⊙ ∇_{W_{l+1}}ℒ|): the size of the terms that cancel. */
  readonly scale: Float64Array;
}

/** Both sides per neuron of hidden layer l (1..L−1): d/dt(‖W_{l+1}[:, i]‖² − ‖W_l[i, :]‖²). */
export interface NeuronImbalanceRates extends ImbalanceRates {
  readonly layer: number;
}

function weightedSums(objective: MlpObjective, theta: Float64Array) {
  const grad = new Float64Array(theta.length);
  objective.gradient(theta, grad);
  return {
    layers: layerViews(objective.network.shape, theta),
    grads: layerViews(objective.network.shape, grad),
  };
}

/** φ-weighted sum of column i of P_l (or of all columns when i < 0), times 2. */
function identitySide(objective: MlpObjective, l: number, i: number): number {
  const z = objective.z[l - 1];
  const p = objective.p[l - 1].data;
  const h = objective.h[l].data;
  const s = objective.s[l - 1].data;
  const stride = i < 0 ? 1 : z.cols;
  let sum = 0;
  for (let k = Math.max(i, 0); k < p.length; k += stride) {
    const zk = z.data[k];
    sum += p[k] * (zk * s[k] - h[k]);
  }
  return 2 * sum;
}

/** Both sides of the layer identity at theta (allocates; not for hot loops). */
export function imbalanceRates(objective: MlpObjective, theta: Float64Array): ImbalanceRates {
  const { layers, grads } = weightedSums(objective, theta);
  const depth = layers.length;
  const inner = layers.map((w, l) => sums(w.data, grads[l].data, 0, 1, w.data.length));
  const flow = new Float64Array(depth - 1);
  const identity = new Float64Array(depth - 1);
  const scale = new Float64Array(depth - 1);
  for (let l = 1; l < depth; l++) {
    flow[l - 1] = 2 * inner[l - 1].signed - 2 * inner[l].signed;
    identity[l - 1] = identitySide(objective, l, -1);
    scale[l - 1] = 2 * (inner[l - 1].absolute + inner[l].absolute);
  }
  return { flow, identity, scale };
}

/** Both sides of the per-neuron identity for every neuron of hidden layer `layer` (1..L−1). */
export function neuronImbalanceRates(
  objective: MlpObjective,
  theta: Float64Array,
  layer: number,
): NeuronImbalanceRates {
  integerInRange('layer', layer, 1, objective.network.shape.depth - 1);
  const { layers, grads } = weightedSums(objective, theta);
  const inW = layers[layer - 1];
  const outW = layers[layer];
  const width = inW.rows;
  const flow = new Float64Array(width);
  const identity = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    const row = sums(inW.data, grads[layer - 1].data, i * inW.cols, 1, inW.cols);
    const column = sums(outW.data, grads[layer].data, i, outW.cols, outW.rows);
    flow[i] = 2 * row.signed - 2 * column.signed;
    identity[i] = identitySide(objective, layer, i);
    scale[i] = 2 * (row.absolute + column.absolute);
  }
  return { layer, flow, identity, scale };
}

/** Σ a_k g_k and Σ |a_k g_k| over `count` entries from `start` with stride `stride`. */
function sums(a: Float64Array, g: Float64Array, start: number, stride: number, count: number) {
  let signed = 0;
  let absolute = 0;
  for (let j = 0, k = start; j < count; j++, k += stride) {
    const term = a[k] * g[k];
    signed += term;
    absolute += Math.abs(term);
  }
  return { signed, absolute };
}
