/**
 * The Anderson–Darling test of a sample against a fully specified continuous distribution:
 *
 *   A²_n = −n − (1/n) Σ_{i=1}^{n} (2i − 1) [log F(x_(i)) + log(1 − F(x_(n+1−i)))],
 *
 * which weights the tails more than Kolmogorov–Smirnov does. The logarithms come from the distribution's
 * `logCdf`/`logSf` when it has them (exact in the far tails), else from log F and log1p(−F). A point where
 * F = 0 or 1 exactly makes A² infinite and the p-value 0: such a point is impossible under the hypothesis.
 * The p-value is `andersonDarlingSf` (Marsaglia & Marsaglia 2004, with a tail continuation; see there).
 */
import { InvalidArgumentError } from '../errors.js';
import { andersonDarlingSf } from './andersonDarlingSf.js';
import type { ContinuousDistribution, DistributionLike } from './distribution.js';
import { probabilityTransform } from './probabilityTransform.js';

export interface AndersonDarlingResult {
  test: 'anderson-darling';
  /** A²_n. */
  statistic: number;
  /** P(A²_n ≥ statistic) under the hypothesis. */
  pValue: number;
  n: number;
  distribution: string;
}

/** A log-probability from a user-supplied function: NaN or a positive value is a broken distribution. */
function checkedLog(name: string, x: number, value: number): number {
  if (typeof value !== 'number' || !(value <= 0)) {
    throw new InvalidArgumentError(`${name}(${x})`, value, 'a log-probability <= 0');
  }
  return value;
}

/** A²_n from the sorted sample, its probabilities u = F(sorted) and the distribution (for its log-tails). */
export function andersonDarlingStatistic(
  sorted: Float64Array,
  u: Float64Array,
  distribution: ContinuousDistribution,
): number {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = n - 1 - i;
    const lower = distribution.logCdf
      ? checkedLog('logCdf', sorted[i], distribution.logCdf(sorted[i]))
      : Math.log(u[i]);
    const upper = distribution.logSf
      ? checkedLog('logSf', sorted[j], distribution.logSf(sorted[j]))
      : Math.log1p(-u[j]);
    sum += (2 * i + 1) * (lower + upper);
  }
  return -n - sum / n;
}

/** Tests whether `sample` (finite numbers, n ≥ 1) is drawn from `distribution`. */
export function andersonDarlingTest(sample: unknown, distribution: DistributionLike): AndersonDarlingResult {
  const { sorted, u, distribution: dist } = probabilityTransform(sample, distribution);
  const statistic = andersonDarlingStatistic(sorted, u, dist);
  return {
    test: 'anderson-darling',
    statistic,
    pValue: statistic === Number.POSITIVE_INFINITY ? 0 : andersonDarlingSf(sorted.length, statistic),
    n: sorted.length,
    distribution: dist.name,
  };
}
