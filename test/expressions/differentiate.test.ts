import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { compileExpression } from '../../src/expressions/compileExpression.js';
import { differentiate } from '../../src/expressions/differentiate.js';
import { ExpressionError } from '../../src/expressions/ExpressionError.js';
import { erf } from '../../src/expressions/erf.js';
import { FUNCTION_NAMES } from '../../src/expressions/functions.js';
import { parseExpression } from '../../src/expressions/parseExpression.js';
import { ALL_UNARY, expressionArbitrary, SMOOTH_UNARY } from './expressionArbitrary.js';

const EPS = Number.EPSILON;
const SEED = 99173;

function derivativeOf(text: string, variable = 'x', variables = ['x'], parameters = {}) {
  return compileExpression(differentiate(parseExpression(text, { variables, parameters }), variable));
}

// Both sides are a handful of correctly rounded operations and library calls within one ulp each, so they
// differ by a few eps relative; 32 eps leaves room for the longest (sech' = -sech tanh, six operations).
const CLOSED_FORM_TOLERANCE = 32 * EPS;

type Case = readonly [string, (x: number) => number, readonly number[]];
const AWAY = [-1.3, 0.4, 2.1];
const POSITIVE = [0.3, 2.5];
const UNIT = [-0.6, 0.3];
const CLOSED_FORMS: readonly Case[] = [
  ['exp(x)', Math.exp, AWAY],
  ['expm1(x)', Math.exp, AWAY],
  ['log(x)', (x) => 1 / x, POSITIVE],
  ['log1p(x)', (x) => 1 / (1 + x), POSITIVE],
  ['log2(x)', (x) => 1 / (x * Math.LN2), POSITIVE],
  ['log10(x)', (x) => 1 / (x * Math.LN10), POSITIVE],
  ['log(x, 3)', (x) => 1 / (x * Math.log(3)), POSITIVE],
  ['sqrt(x)', (x) => 1 / (2 * Math.sqrt(x)), POSITIVE],
  ['cbrt(x)', (x) => 1 / (3 * Math.cbrt(x) ** 2), [-2, 0.3, 2.5]],
  ['sin(x)', Math.cos, AWAY],
  ['cos(x)', (x) => -Math.sin(x), AWAY],
  ['tan(x)', (x) => 1 / Math.cos(x) ** 2, AWAY],
  ['sec(x)', (x) => Math.sin(x) / Math.cos(x) ** 2, AWAY],
  ['csc(x)', (x) => -Math.cos(x) / Math.sin(x) ** 2, AWAY],
  ['cot(x)', (x) => -1 / Math.sin(x) ** 2, AWAY],
  ['sinh(x)', Math.cosh, AWAY],
  ['cosh(x)', Math.sinh, AWAY],
  ['tanh(x)', (x) => 1 / Math.cosh(x) ** 2, AWAY],
  ['sech(x)', (x) => -Math.sinh(x) / Math.cosh(x) ** 2, AWAY],
  ['csch(x)', (x) => -Math.cosh(x) / Math.sinh(x) ** 2, AWAY],
  ['coth(x)', (x) => -1 / Math.sinh(x) ** 2, AWAY],
  ['asin(x)', (x) => 1 / Math.sqrt(1 - x * x), UNIT],
  ['acos(x)', (x) => -1 / Math.sqrt(1 - x * x), UNIT],
  ['atan(x)', (x) => 1 / (1 + x * x), AWAY],
  ['asinh(x)', (x) => 1 / Math.sqrt(x * x + 1), AWAY],
  ['acosh(x)', (x) => 1 / Math.sqrt(x * x - 1), [1.5, 3]],
  ['atanh(x)', (x) => 1 / (1 - x * x), UNIT],
  ['erf(x)', (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), AWAY],
  ['abs(x)', Math.sign, [...AWAY, 0]],
  ['sign(x)', () => 0, AWAY],
  ['min(x, 1 - x)', (x) => (x < 0.5 ? 1 : x > 0.5 ? -1 : 0), [0.2, 0.5, 0.7]],
  ['max(x, 1 - x)', (x) => (x > 0.5 ? 1 : x < 0.5 ? -1 : 0), [0.2, 0.5, 0.7]],
  ['max(x, x^2, 0.25)', (x) => (x > 1 ? 2 * x : x > 0.25 ? 1 : x > -0.5 ? 0 : 2 * x), [-2, 0, 0.6, 3]],
  ['pow(x, 3.5)', (x) => 3.5 * x ** 2.5, POSITIVE],
  ['x^x', (x) => x ** x * (1 + Math.log(x)), POSITIVE],
  ['2^x', (x) => 2 ** x * Math.LN2, AWAY],
  ['erf(x^2)', (x) => (4 * x * Math.exp(-(x ** 4))) / Math.sqrt(Math.PI), AWAY],
  ['log1p(exp(x))', (x) => Math.exp(x) / (1 + Math.exp(x)), AWAY],
  ['abs(sin(x))', (x) => Math.sign(Math.sin(x)) * Math.cos(x), AWAY],
];

