/**
 * A fully specified continuous distribution for the goodness-of-fit tests, and the two that the toolkit
 * needs most. A bare CDF `(x) => number` is accepted wherever a distribution is; the optional log-tails let
 * the Anderson–Darling statistic stay accurate where F is within rounding of 0 or 1, and the quantile lets
 * the chi-square test place equiprobable bins.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteNumber, positiveNumber } from '../validate.js';
import { logNormalCdf, logNormalSf, normalCdf } from './normal.js';
import { normalQuantile } from './normalQuantile.js';

export interface ContinuousDistribution {
  /** For messages and reports, e.g. "N(0, 1)". */
  readonly name: string;
  /** F(x) = P(X ≤ x), non-decreasing from 0 to 1. */
  cdf(x: number): number;
  /** log F(x); computed as log(cdf(x)) when absent. */
  logCdf?(x: number): number;
  /** log(1 − F(x)); computed as log1p(−cdf(x)) when absent. */
  logSf?(x: number): number;
  /** F⁻¹(p) for p in (0, 1). */
  quantile?(p: number): number;
}

/** A distribution, or just its CDF. */
export type DistributionLike = ContinuousDistribution | ((x: number) => number);

/** N(mean, sd²). */
export function normalDistribution(mean = 0, sd = 1): ContinuousDistribution {
  finiteNumber('mean', mean);
  positiveNumber('sd', sd);
  const z = (x: number): number => (x - mean) / sd;
  return {
    name: `N(${mean}, ${sd}^2)`,
    cdf: (x) => normalCdf(z(x)),
    logCdf: (x) => logNormalCdf(z(x)),
    logSf: (x) => logNormalSf(z(x)),
    quantile: (p) => mean + sd * normalQuantile(p),
  };
}

/** The uniform distribution on [lower, upper]. */
export function uniformDistribution(lower = 0, upper = 1): ContinuousDistribution {
  finiteNumber('lower', lower);
  finiteNumber('upper', upper);
  if (!(upper > lower)) throw new InvalidArgumentError('upper', upper, `a number > lower = ${lower}`);
  const width = upper - lower;
  const u = (x: number): number => Math.min(1, Math.max(0, (x - lower) / width));
  return {
    name: `U(${lower}, ${upper})`,
    cdf: u,
    logCdf: (x) => Math.log(u(x)),
    logSf: (x) => Math.log1p(-u(x)),
    quantile: (p) => lower + p * width,
  };
}

/** Validates a distribution argument and wraps a bare CDF. */
export function asDistribution(argument: string, value: unknown): ContinuousDistribution {
  if (typeof value === 'function') return { name: 'the given CDF', cdf: value as (x: number) => number };
  if (typeof value === 'object' && value !== null && typeof (value as { cdf?: unknown }).cdf === 'function') {
    return value as ContinuousDistribution;
  }
  throw new InvalidArgumentError(
    argument,
    value,
    'a CDF (x) => number or an object with a cdf method',
    'Pass e.g. normalDistribution(0, 1).',
  );
}
