/**
 * The SGD gradient noise of a deep linear network projected on one teacher mode, measured from per-sample
 * parameter gradients at aligned, balanced states of increasing mode strength u (THEORY.md §0.5, §2).
 *
 * At the state θ(u) (mode k at per-layer scale u^{1/L}, the other modes at their learned scale), one sample
 * x ~ N(0, I), y = W* x + σ_ξ ζ has the parameter gradient ∇_θ ℓ = backward((W − W*)x xᵀ) − σ_ξ backward(ζ xᵀ),
 * linear in σ_ξ. Its projection on a direction d is X + σ_ξ N with X = ⟨backward((W − W*)x xᵀ), d⟩ and
 * N = −⟨backward(ζ xᵀ), d⟩, both computed by the network's backward pass. The directions:
 * - 'end-to-end': d = ∇_θ u_k = backward(u_k v_kᵀ), so Var(X + σ_ξ N) is (B/η) b_u²;
 * - 'parameter':  d = (1/L) ∂θ/∂a_k, the balanced per-layer direction, so the variance is (B/η) b_a².
 * The same samples serve every u and every σ_ξ (common random numbers), so the measured variance is a smooth
 * function of both; samples are split into batches whose spread gives the uncertainty of anything derived.
 */
import { type Mat, zeros } from '../linalg/mat.js';
import { randomStream } from '../random/stream.js';
import type { DiffusionSpace } from '../reductions/perModeSdePeak.js';
import { integerInRange, oneOf, positiveNumber, seedValue } from '../validate.js';
import { type DeepLinearShape, deepLinearShape } from './deepLinearShape.js';
import { initialize } from './initialize.js';
import { LayerProducts } from './layerProducts.js';
import type { Teacher } from './teacher.js';

export interface ModeNoiseSamplerOptions {
  readonly depth: number;
  /** Hidden width (≥ number of teacher modes). */
  readonly width: number;
  readonly teacher: Teacher;
  /** Which teacher mode (0-based); default 0. */
  readonly mode?: number;
  readonly space: DiffusionSpace;
  /** Samples per batch. */
  readonly samples: number;
  readonly batches: number;
  readonly seed: number;
}

/** Sample variance of X, covariance of X and N, variance of N, over one batch at one strength. */
export interface ProjectedMoments {
  readonly xx: number;
  readonly xn: number;
  readonly nn: number;
}

/** Var(X + σN) from the moments. */
export function projectedVariance(moments: ProjectedMoments, sigma: number): number {
  return moments.xx + 2 * sigma * moments.xn + sigma * sigma * moments.nn;
}

/** Flat dot product. */
function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The aligned, balanced parameters with mode k at per-layer scale a and the others at their learned scale. */
function alignedState(shape: DeepLinearShape, teacher: Teacher, k: number, a: number): Float64Array {
  const eps = Array.from(teacher.s, (s, i) => (i === k ? a : s > 0 ? s ** (1 / shape.depth) : 1e-8));
  return initialize(shape, { kind: 'aligned', eps, teacher });
}

/**
 * Batches of samples (x, ζ) drawn once (batch b from randomStream(seed, b, 0): x then ζ), and the moments of
 * their projections at any strength u of the mode: the same samples at every u (common random numbers).
 */
export class ModeNoiseSampler {
  readonly shape: DeepLinearShape;
  readonly mode: number;
  readonly space: DiffusionSpace;
  readonly batches: number;
  private readonly x: Mat[];
  private readonly zeta: Mat[];
  private readonly projector: SampleProjector;
  private readonly products: LayerProducts;
  private readonly unit: Mat;

  constructor(options: ModeNoiseSamplerOptions) {
    const { teacher } = options;
    this.shape = deepLinearShape({
      dIn: teacher.dIn,
      dOut: teacher.dOut,
      depth: options.depth,
      width: options.width,
    });
    this.mode = integerInRange('mode', options.mode ?? 0, 0, teacher.s.length - 1);
    this.space = oneOf('space', options.space, ['end-to-end', 'parameter'] as const);
    const n = integerInRange('samples', options.samples, 4);
    this.batches = integerInRange('batches', options.batches, 2, 1000);
    const seed = seedValue('seed', options.seed);
    this.x = [];
    this.zeta = [];
    for (let b = 0; b < this.batches; b++) {
      const stream = randomStream(seed, b, 0);
      const x = zeros(n, this.shape.dIn);
      const zeta = zeros(n, this.shape.dOut);
      stream.fillNormal(x.data);
      stream.fillNormal(zeta.data);
      this.x.push(x);
      this.zeta.push(zeta);
    }
    this.projector = new SampleProjector(this.shape, teacher, n);
    this.products = new LayerProducts(this.shape);
    this.unit = zeros(this.shape.dOut, this.shape.dIn);
    const r = teacher.s.length;
    for (let i = 0; i < this.shape.dOut; i++) {
      for (let j = 0; j < this.shape.dIn; j++) {
        this.unit.data[i * this.shape.dIn + j] =
          teacher.u.data[i * r + this.mode] * teacher.v.data[j * r + this.mode];
      }
    }
  }

