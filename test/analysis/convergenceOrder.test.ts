import { describe, expect, it } from 'vitest';
import { estimateOrder } from '../../src/analysis/convergenceOrder.js';
import { randomStream } from '../../src/random/stream.js';

const dts = [2 ** -3, 2 ** -4, 2 ** -5, 2 ** -6, 2 ** -7];

describe('estimateOrder', () => {
  it('should return the exact exponent with a zero-width interval when errors are dt^alpha times a shared factor', () => {
    const stream = randomStream(1, 0);
    const z = Float64Array.from({ length: 50 }, () => stream.nextNormal());
    const differences = dts.map((dt) => z.map((v) => dt ** 0.75 * v));
    const strong = estimateOrder(dts, differences, { kind: 'strong', resamples: 200 });
    // Every resample has the same ratio between levels, so the slope is 0.75 up to log/round-off (1e-12).
    expect(strong.estimate).toBeCloseTo(0.75, 12);
    expect(strong.ci95[1] - strong.ci95[0]).toBeLessThan(1e-12);
  });

  it('should cover the true weak order in about 95% of replicates of noisy errors', () => {
    let covered = 0;
    const replicates = 100;
    for (let r = 0; r < replicates; r++) {
      const stream = randomStream(2, r);
      // Weak error dt^1 plus independent per-path noise of size 0.3·dt^0.5: the mean is dt, the noise shrinks.
      const differences = dts.map((dt) =>
        Float64Array.from({ length: 200 }, () => dt + 0.3 * Math.sqrt(dt) * stream.nextNormal()),
      );
      const weak = estimateOrder(dts, differences, { kind: 'weak', resamples: 200, seed: r + 1 });
      if (weak.ci95[0] <= 1 && 1 <= weak.ci95[1]) covered++;
    }
    // Binomial(100, 0.95) lies in [88, 100] with probability > 0.99; percentile bootstraps run slightly liberal.
    expect(covered).toBeGreaterThanOrEqual(88);
  });

  it('should refuse fewer than three levels, unequal path counts and non-positive dt', () => {
    const d = [new Float64Array(4), new Float64Array(4)];
    expect(() => estimateOrder([0.1, 0.05], d, { kind: 'strong' })).toThrow(/at least 3 step sizes/);
    expect(() => estimateOrder([0.1, 0.05, 0.025], [...d, new Float64Array(3)], { kind: 'strong' })).toThrow(
      /same number/,
    );
    expect(() => estimateOrder([0.1, -0.05, 0.025], [...d, new Float64Array(4)], { kind: 'strong' })).toThrow(
      /step sizes > 0/,
    );
  });
});
