/**
 * The empirical loss ℒ(θ) = (1/2N) Σ_n ‖ŷ(x_n) − y_n‖² of an MLP and its exact gradient by backpropagation, on
 * buffers allocated once. Samples are rows, so every layer is one product over the whole batch:
 *   forward   Z_l = H_{l−1} W_lᵀ (through a copy of W_lᵀ, so the inner loop runs along rows),  H_l = σ(Z_l), S_l = σ'(Z_l)  (H_0 = X, ŷ = Z_L)
 *   backward  D_L = (Z_L − Y)/N,  ∇_{W_l} = D_lᵀ H_{l−1},  P_{l−1} = D_l W_l,  D_{l−1} = P_{l−1} ⊙ S_{l−1}
 * Row n of P_l is W_{l+1}ᵀ∇_{z_{l+1}}ℓ_n / N, the factor of the imbalance identity, kept after each gradient.
 */
import { DimensionMismatchError } from '../errors.js';
import { checkShape, type Mat, transpose, zeros } from '../linalg/mat.js';
import { matmul, matmulTransA } from '../linalg/matmul.js';
import { checkParameters, LayerViewCache } from './deepLinearShape.js';
import type { Mlp } from './mlp.js';
import type { RegressionData } from './mlpData.js';

export class MlpObjective {
  /** Z_1..Z_L at indices 0..L−1 (N × n_l); Z_L = ŷ. */
  readonly z: Mat[];
  /** H_0 = X, H_1..H_{L−1} at indices 0..L−1. */
  readonly h: Mat[];
  /** S_l = σ'(Z_l) for l = 1..L−1 at indices 0..L−2. */
  readonly s: Mat[];
  /** P_l = D_{l+1} W_{l+1} for l = 1..L−1 at indices 0..L−2, after `gradient`. */
  readonly p: Mat[];
  /** D_l = ∇_{Z_l} ℒ for l = 1..L at indices 0..L−1, after `gradient`. */
  readonly d: Mat[];
  readonly views: LayerViewCache;
  readonly sampleSize: number;
  /** W_lᵀ, refreshed by each forward pass. */
  private readonly transposed: Mat[];

  constructor(
    readonly network: Mlp,
    readonly data: RegressionData,
  ) {
    const { dims, depth } = network.shape;
    const n = data?.x?.rows;
    if (data?.x?.cols !== dims[0] || data.y?.cols !== dims[depth] || data.y.rows !== n || !(n >= 1)) {
      throw new DimensionMismatchError(
        `The data must have X of N×${dims[0]} and Y of N×${dims[depth]} with the same N ≥ 1; received ` +
          `X ${data?.x?.rows}×${data?.x?.cols} and Y ${data?.y?.rows}×${data?.y?.cols}. Put one sample per row.`,
      );
    }
    checkShape('MlpObjective', 'x', data.x, n, dims[0]);
    checkShape('MlpObjective', 'y', data.y, n, dims[depth]);
    this.sampleSize = n;
    this.z = dims.slice(1).map((w) => zeros(n, w));
    this.d = dims.slice(1).map((w) => zeros(n, w));
    this.h = [data.x, ...dims.slice(1, depth).map((w) => zeros(n, w))];
    this.s = dims.slice(1, depth).map((w) => zeros(n, w));
    this.p = dims.slice(1, depth).map((w) => zeros(n, w));
    this.views = new LayerViewCache(network.shape);
    this.transposed = dims.slice(1).map((w, i) => zeros(dims[i], w));
  }

  /** Fills Z, H and S for theta and returns ŷ = Z_L (a buffer owned by this object). */
  forward(theta: Float64Array): Mat {
    const layers = this.views.get(theta);
    const { z, h, s } = this;
    const apply = this.network.activation.apply;
    const depth = layers.length;
    for (let l = 0; l < depth; l++) {
      matmul(h[l], transpose(layers[l], this.transposed[l]), z[l]);
      if (l < depth - 1) apply(z[l].data, h[l + 1].data, s[l].data, z[l].data.length);
    }
    return z[depth - 1];
  }

  /** ℒ(θ) = (1/2N)‖Ŷ − Y‖²_F. */
  loss(theta: Float64Array): number {
    const out = this.forward(theta).data;
    const y = this.data.y.data;
    let sum = 0;
    for (let i = 0; i < out.length; i++) {
      const r = out[i] - y[i];
      sum += r * r;
    }
    return sum / (2 * this.sampleSize);
  }

  /** Writes ∇ℒ(θ) into grad (laid out like theta) and returns ℒ(θ). */
  gradient(theta: Float64Array, grad: Float64Array): number {
    const layers = this.views.get(theta);
    const grads = this.views.get(grad);
    const out = this.forward(theta).data;
    const depth = layers.length;
    const y = this.data.y.data;
    const top = this.d[depth - 1].data;
    const inv = 1 / this.sampleSize;
    let sum = 0;
    for (let i = 0; i < out.length; i++) {
      const r = out[i] - y[i];
      sum += r * r;
      top[i] = r * inv;
    }
    for (let l = depth - 1; l >= 0; l--) {
      matmulTransA(this.d[l], this.h[l], grads[l]);
      if (l === 0) break;
      matmul(this.d[l], layers[l], this.p[l - 1]);
      const pl = this.p[l - 1].data;
      const sl = this.s[l - 1].data;
      const dl = this.d[l - 1].data;
      for (let i = 0; i < pl.length; i++) dl[i] = pl[i] * sl[i];
    }
    return sum / (2 * this.sampleSize);
  }

  /** Checks theta's length once, for callers at an API boundary. */
  checkParameters(theta: unknown, argument = 'theta'): Float64Array {
    return checkParameters(this.network.shape, theta, argument);
  }
}
