import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { differentiate } from '../../src/expressions/differentiate.js';
import { type ParsedExpression, parseExpression } from '../../src/expressions/parseExpression.js';
import { taylorCoefficients } from '../../src/expressions/taylorCoefficients.js';

const EPS = Number.EPSILON;
const SQRT_PI = Math.sqrt(Math.PI);

/** phi_sigma(z) = z sigma'(z) - sigma(z), the activation's imbalance function. */
function phi(sigma: string): ParsedExpression {
  const derivative = differentiate(parseExpression(sigma, { variables: ['z'] }), 'z');
  return parseExpression(`z*(${derivative.text}) - (${sigma})`, { variables: ['z'] });
}

/**
 * Leading coefficients of phi at 0 from the Taylor series of each activation: tanh z = z - z^3/3 + 2z^5/15,
 * erf z = (2/sqrt(pi))(z - z^3/3 + z^5/10), sin z = z - z^3/6, sigmoid = 1/2 + z/4 - z^3/48,
 * softplus = ln 2 + z/2 + z^2/8 - z^4/192, GELU = z/2 + z^2/sqrt(2 pi) - z^4/(6 sqrt(2 pi)),
 * SiLU = z/2 + z^2/4 - z^4/48. The z^n term of sigma gives (n - 1) times it in phi.
 */
const ACTIVATIONS: ReadonlyArray<readonly [string, string, readonly number[]]> = [
  ['tanh', 'tanh(z)', [0, 0, 0, -2 / 3, 0, 8 / 15]],
  ['erf', 'erf(z)', [0, 0, 0, -4 / (3 * SQRT_PI), 0, 8 / (10 * SQRT_PI)]],
  ['sin', 'sin(z)', [0, 0, 0, -1 / 3, 0, 4 / 120]],
  ['sigmoid', '1/(1+exp(-z))', [-1 / 2, 0, 0, -1 / 24, 0, 4 / 480]],
  ['softplus', 'log(1+exp(z))', [-Math.LN2, 0, 1 / 8, 0, -3 / 192, 0]],
  [
    'GELU',
    'z*(1+erf(z/sqrt(2)))/2',
    [0, 0, 1 / Math.sqrt(2 * Math.PI), 0, -3 / (6 * Math.sqrt(2 * Math.PI)), 0],
  ],
  ['SiLU', 'z/(1+exp(-z))', [0, 0, 1 / 4, 0, -3 / 48, 0]],
];

