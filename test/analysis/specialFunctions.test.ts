import fc from 'fast-check';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { binomialPmf } from '../../src/analysis/binomialPmf.js';
import { chiSquareSf, regularizedGammaP, regularizedGammaQ } from '../../src/analysis/incompleteGamma.js';
import { logGamma } from '../../src/analysis/logGamma.js';
import { studentTQuantile } from '../../src/analysis/studentTQuantile.js';
import { InvalidArgumentError } from '../../src/errors.js';
import fixture from '../fixtures/specialFunctions.json' with { type: 'json' };

const EPS = 2 ** -52;

/** Smallest positive normal double. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** Relative error; a reference below the normal range (it underflowed) only asks for an underflow. */
function relativeError(actual: number, expected: number): number {
  if (Math.abs(expected) < MIN_NORMAL) return Math.abs(actual) < MIN_NORMAL ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('logGamma', () => {
  it('should match 40-digit values to 8 ulp of the largest term of its formula', () => {
    for (const row of fixture.logGamma) {
      // Rounding acts on terms of size (x + 10)·log(x + 10); the result near its zeros (x = 1, 2) is small,
      // so the error is bounded in absolute terms by 8 ulp of that size.
      const scale = Math.max(1, (row.x + 10) * Math.log(row.x + 10));
      expect(Math.abs(logGamma(row.x) - Number(row.value))).toBeLessThanOrEqual(8 * EPS * scale);
    }
  });

  it('should throw InvalidArgumentError for x <= 0 or NaN', () => {
    for (const x of [0, -1, -0.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(() => logGamma(x)).toThrow(InvalidArgumentError);
    }
  });
});

describe('regularizedGammaP and regularizedGammaQ', () => {
  it('should match 40-digit values within the rounding of the exponent a·log x − x − log Γ(a)', () => {
    for (const row of fixture.incompleteGamma) {
      // The prefactor exp(a log x − x − log Γ(a)) carries 4 ulp of each of its terms; the series or
      // continued fraction adds a few ulp more (the 16ε floor).
      const size = Math.abs(row.a * Math.log(row.x)) + row.x + Math.abs(logGamma(row.a));
      const tol = 4 * EPS * size + 16 * EPS;
      expect(relativeError(regularizedGammaP(row.a, row.x), Number(row.P))).toBeLessThanOrEqual(tol);
      expect(relativeError(regularizedGammaQ(row.a, row.x), Number(row.Q))).toBeLessThanOrEqual(tol);
    }
  });

  it('should give exact limits at x = 0 and x = +Infinity', () => {
    expect(regularizedGammaP(2.5, 0)).toBe(0);
    expect(regularizedGammaQ(2.5, 0)).toBe(1);
    expect(regularizedGammaP(2.5, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedGammaQ(2.5, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('should throw InvalidArgumentError for a <= 0, x < 0 or NaN', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ max: 0 }), fc.constant(Number.NaN)),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (bad, good) => {
          expect(() => regularizedGammaQ(bad, good)).toThrow(InvalidArgumentError);
          expect(() => regularizedGammaP(good + 1, -Math.abs(bad) - 1)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('chiSquareSf', () => {
  it('should match 40-digit upper tails, including 5e-17 where jstat reports 0', () => {
    for (const row of fixture.chiSquareSf) {
      const size = Math.abs((row.k / 2) * Math.log(row.x / 2)) + row.x / 2 + Math.abs(logGamma(row.k / 2));
      // Same bound as for Q(k/2, x/2).
      expect(relativeError(chiSquareSf(row.x, row.k), Number(row.sf))).toBeLessThanOrEqual(
        4 * EPS * size + 16 * EPS,
      );
    }
    // The reason this module computes the upper tail itself: 1 − CDF cannot go below 1e−16.
    expect(1 - jStat.chisquare.cdf(100, 10)).toBe(0);
    expect(chiSquareSf(100, 10)).toBeGreaterThan(5e-17);
  });
});

describe('binomialPmf', () => {
  it('should match 40-digit binomial probabilities to the rounding of its deviance terms, up to n = 1e6', () => {
    // Loader's form rounds terms of order 1 except the deviances x·log(x/np) + np − x, whose logarithm is
    // good to about 2 ulp times x·|log(x/np)| when x is far from np: 4ε per unit of those products plus a
    // 32ε floor. Close to the mode this is a few ulp, far below the 1e−9 a difference of log-factorials
    // would lose at n = 1e6.
    for (const row of fixture.binomialPmf) {
      const q = 1 - row.p;
      const value = binomialPmf(row.x, row.n, row.p, q);
      const y = row.n - row.x;
      const size =
        (row.x > 0 ? row.x * Math.abs(Math.log(row.x / (row.n * row.p))) : 0) +
        (y > 0 ? y * Math.abs(Math.log(y / (row.n * q))) : 0);
      expect(relativeError(value, Number(row.value))).toBeLessThanOrEqual(4 * EPS * size + 32 * EPS);
    }
  });
});

describe('studentTQuantile', () => {
  it('should match 40-digit quantiles to 1e-7 relative for 1 to 1e7 degrees of freedom', () => {
    // jstat's inversion of the incomplete beta stops at about 3e-8 relative; above 1e4 degrees of freedom
    // the Cornish-Fisher series is exact to 1e-15. 1e-7 bounds both.
    for (const row of fixture.studentTQuantile) {
      expect(relativeError(studentTQuantile(row.p, row.df), Number(row.value))).toBeLessThanOrEqual(1e-7);
    }
  });

  it('should be antisymmetric: t(1 - p) = -t(p)', () => {
    for (const dof of [1, 7, 30, 5e4]) {
      expect(studentTQuantile(0.025, dof)).toBeCloseTo(-studentTQuantile(0.975, dof), 6);
    }
  });

  it('should throw InvalidArgumentError for p outside (0, 1) or degrees of freedom <= 0', () => {
    expect(() => studentTQuantile(0, 5)).toThrow(InvalidArgumentError);
    expect(() => studentTQuantile(1, 5)).toThrow(InvalidArgumentError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(InvalidArgumentError);
    expect(() => studentTQuantile(0.9, Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => studentTQuantile(0.9, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
  });
});
