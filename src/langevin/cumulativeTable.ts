/**
 * CDF and quantile function of a density known up to its normalizer, from the accepted panels of one adaptive
 * integration: F(x) = (sum of the panels left of x + the integral from the panel's left end to x) / Z. The
 * partial integral is one 15-point Kronrod rule on a sub-interval of an accepted panel, where the integrand
 * was already resolved to the tolerance. Quantiles solve F(x) = q by Newton's method inside the panel that
 * holds q, falling back on bisection, with the density as the derivative.
 */
import { gaussKronrod15, type PanelEstimate, type QuadratureResult } from './quadrature.js';

export interface CumulativeTable {
  cdf(x: number): number;
  quantile(q: number): number;
}

/** Index of the last panel whose left end is <= x (0 when x is left of every panel). */
function panelOf(left: Float64Array, x: number): number {
  let lo = 0;
  let hi = left.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (left[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Smallest index j >= 1 with cumulative[j] >= target (cumulative is non-decreasing, cumulative[0] = 0). */
function firstReaching(cumulative: Float64Array, target: number): number {
  let lo = 1;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * `weight` is the unnormalized density the panels integrated; `lower`/`upper` the domain (quantile(0) and
 * quantile(1)); the panels cover the support [left[0], right[last]].
 */
export function cumulativeTable(
  weight: (x: number) => number,
  panels: QuadratureResult,
  lower: number,
  upper: number,
): CumulativeTable {
  const { left, right, panelValue } = panels;
  const n = left.length;
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + panelValue[i];
  const Z = cumulative[n];
  const estimate: PanelEstimate = { value: 0, error: 0, absolute: 0 };
  const massBelow = (i: number, x: number): number =>
    cumulative[i] + (x > left[i] ? gaussKronrod15(weight, left[i], x, estimate).value : 0);
  const cdf = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (x <= left[0]) return 0;
    if (x >= right[n - 1]) return 1;
    return Math.min(1, Math.max(0, massBelow(panelOf(left, x), x) / Z));
  };
  const quantile = (q: number): number => {
    if (!(q >= 0 && q <= 1)) return Number.NaN;
    if (q === 0) return lower;
    if (q === 1) return upper;
    const target = q * Z;
    const i = Math.min(n - 1, firstReaching(cumulative, target) - 1);
    return solveInPanel(
      (x) => massBelow(i, x) - target,
      (x) => weight(x),
      left[i],
      right[i],
      Z,
    );
  };
  return { cdf, quantile };
}

/** Root of the increasing g on [a, b] (g(a) <= 0 <= g(b)) by Newton steps kept inside a shrinking bracket. */
function solveInPanel(
  g: (x: number) => number,
  derivative: (x: number) => number,
  a: number,
  b: number,
  Z: number,
): number {
  let x = 0.5 * (a + b);
  for (let iteration = 0; iteration < 100; iteration++) {
    const gx = g(x);
    // Stop at 4 ulps of mass: the partial integral itself is no more accurate than that.
    if (Math.abs(gx) <= 4 * 2 ** -52 * Z) return x;
    if (gx < 0) a = x;
    else b = x;
    if (b - a <= 2 * 2 ** -52 * Math.max(Math.abs(a), Math.abs(b))) return 0.5 * (a + b);
    const newton = x - gx / derivative(x);
    x = newton > a && newton < b ? newton : 0.5 * (a + b);
  }
  return x;
}
