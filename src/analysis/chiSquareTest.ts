/**
 * Pearson's chi-square goodness-of-fit test on a histogram.
 *
 * Bins are the intervals (−∞, e₁], (e₁, e₂], …, (e_k, ∞) between the given edges, or, without edges, k
 * equiprobable bins from the distribution's quantile with k = min(⌊n/5⌋, ⌈2n^(2/5)⌉) (Moore's rule). Adjacent
 * bins are merged, left to right, until every expected count n·p_j is at least `minExpected` (5 by default),
 * the classical condition for the χ² approximation. Then X² = Σ (O_j − E_j)²/E_j has k − 1 − (estimated
 * parameters) degrees of freedom and the p-value is its upper tail, computed directly as Q(df/2, X²/2) so it
 * stays accurate below 1e−16.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate.js';
import { asDistribution, type ContinuousDistribution, type DistributionLike } from './distribution.js';
import { chiSquareSf } from './incompleteGamma.js';

export interface ChiSquareOptions {
  /** Interior bin edges, strictly increasing; default: equiprobable bins from the quantile function. */
  edges?: ArrayLike<number>;
  /** Number of equiprobable bins when `edges` is absent; default min(⌊n/5⌋, ⌈2n^(2/5)⌉). */
  bins?: number;
  /** Smallest expected count per bin after merging; default 5. */
  minExpected?: number;
  /** Parameters of the distribution estimated from this sample (each removes a degree of freedom); default 0. */
  estimatedParameters?: number;
}

export interface ChiSquareResult {
  test: 'chi-square';
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
  n: number;
  distribution: string;
  /** Upper edges of the merged bins (the last is +Infinity), observed and expected counts per bin. */
  upperEdges: number[];
  observed: number[];
  expected: number[];
}

function defaultEdges(n: number, options: ChiSquareOptions, dist: ContinuousDistribution): number[] {
  if (!dist.quantile) {
    throw new InvalidArgumentError(
      'options.edges',
      undefined,
      'bin edges, since the distribution has no quantile function',
      'Pass edges, or a distribution with a quantile method.',
    );
  }
  const bins =
    options.bins === undefined
      ? Math.max(2, Math.min(Math.floor(n / 5), Math.ceil(2 * n ** 0.4)))
      : integerInRange('options.bins', options.bins, 2);
  return Array.from({ length: bins - 1 }, (_, i) => (dist.quantile as (p: number) => number)((i + 1) / bins));
}

function checkEdges(edges: ArrayLike<number>): number[] {
  const out = Array.from(finiteVector('options.edges', edges));
  for (let i = 1; i < out.length; i++) {
    if (!(out[i] > out[i - 1])) {
      throw new InvalidArgumentError(
        `options.edges[${i}]`,
        out[i],
        `a number > edges[${i - 1}] = ${out[i - 1]}`,
      );
    }
  }
  return out;
}

/** Merges adjacent bins until each expected count reaches minExpected; the short last bin joins its left. */
function mergeBins(upper: number[], observed: number[], expected: number[], minExpected: number): void {
  let i = 0;
  while (i < expected.length) {
    if (expected[i] >= minExpected || expected.length === 1) {
      i++;
      continue;
    }
    const j = i + 1 < expected.length ? i + 1 : i - 1;
    const [lo, hi] = j > i ? [i, j] : [j, i];
    expected[lo] += expected[hi];
    observed[lo] += observed[hi];
    upper[lo] = upper[hi];
    expected.splice(hi, 1);
    observed.splice(hi, 1);
    upper.splice(hi, 1);
    i = lo;
  }
}

/** Observed and expected counts in the bins (−∞, upper₀], (upper₀, upper₁], … of a sorted sample. */
function binCounts(
  sorted: Float64Array,
  upper: number[],
  dist: ContinuousDistribution,
): { observed: number[]; expected: number[] } {
  const n = sorted.length;
  const observed: number[] = [];
  const expected: number[] = [];
  let below = 0;
  let index = 0;
  for (const edge of upper) {
    const cdf = edge === Number.POSITIVE_INFINITY ? 1 : dist.cdf(edge);
    if (!(cdf >= below && cdf <= 1)) {
      throw new InvalidArgumentError(`cdf(${edge})`, cdf, `a probability in [${below}, 1]`);
    }
    const start = index;
    while (index < n && sorted[index] <= edge) index++;
    observed.push(index - start);
    expected.push(n * (cdf - below));
    below = cdf;
  }
  return { observed, expected };
}

/** Tests whether `sample` is drawn from `distribution` by a chi-square test on binned counts. */
export function chiSquareTest(
  sample: unknown,
  distribution: DistributionLike,
  options: ChiSquareOptions = {},
): ChiSquareResult {
  const dist = asDistribution('distribution', distribution);
  const sorted = finiteVector('sample', sample).sort();
  const n = sorted.length;
  const minExpected = positiveNumber('options.minExpected', options.minExpected ?? 5);
  const estimated = integerInRange('options.estimatedParameters', options.estimatedParameters ?? 0, 0);
  const edges = options.edges === undefined ? defaultEdges(n, options, dist) : checkEdges(options.edges);
  const upper = [...edges, Number.POSITIVE_INFINITY];
  const { observed, expected } = binCounts(sorted, upper, dist);
  mergeBins(upper, observed, expected, minExpected);
  const degreesOfFreedom = expected.length - 1 - estimated;
  if (degreesOfFreedom < 1) {
    throw new InvalidArgumentError(
      'sample',
      sample,
      `enough points for at least ${2 + estimated} bins with expected count >= ${minExpected}`,
      `Only ${expected.length} bin(s) remain after merging; use more points or a smaller minExpected.`,
    );
  }
  let statistic = 0;
  for (let j = 0; j < expected.length; j++) statistic += (observed[j] - expected[j]) ** 2 / expected[j];
  return {
    test: 'chi-square',
    statistic,
    pValue: chiSquareSf(statistic, degreesOfFreedom),
    degreesOfFreedom,
    n,
    distribution: dist.name,
    upperEdges: upper,
    observed,
    expected,
  };
}
