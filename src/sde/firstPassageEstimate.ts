/**
 * A central first-passage time that is honest about censoring. Every path is censored at the same time t1
 * (type I censoring), so the Kaplan–Meier estimate of the survival function is the empirical one, and a
 * censored path counts as "not crossed by t1" (time +Infinity), never as crossing at t1 and never dropped.
 *
 * - Nothing censored: the mean, with its standard error and a normal 95% interval.
 * - Fewer than half censored: the mean is not identifiable from the data, but the median is; it is reported
 *   with the distribution-free 95% interval of order statistics (whose upper end may be +Infinity).
 * - Half or more censored: no central value; only the survival function up to t1 is known.
 */
import { sortedQuantile } from '../analysis/orderStatistics.js';
import { sampleMean, sampleVariance } from './ensembleStatistics.js';

export interface PassageEstimate {
  readonly kind: 'mean' | 'median' | 'none';
  /** The estimate; NaN for 'none'. */
  readonly value: number;
  /** Standard error of the mean (kind 'mean' only; NaN otherwise). */
  readonly standardError: number;
  /** Approximate 95% confidence interval. */
  readonly lower95: number;
  readonly upper95: number;
  /** Paths that entered the estimate (failed paths are left out and counted by the caller). */
  readonly count: number;
  readonly censored: number;
  /** What was estimated and why. */
  readonly note: string;
}

/** 97.5% quantile of the standard normal. */
const Z975 = 1.959963984540054;

/**
 * Estimate from passage times (crossed: finite; censored: +Infinity; failed: NaN, skipped) censored at
 * `censoringTime`.
 */
export function passageEstimate(times: Float64Array, censoringTime: number): PassageEstimate {
  const sorted = Float64Array.from(times.filter((time) => !Number.isNaN(time))).sort();
  const n = sorted.length;
  let censored = 0;
  while (censored < n && sorted[n - 1 - censored] === Number.POSITIVE_INFINITY) censored++;
  const base = { count: n, censored };
  if (n > 0 && censored === 0) {
    const mean = sampleMean(sorted);
    const standardError = Math.sqrt(sampleVariance(sorted, mean) / n);
    return {
      ...base,
      kind: 'mean',
      value: mean,
      standardError,
      lower95: mean - Z975 * standardError,
      upper95: mean + Z975 * standardError,
      note: `Mean of ${n} passage times; no path was censored.`,
    };
  }
  if (n > 0 && 2 * censored < n) {
    const half = (Z975 * Math.sqrt(n)) / 2;
    const lowRank = Math.max(1, Math.floor(n / 2 - half));
    const highRank = Math.min(n, Math.ceil(n / 2 + 1 + half));
    return {
      ...base,
      kind: 'median',
      value: sortedQuantile(sorted, 0.5),
      standardError: Number.NaN,
      lower95: sorted[lowRank - 1],
      upper95: sorted[highRank - 1],
      note:
        `Median, not mean: ${censored} of ${n} paths had not crossed by t1 = ${censoringTime}, so the mean ` +
        'is not identifiable; the median is, because fewer than half are censored.',
    };
  }
  return {
    ...base,
    kind: 'none',
    value: Number.NaN,
    standardError: Number.NaN,
    lower95: Number.NaN,
    upper95: Number.NaN,
    note:
      n === 0
        ? 'No path finished without failing; nothing to estimate.'
        : `${censored} of ${n} paths had not crossed by t1 = ${censoringTime}: at least half are censored, ` +
          'so neither the mean nor the median is identifiable. Increase t1 or use the survival function.',
  };
}

/**
 * Empirical (Kaplan–Meier with one censoring time) survival P(T > t) for t <= the censoring time: the
 * fraction of non-failed paths whose passage time exceeds t.
 */
export function survivalAt(times: Float64Array, t: number): number {
  let n = 0;
  let alive = 0;
  for (let p = 0; p < times.length; p++) {
    const time = times[p];
    if (Number.isNaN(time)) continue;
    n++;
    if (time > t) alive++;
  }
  return alive / n;
}
