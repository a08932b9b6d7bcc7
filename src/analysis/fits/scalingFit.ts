/** The common shape of every scaling-law fit, so a theorem can ask for an exponent without caring how. */

export type ScalingModel = 'power' | 'log' | 'power-offset' | 'theil-sen';

export interface ScalingFit {
  /** Which law: power y = C·x^p, log y = a + b·ln x, power-offset y = y₀ + C·x^p, theil-sen (robust power). */
  model: ScalingModel;
  /** p for the power laws; the slope b on ln x for the log law. */
  exponent: number;
  /** 95% confidence interval for the exponent (bounds may be ±Infinity when the data cannot close it). */
  ci95: [number, number];
  /** C for the power laws; the intercept a for the log law. */
  prefactor: number;
  /** 95% confidence interval for the prefactor. */
  prefactorCi95: [number, number];
  /** y₀ for the power-offset law, else 0. */
  offset: number;
  n: number;
  /** Coefficient of determination on the scale the model is fitted (ln y for power and theil-sen, y else). */
  r2: number;
  /** Residual standard deviation on that scale (RSS/(n − parameters), square-rooted). */
  residualSd: number;
  /** How ci95 was obtained. */
  interval: 'student-t' | 'profile-likelihood' | 'sen-kendall' | 'bootstrap-percentile';
  /** 'success', or why the estimate or its interval cannot be trusted (never silently wrong). */
  status: 'success' | 'exponent-at-search-bound' | 'interval-open';
  detail?: string;
  /** The fitted law with its numbers, e.g. "y = 2.01 * x^-0.503". */
  formula: string;
}

/** A few significant digits for a formula string. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value);
}

/** " + 2.5" or " - 2.5": a term of a formula with its sign. */
export function signedTerm(value: number): string {
  return value < 0 ? ` - ${formatNumber(-value)}` : ` + ${formatNumber(value)}`;
}
