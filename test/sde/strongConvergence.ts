/**
 * Strong-error sweeps for the convergence tests, on src/sde/convergence/errorSweep.ts. The order is the
 * least-squares slope of log(mean error) on log dt, and its standard error comes from the delta method with the
 * covariance of the errors across levels (the levels share each path, so their errors are correlated). This is an
 * independent check of the bootstrap intervals that `saddlecheck orders` reports.
 */
import { errorSweep, type SweepTarget } from '../../src/sde/convergence/errorSweep.js';
import type { SdeMethod } from '../../src/sde/index.js';

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

export function strongErrorSweep(target: SweepTarget, method: SdeMethod, options: SweepOptions): SweepResult {
  const { dts, differences } = errorSweep(target, method, { ...options, kind: 'strong' });
  return { dts, errors: differences, ...slopeWithStandardError(dts, differences) };
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
