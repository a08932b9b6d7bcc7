import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../src/analysis/chiSquareTest.js';
import { normalDistribution, uniformDistribution } from '../../src/analysis/distribution.js';
import { InvalidArgumentError } from '../../src/errors.js';

const EPS = 2 ** -52;

describe('chiSquareTest', () => {
  it('should count, compute X² and, for 2 degrees of freedom, give p = exp(-X²/2)', () => {
    // 30 points on U(0,1) with edges 1/3, 2/3: expected 10 per bin; observed 15, 10, 5 → X² = (25+0+25)/10 = 5.
    const sample = [
      ...Array.from({ length: 15 }, (_, i) => 0.01 + i * 0.02),
      ...Array.from({ length: 10 }, (_, i) => 0.4 + i * 0.02),
      ...Array.from({ length: 5 }, (_, i) => 0.7 + i * 0.05),
    ];
    const result = chiSquareTest(sample, uniformDistribution(0, 1), { edges: [1 / 3, 2 / 3] });
    expect(result.observed).toEqual([15, 10, 5]);
    expect(result.expected.map((e) => Math.round(e * 1e12) / 1e12)).toEqual([10, 10, 10]);
    expect(result.statistic).toBeCloseTo(5, 12);
    expect(result.degreesOfFreedom).toBe(2);
    // Q(1, x/2) = exp(-x/2) exactly; the incomplete gamma adds a few ulp.
    expect(Math.abs(result.pValue / Math.exp(-result.statistic / 2) - 1)).toBeLessThanOrEqual(16 * EPS);
  });

  it('should merge bins until every expected count is at least 5', () => {
    // Edges at -3, -2, ..., 3 under N(0,1) with n = 100: the outer bins expect 0.13, 2.1, ... points.
    const sample = Array.from({ length: 100 }, (_, i) => -2.5 + (5 * i) / 99);
    const result = chiSquareTest(sample, normalDistribution(), { edges: [-3, -2, -1, 0, 1, 2, 3] });
    expect(Math.min(...result.expected)).toBeGreaterThanOrEqual(5);
    expect(result.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(result.observed.reduce((a, b) => a + b, 0)).toBe(100);
    expect(result.upperEdges.at(-1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('should place equiprobable bins from the quantile when no edges are given (Moore: ⌈2n^0.4⌉)', () => {
    const sample = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const result = chiSquareTest(sample, uniformDistribution(0, 1));
    expect(result.expected.length).toBe(Math.ceil(2 * 1000 ** 0.4));
    for (const e of result.expected) expect(e).toBeCloseTo(1000 / result.expected.length, 9);
    // A perfectly even sample fits far better than chance: X² is near 0 and p near 1.
    expect(result.pValue).toBeGreaterThan(0.999);
  });

  it('should subtract estimated parameters from the degrees of freedom', () => {
    const sample = Array.from({ length: 200 }, (_, i) => (i + 0.5) / 200);
    const plain = chiSquareTest(sample, uniformDistribution(0, 1), { bins: 10 });
    const fitted = chiSquareTest(sample, uniformDistribution(0, 1), { bins: 10, estimatedParameters: 2 });
    expect(plain.degreesOfFreedom - fitted.degreesOfFreedom).toBe(2);
  });

  it('should throw InvalidArgumentError for unusable bins or samples', () => {
    const cdfOnly = (x: number) => Math.min(1, Math.max(0, x));
    expect(() => chiSquareTest([0.1, 0.2], cdfOnly)).toThrow(InvalidArgumentError);
    expect(() => chiSquareTest([0.1, 0.2, 0.3], uniformDistribution(), { edges: [0.5] })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      chiSquareTest([0.1, 0.2], uniformDistribution(), { edges: [0.5, 0.4], minExpected: 0.1 }),
    ).toThrow(InvalidArgumentError);
    expect(() => chiSquareTest([0.1, Number.NaN], uniformDistribution(), { bins: 2 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => chiSquareTest([0.1], uniformDistribution(), { bins: 1 })).toThrow(InvalidArgumentError);
  });
});
