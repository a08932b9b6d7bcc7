/**
 * Power law y = C·x^p by least squares on ln y = ln C + p·ln x: the errors are taken as multiplicative
 * (Gaussian on the log scale), the usual model when y spans decades. The 95% interval for p is
 * p̂ ± t₀.₉₇₅,ₙ₋₂·se(p̂), exact under that model; for C it is exp of the interval for ln C, so C = e^(ln Ĉ)
 * estimates the median of y at x = 1, not its mean.
 */
import { fitData } from './fitData.js';
import { linearLeastSquares, scalingFitFromLine } from './linearLeastSquares.js';
import { formatNumber, type ScalingFit } from './scalingFit.js';

export function fitPowerLaw(x: unknown, y: unknown): ScalingFit {
  const data = fitData(x, y, { positiveX: true, positiveY: true, minPoints: 3, model: 'power' });
  const line = linearLeastSquares(
    data.x.map((v) => Math.log(v)),
    data.y.map((v) => Math.log(v)),
  );
  return scalingFitFromLine(
    'power',
    line,
    Math.exp,
    (c, p) => `y = ${formatNumber(c)} * x^${formatNumber(p)}`,
  );
}