function closeTo(value: number, expected: number, tolerance: number, label: string) {
  expect(Math.abs(value - expected), `${label}: ${value} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );
}

describe('differentiate', () => {
  it.each(CLOSED_FORMS)('should give the closed-form derivative of %s', (text, exact, points) => {
    const d = derivativeOf(text);
    for (const x of points) closeTo(d(x), exact(x), CLOSED_FORM_TOLERANCE, `${text} at ${x}`);
  });

  it('should differentiate every whitelisted function into whitelisted, compilable functions', () => {
    for (const name of FUNCTION_NAMES) {
      const text = name === 'min' || name === 'max' ? `${name}(x, 2*x)` : `${name}(x)`;
      const d = differentiate(parseExpression(text, { variables: ['x'] }), 'x');
      expect(typeof compileExpression(d)(0.3), text).toBe('number');
    }
  });

  it('should take partial derivatives with the other variables and parameters held fixed', () => {
    const dy = derivativeOf('x*y^2 + sin(x*y) + k*x', 'y', ['x', 'y'], { k: 3 });
    for (const [x, y] of [
      [0.5, -1.2],
      [2, 0.3],
    ]) {
      closeTo(dy(x, y), 2 * x * y + x * Math.cos(x * y), CLOSED_FORM_TOLERANCE, `(${x}, ${y})`);
    }
  });

  it('should cancel equal terms exactly and give 0 for what does not depend on the variable', () => {
    expect(differentiate(parseExpression('x*tanh(x) - tanh(x)*x', { variables: ['x'] }), 'x').text).toBe('0');
    expect(
      differentiate(parseExpression('3*k + sin(t)', { variables: ['x', 't'], parameters: { k: 1 } }), 'x')
        .text,
    ).toBe('0');
    expect(differentiate(parseExpression('exp(x) - 1 - expm1(x)', { variables: ['x'] }), 'x').text).toBe('0');
  });

  it('should give the second derivative of tanh in closed form', () => {
    const parsed = parseExpression('tanh(x)', { variables: ['x'] });
    const second = compileExpression(differentiate(differentiate(parsed, 'x'), 'x'));
    for (const x of AWAY)
      closeTo(second(x), (-2 * Math.tanh(x)) / Math.cosh(x) ** 2, CLOSED_FORM_TOLERANCE, `${x}`);
  });

  it('should agree with a five-point finite difference on random smooth expressions', () => {
    // Stencil h = 1e-4: truncation h^4 |f^(5)| / 30 stays under 1e-11 for |f^(5)| < 3e6, rounding under
    // 1.5 eps max|f| / h = 3.4e-12 max|f|; 1e-8 (1 + max|f|) leaves a margin of 100 over both.
    const h = 1e-4;
    fc.assert(
      fc.property(
        expressionArbitrary({ depth: 3, unary: SMOOTH_UNARY, wild: false, twoVariables: false }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (generated, x, k) => {
          const f = (u: number) => generated.reference(u, 0, k);
          const d = derivativeOf(generated.text, 'x', ['x'], { k })(x);
          const fd = (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h);
          const scale = Math.max(...[-2, -1, 1, 2].map((j) => Math.abs(f(x + j * h))));
          expect(Math.abs(d - fd), `${generated.text} at ${x}, k=${k}`).toBeLessThanOrEqual(
            1e-8 * (1 + scale),
          );
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should differentiate arbitrary whitelisted expressions without leaving the whitelist', () => {
    fc.assert(
      fc.property(
        expressionArbitrary({ depth: 3, unary: ALL_UNARY, wild: true, twoVariables: true }),
        (generated) => {
          const parsed = parseExpression(generated.text, { variables: ['x', 'y'], parameters: { k: 0.5 } });
          expect(typeof compileExpression(differentiate(parsed, 'x'))(0.3, 0.7)).toBe('number');
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('should use the reference erf in its derivative rule (erf is the integral of its derivative)', () => {
    const d = derivativeOf('erf(x)');
    // Simpson's rule on [0, 1] with 200 panels: error (1/180) h^4 max|f''''| < 1e-11 for this integrand.
    const n = 200;
    let sum = d(0) + d(1);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * d(i / n);
    expect(Math.abs(sum / (3 * n) - erf(1))).toBeLessThan(1e-11);
  });

  it('should refuse a variable that is not declared', () => {
    const parsed = parseExpression('x', { variables: ['x'] });
    for (const v of ['y', '', 'constructor', undefined]) {
      expect(() => differentiate(parsed, v as string)).toThrow(InvalidArgumentError);
    }
  });

  it('should refuse, with a named error, a derivative that outgrows the term limit', () => {
    const factors = Array.from({ length: 13 }, (_, i) => `(1 + sin(${i + 1}*x))`).join('*');
    const parsed = parseExpression(factors, { variables: ['x'] });
    expect(() => differentiate(parsed, 'x')).toThrow(ExpressionError);
    expect(() => differentiate(parsed, 'x')).toThrow('derivative too large');
  });
});
