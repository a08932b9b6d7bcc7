/**
 * Many estimates compared at once, each with its standard error: the means and variances of two ensembles at
 * every saved time, or measured variances against predictions. Each comparison gives z = (a − b)/se. Under the
 * hypothesis that every pair agrees, the largest |z| of m independent comparisons exceeds t with probability
 * 1 − (1 − 2Φ(−t))^m, so that is the p-value of the family (Šidák): the family passes at level α exactly when
 * every estimate lies within its joint (1 − α) interval b ± z_{(1+(1−α)^{1/m})/2}·se. For dependent
 * comparisons (one ensemble's mean and variance at nearby times) Šidák is conservative under positive
 * dependence and never far from Bonferroni.
 *
 * Standard errors of a variance estimate use the sample fourth central moment, se(s²) = √((m₄ − s⁴(n−3)/(n−1))/n),
 * the large-sample law of s²; it needs n of a few hundred or more.
 */
import { InvalidArgumentError } from '../errors.js';
import { normalSf } from './normal.js';
import { normalQuantile } from './normalQuantile.js';

export interface MomentEstimate {
  readonly n: number;
  readonly mean: number;
  /** Unbiased sample variance. */
  readonly variance: number;
  /** √(variance/n). */
  readonly meanError: number;
  /** Large-sample standard error of the variance estimate. */
  readonly varianceError: number;
}

/** Mean, variance and their standard errors of a sample of at least 4 finite numbers (NaNs are skipped). */
export function momentEstimate(sample: ArrayLike<number>): MomentEstimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < sample.length; i++) {
    if (!Number.isNaN(sample[i])) {
      n++;
      sum += sample[i];
    }
  }
  if (n < 4) throw new InvalidArgumentError('sample', sample, 'at least 4 numbers that are not NaN');
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < sample.length; i++) {
    if (Number.isNaN(sample[i])) continue;
    const d = (sample[i] - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  const fourth = m4 / n;
  const varianceError = Math.sqrt(Math.max(0, fourth - (variance * variance * (n - 3)) / (n - 1)) / n);
  return { n, mean, variance, meanError: Math.sqrt(variance / n), varianceError };
}

/** One comparison: estimate a against b (a reference or another estimate) with the combined standard error. */
export interface ComparisonRow {
  readonly label: string;
  readonly a: number;
  readonly b: number;
  /** Standard error of a − b (for independent estimates, √(se_a² + se_b²)). */
  readonly error: number;
}

export interface JointComparison {
  /** Number of comparisons m. */
  readonly comparisons: number;
  /** Largest |z| = |a − b|/error. */
  readonly largestZ: number;
  /** The row with the largest |z|. */
  readonly worst: ComparisonRow;
  /** P-value of the family, 1 − (1 − 2Φ(−max|z|))^m. */
  readonly pValue: number;
  /** The joint (1 − α) multiplier of the standard errors for α = 0.05, 0.01 and 0.001. */
  readonly jointZ: { readonly p95: number; readonly p99: number; readonly p999: number };
  readonly rows: readonly (ComparisonRow & { readonly z: number })[];
}

/** The z value whose two-sided tail, m times independently, leaves a family coverage of 1 − α. */
export function sidakZ(alpha: number, m: number): number {
  const single = -Math.expm1(Math.log1p(-alpha) / m);
  return normalQuantile(1 - single / 2);
}

/** Compares every row jointly. Rows with a zero standard error must agree exactly (else z = ±Infinity). */
export function compareJointly(rows: readonly ComparisonRow[]): JointComparison {
  if (rows.length === 0) throw new InvalidArgumentError('rows', rows, 'at least one comparison');
  const scored = rows.map((row) => {
    const difference = row.a - row.b;
    const z = difference === 0 ? 0 : difference / row.error;
    return { ...row, z };
  });
  let worst = scored[0];
  for (const row of scored) if (!(Math.abs(row.z) <= Math.abs(worst.z))) worst = row;
  const m = rows.length;
  const largestZ = Math.abs(worst.z);
  const single = 2 * normalSf(largestZ);
  const pValue = Number.isNaN(largestZ) ? Number.NaN : -Math.expm1(m * Math.log1p(-Math.min(single, 1)));
  return {
    comparisons: m,
    largestZ,
    worst,
    pValue: Math.min(1, Math.max(0, pValue)),
    jointZ: { p95: sidakZ(0.05, m), p99: sidakZ(0.01, m), p999: sidakZ(0.001, m) },
    rows: scored,
  };
}
