/**
 * Averages over independent paths. Each path gives one time average of g over its saved states; the paths are
 * independent (distinct Brownian paths of one seed), so the spread of those averages gives an honest standard
 * error whatever the autocorrelation inside a path (the batch-means estimator with one batch per path).
 */

export interface PathAverage {
  /** Mean over paths of the per-path time averages. */
  readonly mean: number;
  /** Standard error of `mean`: sample standard deviation of the per-path averages / sqrt(paths). */
  readonly standardError: number;
}

/** Per-path averages of g(row) over rows of length d in `states`, one entry of `states` per path. */
export function pathAverage(
  states: readonly Float64Array[],
  d: number,
  g: (row: Float64Array, offset: number) => number,
): PathAverage {
  const averages = states.map((s) => {
    const rows = s.length / d;
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += g(s, r * d);
    return sum / rows;
  });
  return meanAndError(averages);
}

/** Mean and standard error of independent values. */
export function meanAndError(values: readonly number[]): PathAverage {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}
