import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/analysis/normal.js';
import { randomStream } from '../../src/random/stream.js';
import { bridgeHittingFraction, inverseGaussian } from '../../src/sde/firstPassageBridge.js';

/** CDF of the inverse Gaussian law IG(mu, lambda); mu = Infinity gives the Levy law. */
function inverseGaussianCdf(r: number, mu: number, lambda: number): number {
  const root = Math.sqrt(lambda / r);
  if (mu === Number.POSITIVE_INFINITY) return 2 * normalCdf(-root);
  return normalCdf(root * (r / mu - 1)) + Math.exp((2 * lambda) / mu) * normalCdf(-root * (r / mu + 1));
}

/** sup_x |F_n(x) - F(x)| of a sample against a CDF. */
function kolmogorovDistance(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    distance = Math.max(distance, (i + 1) / n - f, f - i / n);
  }
  return distance;
}

const N = 20_000;
// Dvoretzky–Kiefer–Wolfowitz: P(D_n > eps) <= 2 exp(-2 n eps^2) = 2e-7 for n = 20000, eps = 0.02.
const KS_TOLERANCE = 0.02;

describe('inverseGaussian', () => {
  for (const [mu, lambda] of [
    [1, 1],
    [0.2, 3],
    [5, 0.5],
    [Number.POSITIVE_INFINITY, 2],
  ]) {
    it(`should follow the IG(${mu}, ${lambda}) distribution function`, () => {
      const stream = randomStream(314, 0, 1);
      const sample = Float64Array.from({ length: N }, () => inverseGaussian(mu, lambda, stream));
      expect(kolmogorovDistance(sample, (r) => inverseGaussianCdf(r, mu, lambda))).toBeLessThan(KS_TOLERANCE);
    });
  }

  it('should have mean mu and variance mu^3 / lambda', () => {
    const [mu, lambda] = [0.7, 2];
    const stream = randomStream(2718, 0, 1);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < N; i++) {
      const r = inverseGaussian(mu, lambda, stream);
      sum += r;
      sumSquares += r * r;
    }
    const mean = sum / N;
    const variance = sumSquares / N - mean * mean;
    // Standard error of the mean sqrt(mu^3 / lambda / N) = 0.0026: 0.011 is over 4 of them.
    expect(Math.abs(mean - mu)).toBeLessThan(0.011);
    // Var of r^2 for these parameters is about 0.6; its standard error over N is 0.0055: 0.025 is 4.5 of them.
    expect(Math.abs(variance - mu ** 3 / lambda)).toBeLessThan(0.025);
  });
});

describe('bridgeHittingFraction', () => {
  it('should interpolate linearly when the variance is zero', () => {
    const stream = randomStream(1, 0, 1);
    expect(bridgeHittingFraction(1, 3, 0, stream)).toBe(0.25);
  });

  it('should give fractions inside (0, 1], with an end point exactly on the barrier allowed', () => {
    const stream = randomStream(7, 3, 1);
    for (const [alpha, beta, variance] of [
      [1e-8, 2, 1],
      [2, 1e-8, 1],
      [1, 0, 1],
      [1e3, 1e3, 1e-6],
    ]) {
      for (let i = 0; i < 100; i++) {
        const fraction = bridgeHittingFraction(alpha, beta, variance, stream);
        expect(fraction).toBeGreaterThan(0);
        expect(fraction).toBeLessThanOrEqual(1);
      }
    }
  });
});
