/**
 * Gibbs densities against closed forms (Gaussian, exponential, uniform, Student-type, Cauchy, gamma) and the
 * double-well reference computed by mpmath (fixtures/langevinReference.py).
 *
 * Tolerances: the integrals are asked for relative error 1e-12; a quantity built from two of them (a ratio,
 * a moment) is checked to 1e-11, and quantiles, which divide a CDF error by the density, to 1e-10 absolute
 * where the density is at least 0.01 (in the tails, relative to the local scale given in the test).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { gibbsDensity, NonNormalizableError } from '../../src/langevin/gibbs.js';
import reference from './fixtures/langevinReference.json' with { type: 'json' };

/** Phi(x) and Phi^-1(p) of the standard normal at a few points (Abramowitz and Stegun, table 26.1). */
const PHI_1 = 0.8413447460685429;
const PHI_INV_0975 = 1.959963984540054;

describe('gibbsDensity, closed forms', () => {
  it('should give the Gaussian N(0, T/k) for U = k x^2 / 2', () => {
    const k = 3;
    const T = 0.75;
    const g = gibbsDensity((x) => (k * x * x) / 2, T);
    const sd = Math.sqrt(T / k);
    expect(g.normalizer.converged).toBe(true);
    expect(Math.abs(g.logNormalizer - 0.5 * Math.log((2 * Math.PI * T) / k))).toBeLessThan(1e-11);
    expect(Math.abs(g.mean)).toBeLessThan(1e-11);
    expect(Math.abs(g.variance / (T / k) - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.cdf(sd) - PHI_1)).toBeLessThan(1e-11);
    expect(Math.abs(g.cdf(-sd) - (1 - PHI_1))).toBeLessThan(1e-11);
    expect(Math.abs(g.quantile(0.975) / sd - PHI_INV_0975)).toBeLessThan(1e-10);
    expect(Math.abs(g.density(0) - 1 / Math.sqrt(2 * Math.PI * sd * sd))).toBeLessThan(1e-11);
  });

  it('should give the exponential law with rate 1/T for U = x on [0, infinity)', () => {
    const T = 0.7;
    const g = gibbsDensity((x) => x, T, { lower: 0 });
    expect(Math.abs(g.logNormalizer - Math.log(T))).toBeLessThan(1e-11);
    expect(Math.abs(g.mean / T - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.variance / (T * T) - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.cdf(1) - (1 - Math.exp(-1 / T)))).toBeLessThan(1e-11);
    expect(Math.abs(g.quantile(0.3) + T * Math.log(0.7))).toBeLessThan(1e-10);
    expect(g.density(-1)).toBe(0);
    expect(g.cdf(-1)).toBe(0);
    expect(g.quantile(0)).toBe(0);
    expect(g.quantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('should give the uniform law for U = 0 on a finite interval', () => {
    const g = gibbsDensity(() => 0, 2, { lower: -1, upper: 3 });
    expect(Math.abs(g.logNormalizer - Math.log(4))).toBeLessThan(1e-11);
    expect(Math.abs(g.mean - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.variance - 16 / 12)).toBeLessThan(1e-11);
    expect(Math.abs(g.cdf(0) - 0.25)).toBeLessThan(1e-11);
    expect(Math.abs(g.quantile(0.9) - 2.6)).toBeLessThan(1e-10);
  });

  it('should give the law (1 + x^2)^-3 of the SGD example: Z = 3 pi / 8, variance 1/3', () => {
    const g = gibbsDensity((x) => 3 * Math.log1p(x * x), 1);
    expect(Math.abs(Math.exp(g.logNormalizer) / ((3 * Math.PI) / 8) - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.variance * 3 - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.cdf(1) - g.cdf(-1) - (0.5 + 4 / (3 * Math.PI)))).toBeLessThan(1e-11);
  });

  it('should give the gamma law x^(a-1) exp(-x/T) on (0, infinity): mean a T, variance a T^2', () => {
    const a = 2.5;
    const T = 0.4;
    const g = gibbsDensity((x) => x - (a - 1) * T * Math.log(x), T, { lower: 0 });
    expect(Math.abs(g.mean / (a * T) - 1)).toBeLessThan(1e-11);
    expect(Math.abs(g.variance / (a * T * T) - 1)).toBeLessThan(1e-11);
  });

  it('should normalize the Cauchy law but report that its mean does not exist', () => {
    const g = gibbsDensity((x) => Math.log1p(x * x), 1);
    expect(Math.abs(g.logNormalizer - Math.log(Math.PI))).toBeLessThan(1e-11);
    // The tail beyond the cut holds less than 3e-20 of the mass (tails.ts): invisible at 1e-11.
    expect(Math.abs(g.cdf(2) - (0.5 + Math.atan(2) / Math.PI))).toBeLessThan(1e-11);
    expect(g.mean).toBeNaN();
    expect(g.variance).toBeNaN();
    const first = g.expectation((x) => x);
    expect(first.converged).toBe(false);
    expect(first.message).toMatch(/does not exist/);
  });

  it("should satisfy E[x U'(x)] = T by integration by parts for a quartic-plus-cubic potential", () => {
    const T = 0.3;
    const g = gibbsDensity((x) => x ** 4 / 4 + x ** 3 / 3 - x, T);
    const virial = g.expectation((x) => x * (x ** 3 + x * x - 1));
    expect(virial.converged).toBe(true);
    expect(Math.abs(virial.value - T)).toBeLessThan(1e-11);
  });

  it('should resolve a narrow density far from 0 when given its center and scale', () => {
    const g = gibbsDensity((x) => (x - 1000) ** 2 / 2, 1e-6, { center: 1000, scale: 1e-2 });
    expect(Math.abs(g.mean - 1000)).toBeLessThan(1e-9);
    expect(Math.abs(g.variance / 1e-6 - 1)).toBeLessThan(1e-10);
  });

  it('should flag, not hide, a density whose mass lies far outside [center - scale, center + scale]', () => {
    const g = gibbsDensity((x) => (x - 1000) ** 2 / 2, 1e-6);
    expect(g.normalizer.converged).toBe(false);
    expect(g.normalizer.message).toMatch(/center and scale/);
  });
});

describe('gibbsDensity, double well U = (x^2 - 1)^2 / 4 at T = 1/2 (mpmath reference)', () => {
  const ref = reference.gibbsDoubleWell;
  const g = gibbsDensity((x) => (x * x - 1) ** 2 / 4, ref.temperature);

  it('should match log Z, E[x^2] and E[x^4]', () => {
    expect(Math.abs(g.logNormalizer - ref.logNormalizer)).toBeLessThan(1e-11);
    expect(Math.abs(g.variance - ref.secondMoment)).toBeLessThan(1e-11);
    expect(Math.abs(g.expectation((x) => x ** 4).value - ref.fourthMoment)).toBeLessThan(1e-11);
  });

  it.each(ref.cdf)('should match the CDF at x = $x', ({ x, value }) => {
    expect(Math.abs(g.cdf(x) - value)).toBeLessThan(1e-11);
  });

  it.each(ref.quantiles)('should match the quantile at q = $q', ({ q, x }) => {
    // The density is above 0.01 at every reference quantile, so an error of 1e-12 in the CDF is 1e-10 in x;
    // 3e-10 leaves a factor 3 for the partial-panel rule of the CDF itself.
    expect(Math.abs(g.quantile(q) - x)).toBeLessThan(3e-10);
  });

  it('should invert its CDF: cdf(quantile(q)) = q', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (q) => {
        // Newton stops at 4 ulps of mass; the partial panel integral adds rounding of a few ulps.
        expect(Math.abs(g.cdf(g.quantile(q)) - q)).toBeLessThan(1e-13);
      }),
      { seed: 17, numRuns: 200 },
    );
  });
});

