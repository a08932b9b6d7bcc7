/**
 * Ordinary least squares for a straight line v = a + b·t with the classical standard errors: with
 * s² = RSS/(n − 2), se(b) = s/√S_tt, se(a) = s·√(1/n + t̄²/S_tt), cov(a, b) = −t̄·s²/S_tt. Sums are taken
 * about the means, so a large common offset in t costs no digits. Under iid Gaussian errors
 * (â − a)/se(a) and (b̂ − b)/se(b) follow Student's t with n − 2 degrees of freedom.
 */
import { studentTQuantile } from '../studentTQuantile.js';
import type { ScalingFit } from './scalingFit.js';

export interface LineFit {
  intercept: number;
  slope: number;
  seIntercept: number;
  seSlope: number;
  covariance: number;
  rss: number;
  r2: number;
  n: number;
  /** n − 2. */
  dof: number;
  /** Student-t 0.975 quantile with n − 2 degrees of freedom. */
  t975: number;
}

/** Means of t and v and the sums of products about them. */
function centredSums(t: ArrayLike<number>, v: ArrayLike<number>) {
  const n = t.length;
  let tMean = 0;
  let vMean = 0;
  for (let i = 0; i < n; i++) {
    tMean += t[i];
    vMean += v[i];
  }
  tMean /= n;
  vMean /= n;
  let stt = 0;
  let stv = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const dt = t[i] - tMean;
    const dv = v[i] - vMean;
    stt += dt * dt;
    stv += dt * dv;
    svv += dv * dv;
  }
  return { tMean, vMean, stt, stv, svv };
}

/** The least-squares slope of v on t alone, for loops that need nothing else (bootstraps, order checks). */
export function leastSquaresSlope(t: ArrayLike<number>, v: ArrayLike<number>): number {
  const { stt, stv } = centredSums(t, v);
  return stv / stt;
}

/** Fits v = a + b·t; t and v validated by the caller (same length ≥ 3, t not constant). */
export function linearLeastSquares(t: Float64Array, v: Float64Array): LineFit {
  const n = t.length;
  const { tMean, vMean, stt, stv, svv } = centredSums(t, v);
  const slope = stv / stt;
  const intercept = vMean - slope * tMean;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (v[i] - intercept - slope * t[i]) ** 2;
  const dof = n - 2;
  const s2 = rss / dof;
  return {
    intercept,
    slope,
    seIntercept: Math.sqrt(s2 * (1 / n + (tMean * tMean) / stt)),
    seSlope: Math.sqrt(s2 / stt),
    covariance: (-tMean * s2) / stt,
    rss,
    r2: svv > 0 ? 1 - rss / svv : 1,
    n,
    dof,
    t975: studentTQuantile(0.975, dof),
  };
}

/**
 * A ScalingFit from a line fitted on transformed axes: the exponent is the slope, the prefactor
 * `prefactorOf(intercept)` (exp for a power law, identity for the log law), intervals Student-t.
 */
export function scalingFitFromLine(
  model: 'power' | 'log',
  line: LineFit,
  prefactorOf: (intercept: number) => number,
  formula: (prefactor: number, exponent: number) => string,
): ScalingFit {
  const halfSlope = line.t975 * line.seSlope;
  const halfIntercept = line.t975 * line.seIntercept;
  const prefactor = prefactorOf(line.intercept);
  return {
    model,
    exponent: line.slope,
    ci95: [line.slope - halfSlope, line.slope + halfSlope],
    prefactor,
    prefactorCi95: [prefactorOf(line.intercept - halfIntercept), prefactorOf(line.intercept + halfIntercept)],
    offset: 0,
    n: line.n,
    r2: line.r2,
    residualSd: Math.sqrt(line.rss / line.dof),
    interval: 'student-t',
    status: 'success',
    formula: formula(prefactor, line.slope),
  };
}
