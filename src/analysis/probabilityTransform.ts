/**
 * The probability integral transform of a sample under a hypothesised distribution: sort the sample and map
 * each point through F. Under the hypothesis the result is an ordered uniform sample, which is what the
 * Kolmogorov–Smirnov and Anderson–Darling statistics measure. The sample and the CDF's values are validated
 * here, once, for every test built on it.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteVector } from '../validate.js';
import { asDistribution, type ContinuousDistribution, type DistributionLike } from './distribution.js';

export interface TransformedSample {
  /** The sample, sorted ascending. */
  sorted: Float64Array;
  /** F at each sorted point: non-decreasing values in [0, 1]. */
  u: Float64Array;
  distribution: ContinuousDistribution;
}

/** A CDF may step down by rounding where its formula changes branch; more than this is a broken CDF. */
const MONOTONE_SLACK = 1e-12;

export function probabilityTransform(sample: unknown, distribution: DistributionLike): TransformedSample {
  const dist = asDistribution('distribution', distribution);
  const sorted = finiteVector('sample', sample).sort();
  const u = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const value = dist.cdf(sorted[i]);
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new InvalidArgumentError(
        `cdf(${sorted[i]})`,
        value,
        'a probability in [0, 1]',
        `Check the CDF of ${dist.name}.`,
      );
    }
    if (i > 0 && value < u[i - 1] - MONOTONE_SLACK) {
      throw new InvalidArgumentError(
        `cdf(${sorted[i]})`,
        value,
        `at least cdf(${sorted[i - 1]}) = ${u[i - 1]}: a CDF is non-decreasing`,
        `Check the CDF of ${dist.name}.`,
      );
    }
    u[i] = value;
  }
  return { sorted, u, distribution: dist };
}
