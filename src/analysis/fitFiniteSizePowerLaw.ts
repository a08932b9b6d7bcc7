/**
 * A power law with its leading finite-size correction, y = C·x^p·exp(c·x^{−κ}), fitted as
 *   ln y = a + p ln x + c x^{−κ}
 * by weighted least squares. Quantities measured at a finite width w — a kernel of a random network, a norm of
 * random matrices — approach their power law with corrections O(1/w) in the logarithm (κ = 1): fitting a bare
 * power law over a window such as 64…1024 folds them into the exponent, a bias of the same order as a good
 * interval. Each point is weighted by the inverse sample variance of ln y among the points at the same x
 * (replicate draws), since the spread shrinks with the width; with fewer than two points at some x every weight
 * is 1. The 95% interval of p is Student-t with n − 3 degrees of freedom on the weighted residual scale.
 */
import { inverse, Matrix } from 'ml-matrix';
import { InvalidArgumentError } from '../errors.js';
import { fitData } from './fits/fitData.js';
import { studentTQuantile } from './studentTQuantile.js';

export interface FiniteSizeFit {
  readonly exponent: number;
  readonly ci95: [number, number];
  /** C = e^a. */
  readonly prefactor: number;
  /** c, the coefficient of x^{−κ} in ln y. */
  readonly correction: number;
  readonly n: number;
  readonly formula: string;
}

export function fitFiniteSizePowerLaw(x: unknown, y: unknown, kappa = 1): FiniteSizeFit {
  const data = fitData(x, y, { positiveX: true, positiveY: true, minPoints: 5, model: 'finite-size power' });
  if (typeof kappa !== 'number' || !(kappa > 0) || !Number.isFinite(kappa)) {
    throw new InvalidArgumentError('kappa', kappa, 'a finite number > 0');
  }
  const n = data.x.length;
  const lx = Array.from(data.x, Math.log);
  const ly = Array.from(data.y, Math.log);
  if (new Set(data.x).size < 3) {
    throw new InvalidArgumentError(
      'x',
      x,
      'at least three distinct values',
      'Three parameters need three widths.',
    );
  }
  const weights = replicateWeights(data.x, ly);
  const design = new Matrix(lx.map((l, i) => [1, l, data.x[i] ** -kappa]));
  const weighted = design.transpose().mulRowVector(weights);
  const covariance = inverse(weighted.mmul(design));
  const beta = covariance.mmul(weighted).mmul(Matrix.columnVector(ly)).to1DArray();
  let rss = 0;
  for (let i = 0; i < n; i++)
    rss += weights[i] * (ly[i] - beta[0] - beta[1] * lx[i] - beta[2] * data.x[i] ** -kappa) ** 2;
  const half = studentTQuantile(0.975, n - 3) * Math.sqrt((rss / (n - 3)) * covariance.get(1, 1));
  const [a, p, c] = beta;
  return {
    exponent: p,
    ci95: [p - half, p + half],
    prefactor: Math.exp(a),
    correction: c,
    n,
    formula: `ln y = ${a.toPrecision(4)} + ${p.toPrecision(4)} ln x + ${c.toPrecision(4)} x^-${kappa}`,
  };
}

/** 1 / (sample variance of ln y at the same x), normalized to mean 1; all ones if some x has one point. */
function replicateWeights(x: Float64Array, ly: number[]): number[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < x.length; i++) groups.set(x[i], [...(groups.get(x[i]) ?? []), ly[i]]);
  const variance = new Map<number, number>();
  for (const [v, values] of groups) {
    if (values.length < 2) return ly.map(() => 1);
    const mean = values.reduce((s, t) => s + t, 0) / values.length;
    const s2 = values.reduce((s, t) => s + (t - mean) ** 2, 0) / (values.length - 1);
    if (!(s2 > 0)) return ly.map(() => 1);
    variance.set(v, s2);
  }
  const raw = Array.from(x, (v) => 1 / (variance.get(v) as number));
  const mean = raw.reduce((s, t) => s + t, 0) / raw.length;
  return raw.map((w) => w / mean);
}