describe('taylorCoefficients', () => {
  it.each(ACTIVATIONS)('should give the Taylor coefficients of phi for %s at 0', (_name, sigma, exact) => {
    const expansion = taylorCoefficients(phi(sigma), 'z', 0, exact.length - 1);
    exact.forEach((c, k) => {
      if (c === 0) {
        expect(expansion.coefficients[k], `c_${k}`).toBe(0);
        return;
      }
      // The exact value must lie within the reported rounding bound (plus the rounding of the exact
      // constant itself); and the bound must stay far below |c| (1e-12 relative, thousands of eps, where
      // the terms summed give tens to hundreds of eps), so the zero test cannot swallow a true coefficient.
      const bound = expansion.errorBounds[k] + EPS * Math.abs(c);
      expect(Math.abs(expansion.coefficients[k] - c), `c_${k}`).toBeLessThanOrEqual(bound);
      expect(expansion.errorBounds[k], `bound of c_${k}`).toBeLessThanOrEqual(1e-12 * Math.abs(c));
    });
    expect(expansion.smoothness.smooth).toBe(true);
  });

  it('should give all-zero coefficients for the linear and ReLU activations, reporting the kink of ReLU', () => {
    for (const point of [0, 0.7, -1.3]) {
      expect(Array.from(taylorCoefficients(phi('z'), 'z', point, 4).coefficients)).toEqual([0, 0, 0, 0, 0]);
      const relu = taylorCoefficients(phi('max(z, 0)'), 'z', point, 4);
      expect(Array.from(relu.coefficients)).toEqual([0, 0, 0, 0, 0]);
      expect(relu.smoothness.smooth).toBe(point !== 0);
    }
  });

  it('should not report round-off as nonzero coefficients of identities', () => {
    // Each expression is identically zero; its value in floating point is a few ulps of its terms.
    for (const text of [
      'sin(x)^2 + cos(x)^2 - 1',
      'cosh(x)^2 - sinh(x)^2 - 1',
      'exp(x) - 1 - expm1(x)',
      '0.1*x*3 - 0.3*x',
    ]) {
      for (const point of [0.3, 2.5, -4]) {
        const expansion = taylorCoefficients(parseExpression(text, { variables: ['x'] }), 'x', point, 5);
        expect(Array.from(expansion.coefficients), `${text} at ${point}`).toEqual([0, 0, 0, 0, 0, 0]);
      }
    }
  });

  it('should keep tiny coefficients that are not round-off', () => {
    const expansion = taylorCoefficients(
      parseExpression('1e-20*x + 1e-30*x^2', { variables: ['x'] }),
      'x',
      0,
      3,
    );
    expect(Array.from(expansion.coefficients)).toEqual([0, 1e-20, 1e-30, 0]);
  });

  it('should give the Taylor coefficients of exp and of log1p at nonzero points', () => {
    const exp = taylorCoefficients(parseExpression('exp(x)', { variables: ['x'] }), 'x', 1.5, 6);
    let factorial = 1;
    for (let k = 0; k <= 6; k++) {
      if (k > 0) factorial *= k;
      // exp(1.5)/k!: library exp within one ulp plus the division; 4 eps relative.
      expect(Math.abs(exp.coefficients[k] - Math.exp(1.5) / factorial)).toBeLessThanOrEqual(
        (4 * EPS * Math.exp(1.5)) / factorial,
      );
    }
    const log1p = taylorCoefficients(parseExpression('log1p(x)', { variables: ['x'] }), 'x', 1, 5);
    for (let k = 1; k <= 5; k++) {
      // d^k log(1+x) / k! at x = 1 is (-1)^(k+1) / (k 2^k), a dyadic rational computed in a few operations.
      const exact = (-1) ** (k + 1) / (k * 2 ** k);
      expect(Math.abs(log1p.coefficients[k] - exact)).toBeLessThanOrEqual(8 * EPS * Math.abs(exact));
    }
  });

  it('should hold the other variables at given values', () => {
    const parsed = parseExpression('x*y + y^2*x^2', { variables: ['x', 'y'] });
    expect(Array.from(taylorCoefficients(parsed, 'x', 2, 3, { y: 3 }).coefficients)).toEqual([42, 39, 9, 0]);
    expect(() => taylorCoefficients(parsed, 'x', 2, 3)).toThrow(InvalidArgumentError);
    expect(() => taylorCoefficients(parsed, 'x', 2, 3, { y: Number.NaN })).toThrow(InvalidArgumentError);
  });

  it('should return non-finite coefficients with an infinite bound at a singular point', () => {
    const expansion = taylorCoefficients(parseExpression('sqrt(x)', { variables: ['x'] }), 'x', 0, 2);
    expect(expansion.coefficients[0]).toBe(0);
    expect(expansion.coefficients[1]).toBe(Number.POSITIVE_INFINITY);
    expect(expansion.errorBounds[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('should refuse bad orders, points and variables', () => {
    const parsed = parseExpression('x', { variables: ['x'] });
    for (const order of [-1, 13, 1.5, Number.NaN])
      expect(() => taylorCoefficients(parsed, 'x', 0, order)).toThrow(InvalidArgumentError);
    for (const point of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => taylorCoefficients(parsed, 'x', point, 2)).toThrow(InvalidArgumentError);
    expect(() => taylorCoefficients(parsed, 'z', 0, 2)).toThrow(InvalidArgumentError);
  });
});
