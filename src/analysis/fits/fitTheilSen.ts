/**
 * Robust power law: the Theil–Sen slope on (ln x, ln y), i.e. the median of the pairwise slopes
 * (ln y_j − ln y_i)/(ln x_j − ln x_i) over pairs with x_i ≠ x_j, insensitive to up to 29% of wild points.
 *
 * Interval (Sen 1968): the slope β is accepted when Kendall's S between x and the residuals ln y − β ln x is
 * not significant; S is normal with variance [n(n−1)(2n+5) − Σ_ties t(t−1)(2t+5)]/18, the ties being groups
 * of equal x (repeated seeds). With C = z₀.₉₇₅·√Var S and N pairwise slopes, the bounds are the slopes of rank
 * (N − C)/2 and (N + C)/2 + 1, rounded outward; the interval is distribution-free for iid continuous errors.
 * When C ≥ N (too few points) a side is unbounded and reported as ±Infinity. The prefactor is
 * exp(median(ln y − p̂ ln x)); its "interval" is the range of that median over the slope interval — a guide
 * to how the prefactor trades off against the exponent, not a calibrated 95% interval of its own.
 */
import { normalQuantile } from '../normalQuantile.js';
import { median } from '../orderStatistics.js';
import { fitData } from './fitData.js';
import { formatNumber, type ScalingFit } from './scalingFit.js';

/** Kendall's S variance with ties in t (sorted copy grouped); no ties in v are assumed (continuous). */
function kendallVariance(t: Float64Array): number {
  const n = t.length;
  const sorted = t.slice().sort();
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const size = j - i;
    ties += size * (size - 1) * (2 * size + 5);
    i = j;
  }
  return (n * (n - 1) * (2 * n + 5) - ties) / 18;
}

/** Residual sum of squares and r² of the line v = a + b·t. */
function lineQuality(t: Float64Array, v: Float64Array, a: number, b: number): { rss: number; r2: number } {
  const n = t.length;
  const mean = v.reduce((sum, w) => sum + w, 0) / n;
  let rss = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    rss += (v[i] - a - b * t[i]) ** 2;
    svv += (v[i] - mean) ** 2;
  }
  return { rss, r2: svv > 0 ? 1 - rss / svv : 1 };
}

function pairwiseSlopes(t: Float64Array, v: Float64Array): Float64Array {
  const n = t.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (t[j] !== t[i]) slopes[count++] = (v[j] - v[i]) / (t[j] - t[i]);
    }
  }
  return slopes.subarray(0, count).sort();
}

function interceptFor(t: Float64Array, v: Float64Array, slope: number): number {
  return median(v.map((vi, i) => vi - slope * t[i]));
}

export function fitTheilSen(x: unknown, y: unknown): ScalingFit {
  const data = fitData(x, y, { positiveX: true, positiveY: true, minPoints: 3, model: 'theil-sen' });
  const t = data.x.map((v) => Math.log(v));
  const v = data.y.map((w) => Math.log(w));
  const slopes = pairwiseSlopes(t, v);
  const count = slopes.length;
  const slope = median(slopes);
  const reach = normalQuantile(0.975) * Math.sqrt(kendallVariance(t));
  // 1-based ranks ⌊(N − C)/2⌋ and ⌈(N + C)/2⌉ + 1, as 0-based indices.
  const lowerIndex = Math.floor((count - reach) / 2) - 1;
  const upperIndex = Math.ceil((count + reach) / 2);
  const ci95: [number, number] = [
    lowerIndex >= 0 ? slopes[lowerIndex] : Number.NEGATIVE_INFINITY,
    upperIndex < count ? slopes[upperIndex] : Number.POSITIVE_INFINITY,
  ];
  const intercept = interceptFor(t, v, slope);
  const bounds = ci95.map((b) => (Number.isFinite(b) ? Math.exp(interceptFor(t, v, b)) : Number.NaN));
  const prefactor = Math.exp(intercept);
  const { rss, r2 } = lineQuality(t, v, intercept, slope);
  const open = !Number.isFinite(ci95[0]) || !Number.isFinite(ci95[1]);
  return {
    model: 'theil-sen',
    exponent: slope,
    ci95,
    prefactor,
    prefactorCi95: open
      ? [0, Number.POSITIVE_INFINITY]
      : [Math.min(bounds[0], bounds[1]), Math.max(bounds[0], bounds[1])],
    offset: 0,
    n: t.length,
    r2,
    residualSd: Math.sqrt(rss / (t.length - 2)),
    interval: 'sen-kendall',
    status: open ? 'interval-open' : 'success',
    ...(open
      ? { detail: 'too few points for a 95% Sen interval; an open side is reported as ±Infinity' }
      : {}),
    formula: `y = ${formatNumber(prefactor)} * x^${formatNumber(slope)}`,
  };
}
