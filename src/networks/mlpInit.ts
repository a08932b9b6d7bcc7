/**
 * Initial weights with r bottleneck layers at scale ε and the other L − r at O(1).
 *
 * heNormalInit: W_l has independent N(0, 2/n_{l−1}) entries (He et al. 2015), and the bottleneck layers are
 * multiplied by ε.
 *
 * manifoldInit: the point of the permutation-symmetric submanifold with layer Frobenius norms a_l (a_l = ε for
 * bottleneck layers, the gain c for the others):
 *   W_1 = a_1 1 v̂ᵀ/√n_1,   W_l = a_l 1 1ᵀ/√(n_l n_{l−1}) (1 < l < L),   W_L = a_L û 1ᵀ/√n_{L−1},
 * with unit directions v̂ ∈ R^dIn, û ∈ R^dOut (see mlpManifold.ts for why this set is invariant under gradient
 * flow). Every hidden unit of a layer then carries the same value, and to first order in the pre-activations
 * ŷ = σ'(0)^{L−1} (Π_l a_l) û v̂ᵀ x: a rank-one deep linear network with per-layer scalars a_l.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { frobeniusNorm } from '../linalg/frobenius.js';
import { svd } from '../linalg/svd.js';
import { randomStream } from '../random/stream.js';
import { positiveNumber, seedValue } from '../validate.js';
import { layerViews } from './deepLinearShape.js';
import { bottleneckLayers, type Mlp } from './mlp.js';
import { crossCovariance, type RegressionData } from './mlpData.js';

export interface BottleneckOptions {
  /** Number r of bottleneck layers. */
  readonly bottleneck: number;
  /** Scale ε > 0 of the bottleneck layers. */
  readonly eps: number;
  /** Which layers (1-based) are bottlenecks; default the first r. */
  readonly bottleneckLayers?: readonly number[];
}

/** Stream path of the initial weights: layer l uses substream l. */
export const INIT_PATH = 2;

/** He-normal weights from stream (seed, INIT_PATH, l), the bottleneck layers rescaled by ε. */
export function heNormalInit(
  network: Mlp,
  options: BottleneckOptions & { readonly seed: number },
): Float64Array {
  const { depth, size } = network.shape;
  const eps = positiveNumber('eps', options?.eps);
  const seed = seedValue('seed', options.seed);
  const small = new Set(bottleneckLayers(depth, options.bottleneck, options.bottleneckLayers));
  const theta = new Float64Array(size);
  layerViews(network.shape, theta).forEach((w, i) => {
    const scale = Math.sqrt(2 / w.cols) * (small.has(i + 1) ? eps : 1);
    randomStream(seed, INIT_PATH, i + 1).fillNormal(w.data, scale);
  });
  return theta;
}

export interface ManifoldInitOptions extends BottleneckOptions {
  /** Frobenius norm c of the non-bottleneck layers; default 1. */
  readonly gain?: number;
  /** v̂ (length dIn) and û (length dOut); normalized here. */
  readonly inputDirection: ArrayLike<number>;
  readonly outputDirection: ArrayLike<number>;
}

/** The permutation-symmetric point described in the header. */
export function manifoldInit(network: Mlp, options: ManifoldInitOptions): Float64Array {
  const { depth, dims, size } = network.shape;
  const eps = positiveNumber('eps', options?.eps);
  const gain = positiveNumber('gain', options.gain ?? 1);
  const small = new Set(bottleneckLayers(depth, options.bottleneck, options.bottleneckLayers));
  const v = unitVector('inputDirection', options.inputDirection, dims[0]);
  const u = unitVector('outputDirection', options.outputDirection, dims[depth]);
  const theta = new Float64Array(size);
  layerViews(network.shape, theta).forEach((w, i) => {
    const a = small.has(i + 1) ? eps : gain;
    for (let row = 0; row < w.rows; row++) {
      for (let col = 0; col < w.cols; col++) {
        const left = i === depth - 1 ? u[row] : 1 / Math.sqrt(w.rows);
        const right = i === 0 ? v[col] : 1 / Math.sqrt(w.cols);
        w.data[row * w.cols + col] = a * left * right;
      }
    }
  });
  return theta;
}

function unitVector(argument: string, values: ArrayLike<number>, length: number): Float64Array {
  const out = Float64Array.from(values ?? []);
  if (out.length !== length) {
    throw new DimensionMismatchError(`${argument} must have ${length} entries; received ${out.length}.`);
  }
  const norm = frobeniusNorm(out);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new InvalidArgumentError(argument, values, 'a finite non-zero vector');
  }
  for (let i = 0; i < length; i++) out[i] /= norm;
  return out;
}

/** The top singular triple (s, û, v̂) of the empirical cross-covariance Ĉ = E_N[y xᵀ]. */
export function leadingMode(data: RegressionData): { s: number; u: Float64Array; v: Float64Array } {
  const c = crossCovariance(data);
  const { u, s, v } = svd(c);
  const k = s.length;
  const column = (m: typeof u, j: number) =>
    Float64Array.from({ length: m.rows }, (_, i) => m.data[i * k + j]);
  return { s: s[0], u: column(u, 0), v: column(v, 0) };
}
