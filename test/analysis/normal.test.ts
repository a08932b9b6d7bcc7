import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logNormalCdf, logNormalSf, normalCdf, normalPdf, normalSf } from '../../src/analysis/normal.js';
import { normalQuantile } from '../../src/analysis/normalQuantile.js';
import { InvalidArgumentError } from '../../src/errors.js';
import fixture from '../fixtures/normal.json' with { type: 'json' };

const EPS = 2 ** -52;
// Cody's and Wichura's rational approximations are accurate to below 1 ulp before rounding; evaluating them
// (a Horner loop, one division, two exponentials and a product) adds at most about 4 ulp: 5 ulp in all.
const REL_TOL = 5 * EPS;
/** Smallest positive normal double: below it a double has fewer than 53 significant bits. */
const MIN_NORMAL = 2.2250738585072014e-308;

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('normalCdf, normalSf, logNormalCdf, normalPdf', () => {
  it('should match 50-digit values of Φ to 5 ulp from x = -37.5 to 20', () => {
    let checked = 0;
    for (const row of fixture.points) {
      const expected = Number(row.cdf);
      if (expected < MIN_NORMAL) continue;
      expect(relativeError(normalCdf(row.x), expected)).toBeLessThanOrEqual(REL_TOL);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('should give 0 (not a wrong tiny number) where Φ underflows below the subnormals', () => {
    for (const row of fixture.points) {
      if (Number(row.cdf) === 0) expect(normalCdf(row.x)).toBe(0);
    }
  });

  it('should match 50-digit values of log Φ to 5 ulp, also where Φ underflows (x = -1e5)', () => {
    for (const row of fixture.points) {
      expect(relativeError(logNormalCdf(row.x), Number(row.logCdf))).toBeLessThanOrEqual(REL_TOL);
    }
  });

  it('should match 50-digit values of φ to 5 ulp', () => {
    for (const row of fixture.points) {
      const expected = Number(row.pdf);
      if (expected < MIN_NORMAL) continue;
      expect(relativeError(normalPdf(row.x), expected)).toBeLessThanOrEqual(REL_TOL);
    }
  });

  it('should give the upper tail by symmetry, exactly: 1 - Φ(x) = Φ(-x)', () => {
    for (const row of fixture.points) {
      expect(normalSf(-row.x)).toBe(normalCdf(row.x));
      expect(logNormalSf(-row.x)).toBe(logNormalCdf(row.x));
    }
  });

  it('should reach the exact limits at ±Infinity', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(logNormalCdf(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(logNormalCdf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalPdf(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('should step down by at most 2 ulp where the approximation changes branch', () => {
    // Each branch is within 1 ulp of Φ, so at a junction the two may disagree by 2 ulp and no more.
    for (const edge of [-5.656854249492381, -0.67448975, 0.67448975, 5.656854249492381]) {
      let previous = normalCdf(edge - 64 * EPS * Math.abs(edge));
      for (let k = -63; k <= 64; k++) {
        const value = normalCdf(edge + k * EPS * Math.abs(edge));
        expect(value).toBeGreaterThanOrEqual(previous - 2 * EPS * previous);
        previous = value;
      }
    }
  });

  it('should throw InvalidArgumentError for NaN', () => {
    for (const f of [normalCdf, normalSf, logNormalCdf, logNormalSf, normalPdf]) {
      expect(() => f(Number.NaN)).toThrow(InvalidArgumentError);
    }
  });
});

describe('normalQuantile', () => {
  it('should match 50-digit quantiles to 5 ulp for p from 1e-300 to 1 - 1e-14', () => {
    for (const row of fixture.quantiles) {
      expect(relativeError(normalQuantile(row.p), Number(row.x))).toBeLessThanOrEqual(REL_TOL);
    }
  });

  it('should invert normalCdf: Φ⁻¹(Φ(x)) = x to 8 ulp of max(|x|, 1) for x in [-37, 0]', () => {
    // A 5-ulp error in Φ moves the quantile by 5ε·Φ/φ, which is below 5ε·max(|x|, 1) since Φ/φ < 1/|x|
    // in the tail and Φ/φ < 0.8 for |x| < 1; with the quantile's own 5 ulp, 8 ulp covers both.
    fc.assert(
      fc.property(fc.double({ min: -37, max: 0, noNaN: true }), (x) => {
        return Math.abs(normalQuantile(normalCdf(x)) - x) <= 8 * EPS * Math.max(Math.abs(x), 1);
      }),
      { seed: 20240611, numRuns: 2000 },
    );
  });

  it('should return -Infinity at 0, +Infinity at 1 and 0 at 1/2', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('should throw InvalidArgumentError for any p outside [0, 1] or NaN', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(Number.NaN),
          fc.double({ min: 1 + EPS, noNaN: true }),
          fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
        ),
        (p) => {
          expect(() => normalQuantile(p)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
