import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autocovariance } from '../../src/analysis/autocovariance.js';
import { correlatedGoodnessOfFitTest, thin } from '../../src/analysis/correlatedGoodnessOfFit.js';
import { normalDistribution } from '../../src/analysis/distribution.js';
import { integratedAutocorrelationTime } from '../../src/analysis/integratedAutocorrelationTime.js';
import { kolmogorovSmirnovTest } from '../../src/analysis/kolmogorovSmirnovTest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { randomStream } from '../../src/random/stream.js';

/** Stationary AR(1): x_{t+1} = ρ x_t + √(1−ρ²) ε_t, marginal N(shift, 1), τ = (1+ρ)/(1−ρ). */
function ar1(path: number, rho: number, n: number, shift = 0): Float64Array {
  const stream = randomStream(99, path);
  const x = new Float64Array(n);
  const c = Math.sqrt(1 - rho * rho);
  let v = stream.nextNormal();
  for (let i = 0; i < n; i++) {
    x[i] = v + shift;
    v = rho * v + c * stream.nextNormal();
  }
  return x;
}

describe('autocovariance', () => {
  it('should equal the direct sum (1/n) Σ (x_t − x̄)(x_{t+k} − x̄) at every lag', () => {
    const x = ar1(1, 0.7, 300);
    const gamma = autocovariance(x);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    for (const k of [0, 1, 2, 17, 150, 299]) {
      let direct = 0;
      for (let t = 0; t + k < x.length; t++) direct += (x[t] - mean) * (x[t + k] - mean);
      // FFT round-off: about log2(N)·ε relative to γ₀ = O(1).
      expect(Math.abs(gamma[k] - direct / x.length)).toBeLessThan(1e-13);
    }
  });
});

describe('integratedAutocorrelationTime', () => {
  it.each([
    [-0.5, 1 / 3],
    [0, 1],
    [0.5, 3],
  ])('should recover τ = (1+ρ)/(1−ρ) for AR(1) with ρ = %f within 4 standard errors', (rho, tau) => {
    const n = 1 << 17;
    const result = integratedAutocorrelationTime(ar1(10, rho, n));
    // Sokal's variance of a windowed estimate over L lags: Var τ̂ ≈ 2(2L+1)τ²/n.
    const se = tau * Math.sqrt((2 * (2 * result.lags + 1)) / n);
    expect(result.status).toBe('success');
    expect(Math.abs(result.tau - tau)).toBeLessThan(4 * se);
    expect(result.effectiveSampleSize).toBeCloseTo(n / result.tau, 6);
  });

  it('should recover τ = 19 for AR(1) with ρ = 0.9 (mean of 8 chains) within 4 standard errors', () => {
    const n = 1 << 17;
    const results = Array.from({ length: 8 }, (_, path) =>
      integratedAutocorrelationTime(ar1(20 + path, 0.9, n)),
    );
    const mean = results.reduce((a, r) => a + r.tau, 0) / results.length;
    const lags = Math.max(...results.map((r) => r.lags));
    // Same variance formula, divided by the 8 independent chains; with L ≈ 2.5τ the tolerance is about 5%.
    const se = (19 * Math.sqrt((2 * (2 * lags + 1)) / n)) / Math.sqrt(results.length);
    expect(Math.abs(mean - 19)).toBeLessThan(4 * se);
    expect(4 * se).toBeLessThan(0.1 * 19);
  });

  it('should flag a chain shorter than 50τ instead of returning a trusted number', () => {
    const result = integratedAutocorrelationTime(ar1(30, 0.99, 2000));
    expect(result.status).toBe('chain-too-short');
    expect(result.detail).toMatch(/longer|decorrelate/);
  });

  it('should throw InvalidArgumentError for constant, too short or non-finite chains', () => {
    expect(() => integratedAutocorrelationTime([1, 1, 1, 1, 1])).toThrow(InvalidArgumentError);
    expect(() => integratedAutocorrelationTime([1, 2, 3])).toThrow(InvalidArgumentError);
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 4 }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.nat(),
        (chain, bad, at) => {
          const hostile = [...chain];
          hostile[at % hostile.length] = bad;
          expect(() => integratedAutocorrelationTime(hostile)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe('goodness of fit for correlated chains', () => {
  // AR(1) with ρ = 0.9 (τ = 19), n = 2000, marginal N(0, 1): the null hypothesis holds for every chain.
  const replicates = 200;
  const level = 0.05;
  // A binomial count at rate 0.05 out of 200 exceeds 0.05 + 3·sqrt(0.05·0.95/200) = 0.096 with prob. < 0.2%.
  const ceiling = level + 3 * Math.sqrt((level * (1 - level)) / replicates);

  const anderson = { test: 'anderson-darling' } as const;

  function rejectionRate(test: (x: Float64Array) => number, shift = 0): number {
    let rejected = 0;
    for (let path = 0; path < replicates; path++)
      if (test(ar1(1000 + path, 0.9, 2000, shift)) < level) rejected++;
    return rejected / replicates;
  }

  it('should show that the iid Kolmogorov-Smirnov test rejects a true hypothesis most of the time', () => {
    expect(rejectionRate((x) => kolmogorovSmirnovTest(x, normalDistribution()).pValue)).toBeGreaterThan(0.5);
  });

  it('should keep the rejection rate of the n_eff-adjusted KS and AD tests at or below the level', () => {
    expect(rejectionRate((x) => correlatedGoodnessOfFitTest(x, normalDistribution()).pValue)).toBeLessThan(
      ceiling,
    );
    expect(
      rejectionRate((x) => correlatedGoodnessOfFitTest(x, normalDistribution(), anderson).pValue),
    ).toBeLessThan(ceiling);
  });

  it('should still detect a 1 sd shift of the marginal in nearly every chain', () => {
    // With n_eff ≈ 105 a 1 sd shift gives √n_eff·D ≈ 0.38·10 ≈ 3.9, far past the 1.36 critical value.
    const ks = rejectionRate((x) => correlatedGoodnessOfFitTest(x, normalDistribution()).pValue, 1);
    const ad = rejectionRate((x) => correlatedGoodnessOfFitTest(x, normalDistribution(), anderson).pValue, 1);
    expect(ks).toBeGreaterThan(0.95);
    expect(ad).toBeGreaterThan(0.95);
  });

  it('should use a given τ instead of estimating it', () => {
    const x = ar1(7, 0.9, 2000);
    const given = correlatedGoodnessOfFitTest(x, normalDistribution(), { tau: 19 });
    expect(given.tau).toBe(19);
    expect(given.effectiveSampleSize).toBeCloseTo(2000 / 19, 10);
    expect(() => correlatedGoodnessOfFitTest(x, normalDistribution(), { tau: -1 })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('thin', () => {
  it('should keep every step-th point starting with the first', () => {
    expect(Array.from(thin([0, 1, 2, 3, 4, 5, 6], 3))).toEqual([0, 3, 6]);
    expect(Array.from(thin([0, 1, 2], 1))).toEqual([0, 1, 2]);
    expect(() => thin([0, 1], 0)).toThrow(InvalidArgumentError);
  });
});
