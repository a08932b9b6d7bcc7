/**
 * Online minibatch gradients: each call draws a fresh batch of B samples x ~ N(0, I_dIn),
 * y = W* x + ξ with ξ ~ N(0, σ_ξ² I_dOut), and returns the gradient of the batch loss
 * (1/2B) Σ_b ‖W x_b − y_b‖². Its mean over batches is the population gradient; the per-sample covariance
 * is the SGD noise of THEORY.md §0.5 and §2. The batch lives in preallocated scratch: no allocation per call.
 */
import { type Mat, zeros } from '../linalg/mat.js';
import { matmulTransB } from '../linalg/matmul.js';
import type { RandomStream } from '../random/stream.js';
import { integerInRange, nonNegativeNumber } from '../validate.js';
import type { DeepLinearShape } from './deepLinearShape.js';
import { checkTeacher } from './populationLoss.js';
import { SampleObjective } from './sampleLoss.js';
import type { Teacher } from './teacher.js';

export interface OnlineGradientOptions {
  /** Batch size B ≥ 1. */
  readonly batch: number;
  /** Label-noise standard deviation σ_ξ ≥ 0. */
  readonly labelNoise: number;
}

/**
 * Fills x (B × dIn) with N(0, 1) draws and y (B × dOut) with W* x + ξ, drawing x first, then ξ row by row
 * (no draws for ξ when labelNoise is 0). `noise` is B × dOut scratch.
 */
export function drawBatch(
  teacher: Teacher,
  labelNoise: number,
  stream: RandomStream,
  x: Mat,
  y: Mat,
  noise: Mat,
) {
  stream.fillNormal(x.data);
  matmulTransB(x, teacher.w, y);
  if (labelNoise === 0) return;
  stream.fillNormal(noise.data, labelNoise);
  for (let i = 0; i < y.data.length; i++) y.data[i] += noise.data[i];
}

export class OnlineGradient {
  readonly batch: number;
  readonly labelNoise: number;
  readonly objective: SampleObjective;
  private readonly noise: Mat;

  constructor(
    readonly shape: DeepLinearShape,
    readonly teacher: Teacher,
    options: OnlineGradientOptions,
  ) {
    checkTeacher(shape, teacher);
    this.batch = integerInRange('batch', options?.batch, 1, 1 << 20);
    this.labelNoise = nonNegativeNumber('labelNoise', options?.labelNoise);
    this.objective = new SampleObjective(shape, zeros(this.batch, shape.dIn), zeros(this.batch, shape.dOut));
    this.noise = zeros(this.batch, shape.dOut);
  }

  /** Draws a batch from `stream`, writes its gradient into grad and returns the batch loss. */
  gradient(theta: Float64Array, grad: Float64Array, stream: RandomStream): number {
    const { x, y } = this.objective;
    drawBatch(this.teacher, this.labelNoise, stream, x, y, this.noise);
    return this.objective.gradient(theta, grad);
  }

  /** The end-to-end gradient (1/B) Σ_b (W x_b − y_b) x_bᵀ of the last batch (dOut × dIn). */
  get endToEndGradient(): Mat {
    return this.objective.endToEndGradient;
  }
}
