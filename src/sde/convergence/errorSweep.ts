/**
 * Error sweeps for convergence orders: each path is drawn once on the finest level of a BrownianPath and every
 * coarser level is the exact composition of the same path, so the error at every dt is measured on the same
 * Brownian motion. Strong differences are |X_dt − X| (Euclidean); weak differences are f(X_dt) − f(X) with
 * f(x) = sum_i x_i^2, where X is the exact solution on the same path (or a fine solve of the method itself).
 */
import { BrownianPath } from '../brownianPath.js';
import type { ReferenceProblem } from '../reference/referenceProblem.js';
import { brownianDimension } from '../sdeProblem.js';
import { solveSde } from '../solveSde.js';
import type { SdeMethod, SdeProblem } from '../types.js';

export type ErrorKind = 'strong' | 'weak';

export type SweepTarget = Pick<ReferenceProblem, 'problem'> & Partial<Pick<ReferenceProblem, 'exact'>>;

export interface ErrorSweepOptions {
  readonly kind: ErrorKind;
  /** Levels l of the sweep (dt = (t1 − t0) / 2^l). */
  readonly levels: readonly number[];
  readonly paths: number;
  /** Seed of the Brownian paths (default: the problem's). */
  readonly seed?: number;
  /** Compare with a solve on this finer level instead of the exact solution. */
  readonly referenceLevel?: number;
  /** The method of the reference solve (default: the method under test). */
  readonly referenceMethod?: SdeMethod;
}

export interface ErrorSweep {
  readonly dts: number[];
  /** differences[k][p]: the strong or weak difference at t1 on path p at the k-th level. */
  readonly differences: Float64Array[];
}

/** Thrown when a solve in a sweep fails; the sweep cannot measure an order from a failed path. */
export class SweepSolveError extends Error {
  override readonly name = 'SweepSolveError';
}

export function errorSweep(target: SweepTarget, method: SdeMethod, options: ErrorSweepOptions): ErrorSweep {
  const { problem } = target;
  const { levels, paths, referenceLevel } = options;
  const seed = options.seed ?? problem.seed;
  const path = new BrownianPath({
    brownianDim: brownianDimension(problem),
    finestLevel: Math.max(...levels, referenceLevel ?? 0),
    t0: problem.t0,
    t1: problem.t1,
    timeIntegral: true,
  });
  const differences = levels.map(() => new Float64Array(paths));
  for (let p = 0; p < paths; p++) {
    path.sample(seed, p);
    const reference = referenceState(target, method, options, path);
    for (const [k, l] of levels.entries()) {
      const x = endState(problem, method, path, l);
      differences[k][p] =
        options.kind === 'strong' ? distance(x, reference) : sumSquares(x) - sumSquares(reference);
    }
  }
  const dts = levels.map((l) => (problem.t1 - problem.t0) / 2 ** l);
  return { dts, differences };
}

function referenceState(
  target: SweepTarget,
  method: SdeMethod,
  options: ErrorSweepOptions,
  path: BrownianPath,
): Float64Array {
  const { problem, exact } = target;
  if (options.referenceLevel !== undefined) {
    return endState(problem, options.referenceMethod ?? method, path, options.referenceLevel);
  }
  if (exact === undefined) throw new SweepSolveError('a sweep needs an exact solution or a referenceLevel');
  const whole = path.level(0);
  return exact(problem.t1, whole.dW, { timeIntegral: whole.dZ as Float64Array });
}

function endState(problem: SdeProblem, method: SdeMethod, path: BrownianPath, level: number): Float64Array {
  const solution = solveSde(problem, method, { brownian: path.level(level), saveAt: [problem.t1] });
  if (solution.status !== 'success')
    throw new SweepSolveError(`${method.name} failed at dt level ${level}: ${solution.message}`);
  return solution.xEnd;
}

function distance(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] - b[i]) ** 2;
  return Math.sqrt(total);
}

function sumSquares(a: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * a[i];
  return total;
}
