/** Adaptive Gauss-Kronrod quadrature against integrals known in closed form. */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { gaussKronrod15, integrate } from '../../src/langevin/quadrature.js';

const EPS = 2 ** -52;

describe('gaussKronrod15', () => {
  it('should integrate polynomials of degree up to 22 to rounding on one panel', () => {
    // The 15-point Kronrod rule is exact for degree 3 * 7 + 1 = 22; int_0^1 x^22 = 1/23.
    const estimate = gaussKronrod15((x) => x ** 22, 0, 1, { value: 0, error: 0, absolute: 0 });
    // 15 terms of size <= 0.21: rounding below 16 eps.
    expect(Math.abs(estimate.value - 1 / 23)).toBeLessThan(16 * EPS);
  });
});

describe('integrate', () => {
  const cases: [string, (x: number) => number, number, number, number][] = [
    ['sin on [0, pi]', Math.sin, 0, Math.PI, 2],
    ['sqrt(x) on [0, 1] (derivative singular at 0)', Math.sqrt, 0, 1, 2 / 3],
    ['ln(x) on [0, 1] (integrable singularity)', Math.log, 0, 1, -1],
    ['Runge 1 / (1 + 25 x^2) on [-1, 1]', (x) => 1 / (1 + 25 * x * x), -1, 1, (2 * Math.atan(5)) / 5],
    ['sin(x)^2 on [0, 10 pi]', (x) => Math.sin(x) ** 2, 0, 10 * Math.PI, 5 * Math.PI],
    ['exp(-x^2) on [-10, 10]', (x) => Math.exp(-x * x), -10, 10, Math.sqrt(Math.PI)],
  ];
  it.each(cases)('should meet a relative tolerance of 1e-10 on %s', (_name, f, a, b, exact) => {
    const result = integrate(f, a, b, { relTol: 1e-10 });
    expect(result.converged).toBe(true);
    // The error estimate of Gauss-Kronrod is conservative; the true error is within the requested 1e-10.
    expect(Math.abs(result.value - exact)).toBeLessThanOrEqual(1e-10 * Math.abs(exact));
    expect(result.errorEstimate).toBeLessThanOrEqual(1e-10 * Math.abs(exact) * 1.0000001);
  });

  it('should return sorted panels that tile [a, b] and sum to the value', () => {
    const result = integrate((x) => Math.exp(-x * x), -3, 4, {}, [0.5, -1]);
    expect(result.left[0]).toBe(-3);
    expect(result.right[result.right.length - 1]).toBe(4);
    for (let i = 1; i < result.left.length; i++) expect(result.left[i]).toBe(result.right[i - 1]);
    expect(Array.from(result.left)).toContain(0.5);
    const sum = result.panelValue.reduce((s, v) => s + v, 0);
    // The same numbers summed in another order: a few ulps of the total.
    expect(Math.abs(sum - result.value)).toBeLessThan(8 * EPS * result.value);
  });

  it('should meet the tolerance relative to the integral of |f| for an integral that is zero by symmetry', () => {
    const result = integrate((x) => x * Math.exp(-x * x), -5, 5);
    expect(result.converged).toBe(true);
    // int |x| exp(-x^2) = 1 over [-5, 5], so the tolerance is 1e-12 absolute.
    expect(Math.abs(result.value)).toBeLessThan(1e-12);
  });

  it('should report no convergence for a divergent integral or a non-finite integrand', () => {
    expect(integrate((x) => 1 / x, 0, 1).converged).toBe(false);
    expect(integrate(() => Number.NaN, 0, 1).converged).toBe(false);
  });

  it('should refuse non-finite or reversed limits and non-functions with InvalidArgumentError', () => {
    expect(() => integrate(Math.sin, Number.NaN, 1)).toThrow(InvalidArgumentError);
    expect(() => integrate(Math.sin, 0, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
    expect(() => integrate(Math.sin, 1, 0)).toThrow(InvalidArgumentError);
    expect(() => integrate(42 as unknown as (x: number) => number, 0, 1)).toThrow(InvalidArgumentError);
    expect(() => integrate(Math.sin, 0, 1, { relTol: -1 })).toThrow(InvalidArgumentError);
  });
});
