/**
 * Overdamped Langevin dynamics with a state-dependent diffusion matrix, in the two forms the theory needs,
 * integrated by Euler-Maruyama with a Cholesky square root of the matrix at every step.
 *
 * Gibbs form (`form: 'gibbs'`): for a potential U, temperature T >= 0 and a symmetric positive semi-definite
 * mobility D(x), the Ito SDE
 *     dx = [ -D(x) grad U(x) + T div D(x) ] dt + sqrt(2T) D(x)^(1/2) dW,     (div D)_i = sum_j dD_ij/dx_j,
 * whose Fokker-Planck flux is J = -D (grad U p + T grad p): it vanishes for p = exp(-U/T) / Z, so the Gibbs
 * density is stationary exactly. Without the term T div D the stationary law is different (in 1-D it is
 * proportional to exp(-U/T) / D). The divergence is supplied by the user or computed by central differences
 * (see divergence.ts for the error).
 *
 * SGD form (`form: 'sgd'`): the diffusion approximation of SGD with learning rate eta and batch size B on a loss
 * L with per-sample gradient covariance Sigma(x),
 *     dx = -grad L(x) dt + sqrt(eta / B) Sigma(x)^(1/2) dW,
 * with no correction term: that is what SGD is, and its stationary law is in general not a Gibbs law.
 *
 * Cost per step: one matrix evaluation and a pivoted Cholesky factorization (about d^3/3), plus 2d more
 * matrix evaluations when the divergence is computed by differences. A run ends early, with the time reached,
 * on 'non-finite', 'blow-up', or 'not-positive-semidefinite' (the matrix had a negative eigenvalue at a
 * visited state). The matrix must be symmetric; that is checked at x0, and afterwards only its lower triangle
 * is read.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteVector, integerInRange, nonNegativeNumber, positiveNumber } from '../validate.js';
import { DEFAULT_DIVERGENCE_STEP, finiteDifferenceDivergence } from './divergence.js';
import { type MatrixNoiseSde, matrixEulerMaruyama } from './matrixEulerMaruyama.js';
import type { GradientField, LangevinOptions, LangevinPath, MatrixField, StateField } from './types.js';
import { checkSymmetric, probeField, validateRun } from './validateRun.js';

interface Span {
  readonly x0: Float64Array | readonly number[];
  readonly t0: number;
  readonly t1: number;
  readonly seed: number;
}

export interface GibbsLangevinProblem extends Span {
  readonly form: 'gibbs';
  /** grad U. */
  readonly gradient: GradientField;
  /** T >= 0; T = 0 is the deterministic flow dx = -D grad U dt. */
  readonly temperature: number;
  /** The mobility D(x): symmetric positive semi-definite, row-major d x d. */
  readonly diffusion: MatrixField;
  /** div D(x); omit it to use central differences. */
  readonly divergence?: StateField;
  /** Relative step of the central differences when `divergence` is omitted. */
  readonly divergenceStep?: number;
}

export interface SgdLangevinProblem extends Span {
  readonly form: 'sgd';
  /** grad L, the full-batch (population) gradient. */
  readonly gradient: GradientField;
  readonly learningRate: number;
  readonly batchSize: number;
  /** Sigma(x), the per-sample gradient covariance: symmetric positive semi-definite, row-major d x d. */
  readonly covariance: MatrixField;
}

export type OverdampedProblem = GibbsLangevinProblem | SgdLangevinProblem;

/** Integrates an overdamped Langevin problem from t0 to t1 with fixed step `options.dt`. */
export function overdampedLangevin(problem: OverdampedProblem, options: LangevinOptions): LangevinPath {
  if (typeof problem !== 'object' || problem === null) {
    throw new InvalidArgumentError('problem', problem, "an object with form 'gibbs' or 'sgd'");
  }
  const run = validateRun(problem, options);
  const x0 = finiteVector('x0', problem.x0);
  const d = x0.length;
  probeField('gradient', problem.gradient, x0, d, `a vector of length ${d}`);
  if (problem.form === 'gibbs') return matrixEulerMaruyama(gibbsSde(problem, x0), x0, run);
  if (problem.form === 'sgd') return matrixEulerMaruyama(sgdSde(problem, x0), x0, run);
  throw new InvalidArgumentError('problem.form', (problem as { form: unknown }).form, "'gibbs' or 'sgd'");
}

function probeMatrix(argument: string, field: unknown, x0: Float64Array): void {
  const d = x0.length;
  checkSymmetric(argument, probeField(argument, field, x0, d * d, `a ${d} x ${d} matrix`), d);
}

function gibbsSde(problem: GibbsLangevinProblem, x0: Float64Array): MatrixNoiseSde {
  const d = x0.length;
  const temperature = nonNegativeNumber('temperature', problem.temperature);
  probeMatrix('diffusion', problem.diffusion, x0);
  let divergence: StateField;
  if (problem.divergence === undefined) {
    const step = positiveNumber('divergenceStep', problem.divergenceStep ?? DEFAULT_DIVERGENCE_STEP);
    divergence = finiteDifferenceDivergence(problem.diffusion, d, step);
  } else {
    probeField('divergence', problem.divergence, x0, d, `a vector of length ${d}`);
    divergence = problem.divergence;
  }
  const gradient = problem.gradient;
  const g = new Float64Array(d);
  const div = new Float64Array(d);
  return {
    dimension: d,
    noiseVariance: 2 * temperature,
    matrix: problem.diffusion,
    drift(x, matrix, out) {
      gradient(x, g);
      divergence(x, div);
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += matrix[i * d + j] * g[j];
        out[i] = temperature * div[i] - s;
      }
    },
  };
}

function sgdSde(problem: SgdLangevinProblem, x0: Float64Array): MatrixNoiseSde {
  const d = x0.length;
  const learningRate = positiveNumber('learningRate', problem.learningRate);
  const batchSize = integerInRange('batchSize', problem.batchSize, 1);
  probeMatrix('covariance', problem.covariance, x0);
  const gradient = problem.gradient;
  return {
    dimension: d,
    noiseVariance: learningRate / batchSize,
    matrix: problem.covariance,
    drift(x, _matrix, out) {
      gradient(x, out);
      for (let i = 0; i < d; i++) out[i] = -out[i];
    },
  };
}
