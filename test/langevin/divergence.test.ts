/** Central-difference divergence of a matrix field against its closed form. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIVERGENCE_STEP, finiteDifferenceDivergence } from '../../src/langevin/divergence.js';

// D(x) = [[1 + x1^2, sin(x1 x2)], [sin(x1 x2), exp(x2)]], so
// (div D)_1 = dD11/dx1 + dD12/dx2 = 2 x1 + x1 cos(x1 x2),  (div D)_2 = dD21/dx1 + dD22/dx2 = x2 cos(x1 x2) + exp(x2).
const diffusion = (x: Float64Array, out: Float64Array): void => {
  const s = Math.sin(x[0] * x[1]);
  out[0] = 1 + x[0] ** 2;
  out[1] = s;
  out[2] = s;
  out[3] = Math.exp(x[1]);
};
const exact = (x1: number, x2: number): [number, number] => [
  2 * x1 + x1 * Math.cos(x1 * x2),
  x2 * Math.cos(x1 * x2) + Math.exp(x2),
];

describe('finiteDifferenceDivergence', () => {
  it('should match the closed-form divergence to the documented O(eps^(2/3)) error', () => {
    const divergence = finiteDifferenceDivergence(diffusion, 2);
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (x1, x2) => {
          const x = Float64Array.from([x1, x2]);
          const out = new Float64Array(2);
          divergence(x, out);
          const [e1, e2] = exact(x1, x2);
          // On [-2, 2]^2 the entries and their third derivatives are at most e^2 < 8 and 2^3 + 2^3 < 20 in size,
          // so with h <= 2 * 6.1e-6 the truncation (h^2/6) 20 is below 5e-10 and the rounding 8 eps / h below
          // 3e-10 (each summed over 2 partials): 2e-9 bounds the total.
          expect(Math.abs(out[0] - e1)).toBeLessThan(2e-9);
          expect(Math.abs(out[1] - e2)).toBeLessThan(2e-9);
          // The state is restored exactly after the perturbations.
          expect(Array.from(x)).toEqual([x1, x2]);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('should have a default step of eps^(1/3)', () => {
    // cbrt(2^-52) = 2^(-52/3); the two roundings (cube root, power) differ by a few ulps at most.
    expect(Math.abs(DEFAULT_DIVERGENCE_STEP / 2 ** (-52 / 3) - 1)).toBeLessThan(8 * 2 ** -52);
  });

  it('should lose accuracy at a step far from the balance point, as the error model predicts', () => {
    const x = Float64Array.from([0.7, -0.4]);
    const out = new Float64Array(2);
    const [e1] = exact(0.7, -0.4);
    // h = 1e-2: the truncation (h^2/6) |d^3 D12/dx2^3| = (1e-4/6) |x1^3 cos(x1 x2)| = 5.5e-6 (D11 is quadratic),
    // far above the 2e-9 of the default step; the next term, O(h^4), keeps the total below 1e-5.
    finiteDifferenceDivergence(diffusion, 2, 1e-2)(x, out);
    const error = Math.abs(out[0] - e1);
    expect(error).toBeGreaterThan(2e-9);
    expect(error).toBeLessThan(1e-5);
  });
});
