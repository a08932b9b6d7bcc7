/**
 * Power law with offset y = y₀ + C·x^p by nonlinear least squares with additive Gaussian errors (e.g. a loss
 * decaying to a floor), by variable projection: for fixed p the model is linear in (y₀, C), so the residual
 * sum of squares RSS(p) is a one-dimensional profile. It is scanned on a grid over the search range (default
 * p ∈ [−8, 8]), which finds the global minimum among several, then refined by golden-section search.
 *
 * Interval for p: the profile-likelihood set {p : RSS(p) ≤ RSS_min·(1 + t²₀.₉₇₅,ₙ₋₃/(n − 3))}, exact for a
 * linear model and far better calibrated than the Jacobian (Wald) interval when the curvature of x^p in p
 * matters; the Wald interval is returned too. Where the profile does not rise above the threshold inside the
 * search range the bound is ±Infinity and the status says so. Intervals for C and y₀ are Wald, from
 * s²(JᵀJ)⁻¹ with J the Jacobian in (y₀, C, p). As p → 0 the family tends to the log law; p = 0 itself, where
 * x^p is constant, is skipped.
 */

import { InvalidArgumentError } from '../../errors.js';
import { finiteNumber } from '../../validate.js';
import { studentTQuantile } from '../studentTQuantile.js';
import { fitData } from './fitData.js';
import { type LinearOffsetFit, ProfileSearch } from './powerOffsetProfile.js';
import { formatNumber, type ScalingFit, signedTerm } from './scalingFit.js';

export interface PowerOffsetOptions {
  /** Range searched for p; default [−8, 8]. */
  exponentRange?: [number, number];
}

export interface PowerOffsetFit extends ScalingFit {
  /** 95% interval for y₀ (Wald). */
  offsetCi95: [number, number];
  /** The Jacobian (Wald) 95% interval for p, for comparison with the profile interval in ci95. */
  waldCi95: [number, number];
}

function range(options: PowerOffsetOptions): [number, number] {
  const [lo, hi] = options.exponentRange ?? [-8, 8];
  finiteNumber('options.exponentRange[0]', lo);
  finiteNumber('options.exponentRange[1]', hi);
  if (!(hi > lo))
    throw new InvalidArgumentError('options.exponentRange', [lo, hi], 'an interval [lo, hi] with hi > lo');
  return [lo, hi];
}

function symmetric(centre: number, half: number): [number, number] {
  return [centre - half, centre + half];
}

export function fitPowerOffset(x: unknown, y: unknown, options: PowerOffsetOptions = {}): PowerOffsetFit {
  const data = fitData(x, y, { positiveX: true, positiveY: false, minPoints: 4, model: 'power-offset' });
  const [lo, hi] = range(options);
  const search = new ProfileSearch(data.x, data.y);
  const best = search.minimise(lo, hi);
  const n = data.x.length;
  const t = studentTQuantile(0.975, n - 3);
  const threshold = best.rss * (1 + (t * t) / (n - 3));
  const lower = search.crossing(best.p, lo, threshold);
  const upper = search.crossing(best.p, hi, threshold);
  const fit: LinearOffsetFit = search.fitAt(best.p);
  const wald = search.waldStandardErrors(fit);
  const status: ScalingFit['status'] = best.atBound
    ? 'exponent-at-search-bound'
    : Number.isFinite(lower) && Number.isFinite(upper)
      ? 'success'
      : 'interval-open';
  const result: PowerOffsetFit = {
    model: 'power-offset',
    exponent: best.p,
    ci95: [lower, upper],
    waldCi95: symmetric(best.p, t * wald.p),
    prefactor: fit.c,
    prefactorCi95: symmetric(fit.c, t * wald.c),
    offset: fit.y0,
    offsetCi95: symmetric(fit.y0, t * wald.y0),
    n,
    r2: search.syy > 0 ? 1 - fit.rss / search.syy : 1,
    residualSd: Math.sqrt(fit.rss / (n - 3)),
    interval: 'profile-likelihood',
    status,
    formula: `y = ${formatNumber(fit.y0)}${signedTerm(fit.c)} * x^${formatNumber(best.p)}`,
  };
  if (status === 'exponent-at-search-bound') {
    result.detail = `the best exponent lies at the edge of the search range [${lo}, ${hi}]; widen exponentRange`;
  } else if (status === 'interval-open') {
    result.detail = `the data do not bound p inside [${lo}, ${hi}] at 95%; an open side is reported as ±Infinity`;
  }
  return result;
}