describe('gibbsDensity, refused inputs', () => {
  it('should throw NonNormalizableError naming each end where exp(-U/T) does not decay', () => {
    const ends = (U: (x: number) => number) => {
      try {
        gibbsDensity(U, 1);
      } catch (error) {
        expect(error).toBeInstanceOf(NonNormalizableError);
        return (error as NonNormalizableError).ends.map((c) => c.end);
      }
      throw new Error('expected NonNormalizableError');
    };
    expect(ends(() => 0)).toEqual(['lower', 'upper']);
    expect(ends((x) => x)).toEqual(['lower']);
    expect(ends((x) => -x)).toEqual(['upper']);
    // p ~ 1 / |x|: the mass per doubling stays constant.
    expect(ends((x) => 0.5 * Math.log1p(x * x))).toEqual(['lower', 'upper']);
    expect(ends((x) => (x > 5 ? Number.NaN : x * x))).toEqual(['upper']);
  });

  it('should refuse T <= 0, a reversed domain, NaN ends and a non-function with InvalidArgumentError', () => {
    const U = (x: number) => x * x;
    expect(() => gibbsDensity(U, 0)).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity(U, -1)).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity(U, Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity(U, 1, { lower: 2, upper: 1 })).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity(U, 1, { lower: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity(U, 1, { scale: 0 })).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity('x^2' as unknown as (x: number) => number, 1)).toThrow(InvalidArgumentError);
    expect(() => gibbsDensity(() => Number.POSITIVE_INFINITY, 1)).toThrow(InvalidArgumentError);
  });
});
