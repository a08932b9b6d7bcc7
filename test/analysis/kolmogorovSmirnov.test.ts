import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalDistribution, uniformDistribution } from '../../src/analysis/distribution.js';
import { durbinCdf } from '../../src/analysis/durbinMatrix.js';
import { kolmogorovSf } from '../../src/analysis/kolmogorovAsymptotic.js';
import { kolmogorovSmirnovTail } from '../../src/analysis/kolmogorovSmirnovSf.js';
import { kolmogorovSmirnovTest } from '../../src/analysis/kolmogorovSmirnovTest.js';
import { smirnovSf } from '../../src/analysis/smirnovSf.js';
import { InvalidArgumentError } from '../../src/errors.js';
import ad from '../fixtures/andersonDarling.json' with { type: 'json' };
import fixture from '../fixtures/kolmogorov.json' with { type: 'json' };

const EPS = 2 ** -52;

describe('kolmogorovSmirnovTail', () => {
  it('should agree with scipy.stats.kstwo on every branch from n = 1 to 1e6', () => {
    // Both evaluate the same exact formulas (Durbin's matrix, Smirnov's sum, Ruben-Gambino) or the same
    // Pelz-Good series, each to 12+ digits: 1e-10 relative plus 1e-14 absolute bounds the difference.
    const methods = new Set<string>();
    for (const row of fixture.sf) {
      const { pValue, method } = kolmogorovSmirnovTail(row.n, row.d);
      methods.add(method);
      expect(Math.abs(pValue - Number(row.sf))).toBeLessThanOrEqual(1e-10 * Number(row.sf) + 1e-14);
    }
    expect([...methods].sort()).toEqual(['closed-form', 'doubled-smirnov', 'durbin-matrix', 'pelz-good']);
  });

  it('should be within 3e-6 of the exact matrix formula where it uses Pelz-Good (n > 140)', () => {
    // Pelz-Good is an expansion to order n^(-3/2): the measured error is 2.7e-6 at n = 150 and falls with n.
    for (const row of fixture.exact) {
      const { pValue, method } = kolmogorovSmirnovTail(row.n, row.d);
      expect(method).toBe('pelz-good');
      expect(Math.abs(pValue - Number(row.sf))).toBeLessThanOrEqual(3e-6);
    }
  });

  it('should reproduce the closed forms at the ends of the range', () => {
    // P(D_n >= d) = 1 for d <= 1/(2n); = 2(1-d)^n for d >= 1 - 1/n; n = 1: D = max(u, 1-u) so P = 2(1-d).
    expect(kolmogorovSmirnovTail(10, 0.05).pValue).toBe(1);
    expect(kolmogorovSmirnovTail(10, 0.95).pValue).toBeCloseTo(2 * 0.05 ** 10, 25);
    for (const d of [0.5, 0.6, 0.75, 0.99]) {
      expect(Math.abs(kolmogorovSmirnovTail(1, d).pValue - 2 * (1 - d))).toBeLessThanOrEqual(4 * EPS);
    }
  });

  it('should approach Kolmogorov’s limit as n grows', () => {
    // Pelz-Good's first correction is O(n^(-1/2)) ≈ 0.001 at n = 1e6, in relative terms at t = 1.
    for (const row of fixture.limit) expect(kolmogorovSf(row.t)).toBeCloseTo(Number(row.sf), 15);
    const t = 1;
    const finite = kolmogorovSmirnovTail(1_000_000, t / 1000).pValue;
    expect(Math.abs(finite / kolmogorovSf(t) - 1)).toBeLessThan(3e-3);
  });

  it('should make Durbin’s formula and the doubled one-sided tail meet where both hold (d >= 1/2)', () => {
    // For d >= 1/2 both one-sided events cannot happen together, so P(D >= d) = 2 P(D+ >= d) exactly.
    for (const n of [3, 8, 20]) {
      for (const d of [0.5, 0.62, 0.8]) {
        expect(Math.abs(1 - durbinCdf(n, d) - 2 * smirnovSf(n, d))).toBeLessThanOrEqual(1e-13);
      }
    }
  });

  it('should throw InvalidArgumentError for a non-integer n or d outside [0, 1]', () => {
    expect(() => kolmogorovSmirnovTail(0, 0.1)).toThrow(InvalidArgumentError);
    expect(() => kolmogorovSmirnovTail(2.5, 0.1)).toThrow(InvalidArgumentError);
    expect(() => kolmogorovSmirnovTail(10, Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => kolmogorovSmirnovTail(10, 1.5)).toThrow(InvalidArgumentError);
  });
});

describe('kolmogorovSmirnovTest', () => {
  it('should reproduce scipy.stats.kstest (exact mode) on fixed samples against N(0, 1)', () => {
    // Same statistic up to rounding of Φ (5 ulp); p-values from the same exact formula (12+ digits).
    for (const row of ad.samples) {
      const result = kolmogorovSmirnovTest(row.x, normalDistribution(0, 1));
      expect(Math.abs(result.statistic - row.ksStatistic)).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(result.pValue - row.ksPValue)).toBeLessThanOrEqual(1e-12);
      expect(result.n).toBe(row.x.length);
    }
  });

  it('should compute D+ and D- from the ordered probabilities', () => {
    // u = (0.1, 0.5, 0.6) with n = 3: D+ = max(1/3-0.1, 2/3-0.5, 1-0.6) = 0.4, D- = max(0.1, 0.5-1/3, 0.6-2/3).
    const result = kolmogorovSmirnovTest([0.6, 0.1, 0.5], uniformDistribution(0, 1));
    expect(result.dPlus).toBeCloseTo(0.4, 15);
    expect(result.dMinus).toBeCloseTo(1 / 6, 15);
    expect(result.statistic).toBeCloseTo(0.4, 15);
  });

  it('should throw InvalidArgumentError for hostile samples and broken CDFs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant([]),
          fc
            .array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 })
            .map((a) => [...a, Number.NaN]),
          fc
            .array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 })
            .map((a) => [Number.POSITIVE_INFINITY, ...a]),
        ),
        (sample) => {
          expect(() => kolmogorovSmirnovTest(sample, normalDistribution())).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
    expect(() => kolmogorovSmirnovTest([1, 2], () => Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => kolmogorovSmirnovTest([1, 2], () => 1.5)).toThrow(InvalidArgumentError);
    expect(() => kolmogorovSmirnovTest([1, 2], (x) => 1 / (1 + x))).toThrow(InvalidArgumentError);
    expect(() => kolmogorovSmirnovTest([1, 2], 'normal' as never)).toThrow(InvalidArgumentError);
  });
});