  /** The moments of the projections of batch b at strength u > 0. */
  moments(b: number, u: number): ProjectedMoments {
    integerInRange('batch', b, 0, this.batches - 1);
    positiveNumber('u', u);
    const { theta, d } = this.direction(u ** (1 / this.shape.depth));
    return this.projector.moments(theta, d, this.x[b], this.zeta[b]);
  }

  /** The state θ(u) and the projection direction there (see the header). */
  private direction(a: number): { theta: Float64Array; d: Float64Array } {
    const { shape, mode } = this;
    const teacher = this.projector.teacher;
    const theta = alignedState(shape, teacher, mode, a);
    const d = new Float64Array(shape.size);
    if (this.space === 'parameter') {
      const shifted = alignedState(shape, teacher, mode, a + 1);
      for (let i = 0; i < d.length; i++) d[i] = (shifted[i] - theta[i]) / shape.depth;
      return { theta, d };
    }
    this.products.forward(theta);
    this.products.backward(theta, this.unit, d);
    return { theta, d };
  }
}

/** Per-sample projections X and N at one state, with scratch allocated once. */
class SampleProjector {
  private readonly products: LayerProducts;
  private readonly g: Mat;
  private readonly grad: Float64Array;
  private readonly residual: Float64Array;
  private readonly noise: Float64Array;
  private readonly values: Float64Array;

  constructor(
    private readonly shape: DeepLinearShape,
    readonly teacher: Teacher,
    samples: number,
  ) {
    this.products = new LayerProducts(shape);
    this.g = zeros(shape.dOut, shape.dIn);
    this.grad = new Float64Array(shape.size);
    this.residual = new Float64Array(shape.dOut);
    this.noise = new Float64Array(shape.dOut);
    this.values = new Float64Array(2 * samples);
  }

  /** ⟨backward(v xᵀ), d⟩ for the output vector v and input x (row `row` of xs). */
  private project(theta: Float64Array, d: Float64Array, v: Float64Array, xs: Mat, row: number): number {
    const { dIn, dOut } = this.shape;
    for (let i = 0; i < dOut; i++) {
      for (let j = 0; j < dIn; j++) this.g.data[i * dIn + j] = v[i] * xs.data[row * dIn + j];
    }
    this.products.backward(theta, this.g, this.grad);
    return dot(this.grad, d);
  }

  /** Sample variance of X, covariance of X and N, variance of N over the rows of x and zeta. */
  moments(theta: Float64Array, d: Float64Array, x: Mat, zeta: Mat): ProjectedMoments {
    const { dIn, dOut } = this.shape;
    const w = this.products.forward(theta);
    const target = this.teacher.w.data;
    const n = x.rows;
    const { values, noise } = this;
    for (let row = 0; row < n; row++) {
      for (let i = 0; i < dOut; i++) {
        let sum = 0;
        for (let j = 0; j < dIn; j++)
          sum += (w.data[i * dIn + j] - target[i * dIn + j]) * x.data[row * dIn + j];
        this.residual[i] = sum;
        noise[i] = -zeta.data[row * dOut + i];
      }
      values[2 * row] = this.project(theta, d, this.residual, x, row);
      values[2 * row + 1] = this.project(theta, d, noise, x, row);
    }
    return covariances(values, n);
  }
}

function covariances(values: Float64Array, n: number): ProjectedMoments {
  let mx = 0;
  let mn = 0;
  for (let i = 0; i < n; i++) {
    mx += values[2 * i];
    mn += values[2 * i + 1];
  }
  mx /= n;
  mn /= n;
  let xx = 0;
  let xn = 0;
  let nn = 0;
  for (let i = 0; i < n; i++) {
    const dx = values[2 * i] - mx;
    const dn = values[2 * i + 1] - mn;
    xx += dx * dx;
    xn += dx * dn;
    nn += dn * dn;
  }
  return { xx: xx / (n - 1), xn: xn / (n - 1), nn: nn / (n - 1) };
}
