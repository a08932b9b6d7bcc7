/**
 * Monte Carlo of the SGD noise in the teacher's singular basis (THEORY.md §2): at an aligned, balanced state
 * with mode strengths u_i, draw single samples x ~ N(0, I), y = W* x + ξ, take the network's end-to-end
 * gradient G = (W x − y) xᵀ of each, and record its components g_ij = u_iᵀ G v_j. The theory says
 * E g_ij = e_i δ_ij with e_i = u_i − s_i, Var g_ii = 2e_i² + σ_ξ², and Var g_ij = e_i² + σ_ξ² for i ≠ j.
 */
import { type MomentEstimate, momentEstimate } from '../analysis/jointComparison.js';
import { InvalidArgumentError } from '../errors.js';
import { randomStream } from '../random/stream.js';
import { integerInRange, positiveNumber, seedValue } from '../validate.js';
import { deepLinearShape } from './deepLinearShape.js';
import { initialize } from './initialize.js';
import { OnlineGradient } from './onlineGradient.js';
import type { Teacher } from './teacher.js';

export interface ModeGradientOptions {
  readonly depth: number;
  readonly width: number;
  readonly teacher: Teacher;
  /** The strength u_i > 0 of every teacher mode at the aligned, balanced state. */
  readonly strengths: readonly number[];
  readonly labelNoise: number;
  readonly samples: number;
  readonly seed: number;
}

export interface ModeGradientComponent {
  /** Row mode i and column mode j (0-based). */
  readonly i: number;
  readonly j: number;
  /** e_i = u_i − s_i of the row mode. */
  readonly error: number;
  readonly moments: MomentEstimate;
}

/** The sample moments of every component g_ij, in row-major order of (i, j). */
export function modeGradientSamples(options: ModeGradientOptions): ModeGradientComponent[] {
  const { teacher } = options;
  const r = teacher.s.length;
  const shape = deepLinearShape({
    dIn: teacher.dIn,
    dOut: teacher.dOut,
    depth: options.depth,
    width: options.width,
  });
  if (!Array.isArray(options.strengths) || options.strengths.length !== r) {
    throw new InvalidArgumentError(
      'strengths',
      options.strengths,
      `an array of ${r} strengths u_i > 0, one per mode`,
    );
  }
  const u = options.strengths.map((value, i) => positiveNumber(`strengths[${i}]`, value));
  const n = integerInRange('samples', options.samples, 4);
  const theta = initialize(shape, { kind: 'aligned', eps: u.map((x) => x ** (1 / shape.depth)), teacher });
  const online = new OnlineGradient(shape, teacher, { batch: 1, labelNoise: options.labelNoise });
  const stream = randomStream(seedValue('seed', options.seed), 0, 0);
  const grad = new Float64Array(shape.size);
  const values = Array.from({ length: r * r }, () => new Float64Array(n));
  const { dIn, dOut } = shape;
  for (let sample = 0; sample < n; sample++) {
    online.gradient(theta, grad, stream);
    const g = online.endToEndGradient.data;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let sum = 0;
        for (let a = 0; a < dOut; a++) {
          let row = 0;
          for (let b = 0; b < dIn; b++) row += g[a * dIn + b] * teacher.v.data[b * r + j];
          sum += teacher.u.data[a * r + i] * row;
        }
        values[i * r + j][sample] = sum;
      }
    }
  }
  return values.map((sample, c) => {
    const i = Math.floor(c / r);
    return { i, j: c % r, error: u[i] - teacher.s[i], moments: momentEstimate(sample) };
  });
}
