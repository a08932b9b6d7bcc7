/** Order statistics of samples: quantiles of sorted samples and the median of any sample. */

/**
 * Quantile q of an ascending sample: with h = (n - 1) q, interpolates linearly between the order statistics
 * floor(h) and floor(h) + 1 (R's default, type 7). NaN for an empty sample.
 */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const fraction = h - lo;
  return fraction === 0 ? sorted[lo] : sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
}

/** The median of a sample in any order (the mean of the middle two for an even size); NaN when empty. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}
