import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedQuantile } from '../../src/analysis/orderStatistics.js';
import { ensembleStatistics } from '../../src/sde/ensembleStatistics.js';

const EPS = Number.EPSILON;

describe('ensembleStatistics', () => {
  it('should give the exact moments and quantiles of the integers 0..100 in shuffled order', () => {
    // Values 0..100 in a scrambled path order, component 1 is ten times component 0.
    const n = 101;
    const states = new Float64Array(2 * n);
    for (let p = 0; p < n; p++) {
      const value = (p * 37) % n;
      states[2 * p] = value;
      states[2 * p + 1] = 10 * value;
    }
    const stats = ensembleStatistics(states, new Uint8Array(n).fill(1), 2);
    expect(stats.count).toBe(n);
    // Sums of small integers are exact in binary floating point; one division rounds once.
    expect(Array.from(stats.mean)).toEqual([50, 500]);
    // Variance of 0..100 with divisor n - 1: sum (k - 50)^2 / 100 = 2 * 50*51*101/6 / 100 = 858.5.
    expect(stats.variance[0]).toBe(858.5);
    expect(stats.variance[1]).toBe(85850);
    // sqrt(858.5 / 101) = 2.9 with two roundings (division, sqrt): 3 eps relative, times 3 for the size.
    expect(Math.abs(stats.standardError[0] - Math.sqrt(858.5 / 101))).toBeLessThanOrEqual(3 * EPS * 3);
    // Type-7 quantiles of 0..100 are q * 100 exactly at these q (h = 100 q lands on an integer).
    expect([stats.q05[0], stats.q50[0], stats.q95[0]]).toEqual([5, 50, 95]);
    expect([stats.q05[1], stats.q50[1], stats.q95[1]]).toEqual([50, 500, 950]);
  });

  it('should leave out the paths that are not included, even when their states are NaN', () => {
    const states = Float64Array.of(1, Number.NaN, 3, Number.POSITIVE_INFINITY, 5);
    const stats = ensembleStatistics(states, Uint8Array.of(1, 0, 1, 0, 1), 1);
    expect(stats.count).toBe(3);
    expect(stats.mean[0]).toBe(3);
    expect(stats.variance[0]).toBe(4);
    expect(stats.q50[0]).toBe(3);
  });

  it('should read strided layouts such as the states at one save time', () => {
    // Two paths, three saves, one component: save j of path p at p * 3 + j.
    const saved = Float64Array.of(1, 2, 3, 5, 6, 7);
    const atSave1 = ensembleStatistics(saved, Uint8Array.of(1, 1), 1, 3, 1);
    expect(atSave1.mean[0]).toBe(4);
    expect(atSave1.variance[0]).toBe(8);
  });

  it('should report NaN rather than a number when too few paths are included', () => {
    const none = ensembleStatistics(Float64Array.of(1, 2), Uint8Array.of(0, 0), 1);
    expect(none.count).toBe(0);
    expect(Number.isNaN(none.mean[0]) && Number.isNaN(none.q50[0])).toBe(true);
    const one = ensembleStatistics(Float64Array.of(7, 2), Uint8Array.of(1, 0), 1);
    expect(one.mean[0]).toBe(7);
    expect(Number.isNaN(one.variance[0]) && Number.isNaN(one.standardError[0])).toBe(true);
  });

  it('should give quantiles between the minimum and maximum and monotone in q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, qa, qb) => {
          const sorted = Float64Array.from(values).sort();
          const [lo, hi] = qa <= qb ? [qa, qb] : [qb, qa];
          const a = sortedQuantile(sorted, lo);
          const b = sortedQuantile(sorted, hi);
          expect(a).toBeGreaterThanOrEqual(sorted[0]);
          expect(b).toBeLessThanOrEqual(sorted[sorted.length - 1]);
          expect(a).toBeLessThanOrEqual(b);
        },
      ),
      { seed: 20251124 },
    );
  });
});
