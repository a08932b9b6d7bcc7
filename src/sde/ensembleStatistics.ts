/**
 * Summary statistics of an ensemble, computed on one thread in path order so that the same ensemble gives the
 * same floats whatever the number of workers. Only paths whose status is success enter the statistics; the
 * caller reports the others as failed, so a NaN or a blown-up path is never averaged in.
 */
import { sortedQuantile } from '../analysis/orderStatistics.js';

/** Per-component statistics over the successful paths; every array has one entry per state component. */
export interface EnsembleStatistics {
  /** Number of paths that entered the statistics. */
  readonly count: number;
  readonly mean: Float64Array;
  /** Unbiased sample variance (divisor count - 1); NaN when count < 2. */
  readonly variance: Float64Array;
  /** Standard error of the mean, sqrt(variance / count). */
  readonly standardError: Float64Array;
  /** Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7). */
  readonly q05: Float64Array;
  readonly q50: Float64Array;
  readonly q95: Float64Array;
}

/**
 * Statistics of the states `states[p * stride + offset + i]` (i < dimension) over the paths p with
 * `included[p] === 1`. Sums run in increasing p; the variance takes a second pass around the mean.
 */
export function ensembleStatistics(
  states: Float64Array,
  included: Uint8Array,
  dimension: number,
  stride = dimension,
  offset = 0,
): EnsembleStatistics {
  const paths = included.length;
  let count = 0;
  for (let p = 0; p < paths; p++) count += included[p];
  const stats = {
    count,
    mean: new Float64Array(dimension),
    variance: new Float64Array(dimension),
    standardError: new Float64Array(dimension),
    q05: new Float64Array(dimension),
    q50: new Float64Array(dimension),
    q95: new Float64Array(dimension),
  };
  const sample = new Float64Array(count);
  for (let i = 0; i < dimension; i++) {
    let n = 0;
    for (let p = 0; p < paths; p++) if (included[p] === 1) sample[n++] = states[p * stride + offset + i];
    const mean = sampleMean(sample);
    const variance = sampleVariance(sample, mean);
    stats.mean[i] = mean;
    stats.variance[i] = variance;
    stats.standardError[i] = Math.sqrt(variance / count);
    sample.sort();
    stats.q05[i] = sortedQuantile(sample, 0.05);
    stats.q50[i] = sortedQuantile(sample, 0.5);
    stats.q95[i] = sortedQuantile(sample, 0.95);
  }
  return stats;
}

/** Arithmetic mean summed left to right; NaN for an empty sample. */
export function sampleMean(sample: Float64Array): number {
  if (sample.length === 0) return Number.NaN;
  let sum = 0;
  for (let k = 0; k < sample.length; k++) sum += sample[k];
  return sum / sample.length;
}

/** Unbiased variance around a given mean (two-pass form); NaN below two values. */
export function sampleVariance(sample: Float64Array, mean: number): number {
  if (sample.length < 2) return Number.NaN;
  let sum = 0;
  for (let k = 0; k < sample.length; k++) {
    const deviation = sample[k] - mean;
    sum += deviation * deviation;
  }
  return sum / (sample.length - 1);
}
