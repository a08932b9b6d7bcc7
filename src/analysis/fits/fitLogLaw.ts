/**
 * Logarithmic law y = a + b·ln x by least squares with additive Gaussian errors (e.g. an escape time
 * growing like ln(1/ε)). The exponent reported is the slope b, the prefactor the intercept a, each with its
 * Student-t 95% interval on n − 2 degrees of freedom.
 */
import { fitData } from './fitData.js';
import { linearLeastSquares, scalingFitFromLine } from './linearLeastSquares.js';
import { formatNumber, type ScalingFit, signedTerm } from './scalingFit.js';

export function fitLogLaw(x: unknown, y: unknown): ScalingFit {
  const data = fitData(x, y, { positiveX: true, positiveY: false, minPoints: 3, model: 'log' });
  const line = linearLeastSquares(
    data.x.map((v) => Math.log(v)),
    data.y,
  );
  return scalingFitFromLine(
    'log',
    line,
    (a) => a,
    (a, b) => `y = ${formatNumber(a)}${signedTerm(b)} * ln(x)`,
  );
}
