import { describe, expect, it } from 'vitest';
import { median, sortedQuantile } from '../../src/analysis/orderStatistics.js';

describe('median', () => {
  it('should give the middle value of an odd sample and the mean of the middle two of an even one, in any order', () => {
    expect(median([5, -1, 3])).toBe(3);
    expect(median(Float64Array.of(4, 1, 3, 2))).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('should sort numerically, not as text, and leave its input alone', () => {
    const values = [10, 9, 100, 2, 1];
    expect(median(values)).toBe(9);
    expect(values).toEqual([10, 9, 100, 2, 1]);
  });

  it('should be NaN for an empty sample', () => {
    expect(median([])).toBeNaN();
    expect(sortedQuantile(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('should agree with the type-7 quantile at q = 1/2 on the integers 0..n', () => {
    for (const n of [1, 2, 9, 10]) {
      const sorted = Float64Array.from({ length: n + 1 }, (_, i) => i);
      expect(median(sorted)).toBe(n / 2);
      expect(sortedQuantile(sorted, 0.5)).toBe(n / 2);
    }
  });
});
