/**
 * Under the null hypothesis a correct p-value is uniform on (0, 1). Each test below simulates many samples
 * from the hypothesised distribution (fixed seeds), collects the p-values and tests their uniformity with the
 * exact Kolmogorov–Smirnov test. The threshold 0.001 means a correct implementation fails with probability
 * 0.001 for a random seed; with the seed fixed the outcome is deterministic. A wrong null distribution (say
 * the asymptotic law used at small n, or a tail off by a factor) moves these p-values far below 0.001.
 */
import { describe, expect, it } from 'vitest';
import { andersonDarlingTest } from '../../src/analysis/andersonDarlingTest.js';
import { chiSquareTest } from '../../src/analysis/chiSquareTest.js';
import { normalDistribution, uniformDistribution } from '../../src/analysis/distribution.js';
import { kolmogorovSmirnovTest } from '../../src/analysis/kolmogorovSmirnovTest.js';
import { randomStream } from '../../src/random/stream.js';

const REPLICATES = 1000;
const SEED = 20240611;

function normalSample(path: number, n: number, shift = 0): Float64Array {
  const stream = randomStream(SEED, path);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.nextNormal() + shift;
  return out;
}

function pValues(test: (path: number) => number): Float64Array {
  return Float64Array.from({ length: REPLICATES }, (_, path) => test(path));
}

function uniformityPValue(p: Float64Array): number {
  return kolmogorovSmirnovTest(p, uniformDistribution(0, 1)).pValue;
}

type PValueOf = (x: Float64Array) => number;
const ks: PValueOf = (x) => kolmogorovSmirnovTest(x, normalDistribution()).pValue;
const ad: PValueOf = (x) => andersonDarlingTest(x, normalDistribution()).pValue;
const chi: PValueOf = (x) => chiSquareTest(x, normalDistribution()).pValue;

describe('p-values under the null hypothesis', () => {
  // n = 12 exercises the exact matrix and n = 400 Pelz-Good for KS; n = 8 and 100 both sides of
  // Marsaglia's correction for AD. The chi-square statistic is discrete, but with its default
  // ⌈2n^0.4⌉ = 25 bins at n = 500 the lattice is far finer than the 0.06 resolution of the uniformity test.
  it.each([
    ['Kolmogorov-Smirnov', ks, 12, 0],
    ['Kolmogorov-Smirnov', ks, 400, 1],
    ['Anderson-Darling', ad, 8, 2],
    ['Anderson-Darling', ad, 100, 3],
    ['chi-square', chi, 500, 4],
  ] as const)('should be uniform for %s at n = %i', (_name, test, n, block) => {
    const p = pValues((path) => test(normalSample(path + block * REPLICATES, n)));
    expect(uniformityPValue(p)).toBeGreaterThan(0.001);
  });
});

describe('p-values under an alternative', () => {
  it('should reject a 0.5 sd shift at n = 100 in more than 90% of samples at level 0.05, for all three tests', () => {
    // Power of KS against a 0.5 sd shift at n = 100 is about 0.99; AD and chi-square are similar or lower
    // but above 0.9 (normal approximation to their noncentral laws).
    for (const test of [ks, ad, chi]) {
      let rejected = 0;
      for (let path = 0; path < 200; path++) if (test(normalSample(path + 5000, 100, 0.5)) < 0.05) rejected++;
      expect(rejected / 200).toBeGreaterThan(0.9);
    }
  });
});
