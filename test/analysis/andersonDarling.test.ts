import { describe, expect, it } from 'vitest';
import { andersonDarlingLimitSf, andersonDarlingSf } from '../../src/analysis/andersonDarlingSf.js';
import { andersonDarlingTest } from '../../src/analysis/andersonDarlingTest.js';
import { normalDistribution, uniformDistribution } from '../../src/analysis/distribution.js';
import { InvalidArgumentError } from '../../src/errors.js';
import fixture from '../fixtures/andersonDarling.json' with { type: 'json' };

describe('andersonDarlingLimitSf', () => {
  it('should match the exact limiting tail to 2e-5 absolute below z = 3.857', () => {
    // Marsaglia's short approximation: measured error 1.9e-5 at z = 1 against the Anderson-Darling series.
    for (const row of fixture.limit.filter((r) => r.z < 3.857)) {
      expect(Math.abs(andersonDarlingLimitSf(row.z) - Number(row.sf))).toBeLessThanOrEqual(2e-5);
    }
  });

  it('should match the exact limiting tail to 1e-3 relative from z = 3.857 to 30 (p down to 1.7e-14)', () => {
    // The two-term tail expansion √3·erfc(√z)(1 + 11/(36z)) has an O(z^-2) remainder: 9.7e-4 at z = 6.
    for (const row of fixture.limit.filter((r) => r.z >= 3.857)) {
      const expected = Number(row.sf);
      expect(Math.abs(andersonDarlingLimitSf(row.z) / expected - 1)).toBeLessThanOrEqual(1e-3);
    }
  });
});

describe('andersonDarlingSf', () => {
  it('should match 2e6-sample simulations at n = 10, 20, 50 within 4 standard errors plus 2e-5', () => {
    // The simulation's standard error is sqrt(p(1-p)/N); 2e-5 is the approximation's own error budget.
    for (const row of fixture.finite) {
      const se = Math.sqrt((row.sf * (1 - row.sf)) / row.replications);
      expect(Math.abs(andersonDarlingSf(row.n, row.z) - row.sf)).toBeLessThanOrEqual(4 * se + 2e-5);
    }
  });

  it('should be continuous where the tail continuation takes over (p = 0.01)', () => {
    // Both sides of the switch evaluate the same correction at x = 0.99: they may differ by rounding only.
    for (const n of [7, 30, 1000]) {
      let zSwitch = 3.8;
      for (let step = 0.1; step > 1e-14; step /= 2) {
        if (andersonDarlingLimitSf(zSwitch + step) > 0.01) zSwitch += step;
      }
      const left = andersonDarlingSf(n, zSwitch);
      const right = andersonDarlingSf(n, zSwitch + 1e-12);
      expect(Math.abs(left - right) / left).toBeLessThan(1e-9);
    }
  });
});

describe('andersonDarlingTest', () => {
  it('should reproduce A² computed at 30 digits for fixed samples against N(0, 1)', () => {
    // A² sums n terms of size up to 2n·|log u|; each log-tail is good to 5 ulp: 1e-13 relative covers it.
    for (const row of fixture.samples) {
      const result = andersonDarlingTest(row.x, normalDistribution(0, 1));
      expect(Math.abs(result.statistic / Number(row.a2) - 1)).toBeLessThanOrEqual(1e-13);
      expect(result.pValue).toBeCloseTo(andersonDarlingSf(row.x.length, result.statistic), 15);
    }
  });

  it('should keep A² finite and exact in the far tail where F rounds to 1, using the log-tails', () => {
    // One point at 9 sd: F(9) rounds to 1, so log1p(-F) would be -Infinity; log Φ(-9) = -43.63... is exact.
    const result = andersonDarlingTest([-0.3, 0.2, 9], normalDistribution(0, 1));
    expect(Number.isFinite(result.statistic)).toBe(true);
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-3);
  });

  it('should give A² = ∞ and p = 0 for a point outside the support', () => {
    const result = andersonDarlingTest([0.2, 0.5, 1.5], uniformDistribution(0, 1));
    expect(result.statistic).toBe(Number.POSITIVE_INFINITY);
    expect(result.pValue).toBe(0);
  });

  it('should throw InvalidArgumentError for a log-tail that returns NaN or a positive value', () => {
    const broken = { name: 'broken', cdf: (x: number) => 1 / (1 + Math.exp(-x)), logCdf: () => Number.NaN };
    expect(() => andersonDarlingTest([0, 1], broken)).toThrow(InvalidArgumentError);
    const positive = { name: 'broken', cdf: (x: number) => 1 / (1 + Math.exp(-x)), logSf: () => 0.5 };
    expect(() => andersonDarlingTest([0, 1], positive)).toThrow(InvalidArgumentError);
    expect(() => andersonDarlingTest([], normalDistribution())).toThrow(InvalidArgumentError);
  });
});
