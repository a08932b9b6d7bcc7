import { describe, expect, it } from 'vitest';
import { erf } from '../../src/expressions/erf.js';
import reference from './fixtures/erf.json' with { type: 'json' };

const EPS = Number.EPSILON;

describe('erf', () => {
  it('should match mpmath to within 2 eps relative on [-7, 7] and at the interval edges', () => {
    // Cody's approximations are accurate to about 1e-16 relative; with the final rounding and exp within one
    // ulp the error stays under 2 eps.
    const values = reference.values as Array<[number, number]>;
    expect(values.length).toBeGreaterThan(400);
    for (const [x, exact] of values) {
      expect(Math.abs(erf(x) - exact), `erf(${x})`).toBeLessThanOrEqual(2 * EPS * Math.abs(exact));
    }
  });

  it('should be odd, saturate at plus or minus 1, and pass NaN through', () => {
    for (const x of [1e-10, 0.3, 0.46875, 1.7, 4.2, 5.99]) expect(erf(-x)).toBe(-erf(x));
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erf(6)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NaN)).toBeNaN();
  });
});
