/**
 * Strong-error sweeps for the convergence tests: each path is drawn once on the finest level of a BrownianPath
 * and every coarser level is the exact composition of the same path, so the error at every dt is measured on
 * the same Brownian motion. The order is the least-squares slope of log(mean error) on log dt, and its
 * standard error comes from the delta method with the covariance of the errors across levels (the levels
 * share each path, so their errors are correlated).
 */
import {
  BrownianPath,
  brownianDimension,
  type ReferenceProblem,
  type SdeMethod,
  type SdeProblem,
  solveSde,
} from '../../src/sde/index.js';

export interface SweepOptions {
  /** Levels l of the sweep (dt = (t1 - t0) / 2^l). */
  readonly levels: readonly number[];
  readonly paths: number;
  /** Compare with a solve on this finer level instead of an exact solution. */
  readonly referenceLevel?: number;
  /** The method of the reference solve (default: the method under test). */
  readonly referenceMethod?: SdeMethod;
}

export interface SweepResult {
  readonly dts: number[];
  /** errors[l][p]: Euclidean norm of the error at t1 on path p at the l-th level of the sweep. */
  readonly errors: Float64Array[];
  readonly meanErrors: number[];
  readonly slope: number;
  readonly standardError: number;
}

type Target = Pick<ReferenceProblem, 'problem'> & Partial<Pick<ReferenceProblem, 'exact'>>;

export function strongErrorSweep(target: Target, method: SdeMethod, options: SweepOptions): SweepResult {
  const { problem } = target;
  const { levels, paths, referenceLevel } = options;
  const finestLevel = Math.max(...levels, referenceLevel ?? 0);
  const path = new BrownianPath({
    brownianDim: brownianDimension(problem),
    finestLevel,
    t0: problem.t0,
    t1: problem.t1,
    timeIntegral: true,
  });
  const errors = levels.map(() => new Float64Array(paths));
  for (let p = 0; p < paths; p++) {
    path.sample(problem.seed, p);
    const reference = referenceState(target, method, options, path);
    levels.forEach((l, i) => {
      errors[i][p] = distance(endState(problem, method, path, l), reference);
    });
  }
  const dts = levels.map((l) => (problem.t1 - problem.t0) / 2 ** l);
  return { dts, errors, ...slopeWithStandardError(dts, errors) };
}

function referenceState(
  target: Target,
  method: SdeMethod,
  options: SweepOptions,
  path: BrownianPath,
): Float64Array {
  const { problem, exact } = target;
  if (options.referenceLevel !== undefined) {
    return endState(problem, options.referenceMethod ?? method, path, options.referenceLevel);
  }
  if (exact === undefined) throw new Error('a sweep needs an exact solution or a referenceLevel');
  const whole = path.level(0);
  return exact(problem.t1, whole.dW, { timeIntegral: whole.dZ as Float64Array });
}

function endState(
  problem: SdeProblem,
  method: SdeMethod | undefined,
  path: BrownianPath,
  level: number,
): Float64Array {
  if (method === undefined) throw new Error('no method for the reference solve');
  const solution = solveSde(problem, method, { brownian: path.level(level), saveAt: [problem.t1] });
  if (solution.status !== 'success') throw new Error(`${method.name} failed: ${solution.message}`);
  return solution.xEnd;
}

function distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

/** Slope of log(mean error) on log dt with its delta-method standard error. */
export function slopeWithStandardError(
  dts: readonly number[],
  errors: readonly Float64Array[],
): { meanErrors: number[]; slope: number; standardError: number } {
  const n = dts.length;
  const paths = errors[0].length;
  const meanErrors = errors.map((e) => e.reduce((s, v) => s + v, 0) / paths);
  const x = dts.map(Math.log);
  const xMean = x.reduce((s, v) => s + v, 0) / n;
  const sxx = x.reduce((s, v) => s + (v - xMean) ** 2, 0);
  // The slope is sum_k w_k log(mean_k); log(mean_k) has covariance Cov(e_k, e_l) / (paths mean_k mean_l).
  const w = x.map((v) => (v - xMean) / sxx);
  const slope = w.reduce((s, wk, k) => s + wk * Math.log(meanErrors[k]), 0);
  let variance = 0;
  for (let k = 0; k < n; k++) {
    for (let l = 0; l < n; l++) {
      let covariance = 0;
      for (let p = 0; p < paths; p++) {
        covariance += (errors[k][p] - meanErrors[k]) * (errors[l][p] - meanErrors[l]);
      }
      covariance /= paths - 1;
      variance += (w[k] * w[l] * covariance) / (paths * meanErrors[k] * meanErrors[l]);
    }
  }
  return { meanErrors, slope, standardError: Math.sqrt(variance) };
}
