/**
 * Convergence orders of SDE methods from errors measured on shared Brownian paths.
 *
 * Strong order: the least-squares slope of log E|X_dt − X| on log dt. Weak order: the slope of
 * log |E[f(X_dt) − f(X)]| on log dt, where X is the exact solution on the same path — the difference has a much
 * smaller variance than f(X_dt) alone, so far fewer paths resolve the weak error. (At the coarse steps a weak
 * check needs, the next order of the expansion bends the slope by a few hundredths; a fit with a second term was
 * tried and found unidentifiable from five noisy levels, so the equivalence band of the verdict absorbs it.)
 * Slopes use the real dt values (not assuming halving), and the 95% and 99.9% intervals come from a bootstrap
 * over paths that keeps each path's errors at all levels together (they are correlated through the shared path).
 */

import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { leastSquaresSlope } from './fits/linearLeastSquares.js';
import { sortedQuantile } from './orderStatistics.js';

export type OrderKind = 'strong' | 'weak';

export interface OrderEstimate {
  readonly kind: OrderKind;
  readonly estimate: number;
  readonly ci95: readonly [number, number];
  readonly ci999: readonly [number, number];
  readonly dts: readonly number[];
  /** The error at each dt (mean absolute error, or absolute mean difference). */
  readonly errors: readonly number[];
  readonly paths: number;
}

export interface OrderOptions {
  readonly kind: OrderKind;
  /** Bootstrap resamples (default 1000). */
  readonly resamples?: number;
  readonly seed?: number;
}

/** Mean at each level of the per-path differences (strong: of |d|; weak: of d, signed), over the chosen paths. */
function levelMeans(
  kind: OrderKind,
  differences: readonly Float64Array[],
  pick: Int32Array | null,
): number[] {
  return differences.map((d) => {
    const n = pick ? pick.length : d.length;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = d[pick ? pick[i] : i];
      sum += kind === 'strong' ? Math.abs(v) : v;
    }
    return sum / n;
  });
}

function validate(dts: readonly number[], differences: readonly Float64Array[]): number {
  if (dts.length < 3)
    throw new InvalidArgumentError(
      'dts',
      dts,
      'at least 3 step sizes',
      'A slope and its interval need three levels or more.',
    );
  for (const dt of dts)
    if (!(dt > 0) || !Number.isFinite(dt))
      throw new InvalidArgumentError('dts', dts, 'finite step sizes > 0');
  if (differences.length !== dts.length) {
    throw new DimensionMismatchError(
      `differences has ${differences.length} levels but dts has ${dts.length}; give one array of per-path differences per dt.`,
    );
  }
  const paths = differences[0].length;
  if (paths < 2 || differences.some((d) => d.length !== paths)) {
    throw new DimensionMismatchError(
      `every level needs the same number (>= 2) of paths; received ${differences.map((d) => d.length).join(', ')}.`,
    );
  }
  return paths;
}

/**
 * `differences[k][p]` is X_dt − X (strong) or f(X_dt) − f(X) (weak) on path p at step size dts[k].
 * Returns the fitted order with bootstrap intervals; a level whose error is 0 or not finite gives NaN.
 */
export function estimateOrder(
  dts: readonly number[],
  differences: readonly Float64Array[],
  options: OrderOptions,
): OrderEstimate {
  const paths = validate(dts, differences);
  const logDt = dts.map(Math.log);
  const errors = levelMeans(options.kind, differences, null).map(Math.abs);
  const slope = (means: number[]) =>
    leastSquaresSlope(
      logDt,
      means.map((m) => Math.log(Math.abs(m))),
    );
  const resamples = options.resamples ?? 1000;
  const rng = xoroshiro128plus(options.seed ?? 1);
  const pick = new Int32Array(paths);
  const slopes = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < paths; i++) pick[i] = uniformInt(rng, 0, paths - 1);
    slopes[b] = slope(levelMeans(options.kind, differences, pick));
  }
  slopes.sort();
  const finite = slopes.every(Number.isFinite);
  const interval = (q: number): [number, number] =>
    finite ? [sortedQuantile(slopes, q / 2), sortedQuantile(slopes, 1 - q / 2)] : [Number.NaN, Number.NaN];
  return {
    kind: options.kind,
    estimate: slope(levelMeans(options.kind, differences, null)),
    ci95: interval(0.05),
    ci999: interval(0.001),
    dts,
    errors,
    paths,
  };
}
