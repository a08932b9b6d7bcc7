/**
 * Statistical checks of the keyed random streams' normals and uniforms, with fixed seeds.
 *
 * Goodness-of-fit thresholds: p > 0.001. For a correct generator the p-value is uniform, so a fixed seed
 * fails with probability 0.001 (once in a thousand seeds: rare enough not to be a flaky seed, and with the
 * seed fixed the outcome is deterministic anyway). With 10⁶ draws the test still has teeth: it fails when the
 * CDF of the draws is off by more than about 0.002 anywhere (the KS critical distance 1.95/√n).
 * Moment and frequency checks use 4 standard errors (a two-sided normal probability of 6e-5).
 */
import { describe, expect, it } from 'vitest';
import { andersonDarlingTest } from '../../src/analysis/andersonDarlingTest.js';
import { normalDistribution } from '../../src/analysis/distribution.js';
import { kolmogorovSmirnovTest } from '../../src/analysis/kolmogorovSmirnovTest.js';
import { normalCdf } from '../../src/analysis/normal.js';
import { randomStream } from '../../src/random/stream.js';
import { ZIGGURAT_R } from '../../src/random/ziggurat.js';

const SEED = 20240611;
const N = 1_000_000;

function normals(seed: number, path: number, n: number): Float64Array {
  const stream = randomStream(seed, path);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.nextNormal();
  return out;
}

const draws = normals(SEED, 0, N);

describe('randomStream normals', () => {
  it('should pass a Kolmogorov-Smirnov test against N(0, 1) with 10^6 draws (p > 0.001)', () => {
    const result = kolmogorovSmirnovTest(draws, normalDistribution(0, 1));
    expect(result.n).toBe(N);
    expect(result.pValue).toBeGreaterThan(0.001);
  });

  it('should pass an Anderson-Darling test against N(0, 1), which weights the tails (p > 0.001)', () => {
    expect(andersonDarlingTest(draws, normalDistribution(0, 1)).pValue).toBeGreaterThan(0.001);
  });

  it('should have mean 0 and variance 1 within 4 standard errors', () => {
    let sum = 0;
    let sumSquares = 0;
    for (const z of draws) {
      sum += z;
      sumSquares += z * z;
    }
    const mean = sum / N;
    const variance = sumSquares / N - mean * mean;
    // SE of the mean: 1/√n; of the variance: √(2/n) for normal data.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('should put P(|Z| > R) = 2Φ(-R) in the ziggurat’s tail region R = 3.4426 within 4 standard errors', () => {
    const p = 2 * normalCdf(-ZIGGURAT_R);
    const count = draws.reduce((c, z) => c + (Math.abs(z) > ZIGGURAT_R ? 1 : 0), 0);
    // Binomial count: mean n·p ≈ 576, standard error √(n·p·(1−p)) ≈ 24.
    expect(Math.abs(count - N * p)).toBeLessThan(4 * Math.sqrt(N * p * (1 - p)));
  });

  it('should sample the far tail beyond R correctly: P(|Z| > 4.5) over 10^7 draws within 4 standard errors', () => {
    // 2Φ(−4.5) = 6.8e-6: about 68 of 10⁷ draws, all from Marsaglia's exponential tail method.
    const stream = randomStream(SEED, 1);
    const n = 10_000_000;
    let count = 0;
    for (let i = 0; i < n; i++) if (Math.abs(stream.nextNormal()) > 4.5) count++;
    const p = 2 * normalCdf(-4.5);
    expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
  });
});

describe('randomStream keys', () => {
  it('should replay the same sequence for the same (seed, path), also path 12345 alone', () => {
    expect(normals(SEED, 0, 1000)).toEqual(draws.subarray(0, 1000));
    expect(normals(7, 12345, 100)).toEqual(normals(7, 12345, 100));
  });

  it('should give different sequences for different paths, seeds and substreams', () => {
    const base = normals(SEED, 0, 64);
    expect(normals(SEED, 1, 64)).not.toEqual(base);
    expect(normals(SEED + 1, 0, 64)).not.toEqual(base);
    const a = randomStream(SEED, 0, 1);
    expect(Float64Array.from({ length: 64 }, () => a.nextNormal())).not.toEqual(base);
  });

  it('should give paths whose normals are uncorrelated (|r| < 4/√n between neighbouring paths)', () => {
    const n = 100_000;
    const x = normals(SEED, 2, n);
    const y = normals(SEED, 3, n);
    let r = 0;
    for (let i = 0; i < n; i++) r += x[i] * y[i];
    // Under independence the sample correlation of two N(0,1) sequences has SE 1/√n.
    expect(Math.abs(r / n)).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('randomStream uniforms', () => {
  it('should draw uniforms strictly inside (0, 1) with mean 1/2 within 4 standard errors', () => {
    for (const draw of ['nextUniform', 'nextUniform53'] as const) {
      const stream = randomStream(SEED, 4);
      let sum = 0;
      let min = 1;
      let max = 0;
      for (let i = 0; i < N; i++) {
        const u = stream[draw]();
        sum += u;
        min = Math.min(min, u);
        max = Math.max(max, u);
      }
      expect(min).toBeGreaterThan(0);
      expect(max).toBeLessThan(1);
      // SE of the mean of U(0,1): √(1/12)/√n.
      expect(Math.abs(sum / N - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / N));
    }
  });

  it('should pass a Kolmogorov-Smirnov test against U(0, 1) with 10^6 draws (p > 0.001)', () => {
    const stream = randomStream(SEED, 5);
    const u = Float64Array.from({ length: N }, () => stream.nextUniform());
    const result = kolmogorovSmirnovTest(u, (x) => Math.min(1, Math.max(0, x)));
    expect(result.pValue).toBeGreaterThan(0.001);
  });
});
