import { describe, expect, it } from 'vitest';
import { fitFiniteSizePowerLaw } from '../../src/analysis/fitFiniteSizePowerLaw.js';
import { fitPowerLaw } from '../../src/analysis/fits/fitPowerLaw.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { randomStream } from '../../src/random/stream.js';

const WIDTHS = [64, 128, 256, 512, 1024];

/** y = 2 w^p exp(c/w) with log-normal noise of sd `sd`·√(64/w) (shrinking like a width average). */
function sample(p: number, c: number, sd: number, replicates: number, seed: number) {
  const stream = randomStream(seed, 0);
  const x: number[] = [];
  const y: number[] = [];
  for (const w of WIDTHS) {
    for (let j = 0; j < replicates; j++) {
      x.push(w);
      y.push(2 * w ** p * Math.exp(c / w + sd * Math.sqrt(64 / w) * stream.nextNormal()));
    }
  }
  return { x, y };
}

describe('power law with a finite-size correction', () => {
  it('should recover exponent, prefactor and correction exactly from noise-free data', () => {
    const { x, y } = sample(0.5, -3, 0, 1, 1);
    const fit = fitFiniteSizePowerLaw(x, y);
    // A 3 × 3 least-squares solve on logarithms of size ≤ 7: rounding far below 1e-9.
    expect(fit.exponent).toBeCloseTo(0.5, 9);
    expect(fit.correction).toBeCloseTo(-3, 7);
    expect(fit.prefactor).toBeCloseTo(2, 8);
  });

  it('should cover the exponent where a bare power law is biased by the correction', () => {
    let covered = 0;
    let bareBiased = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { x, y } = sample(-0.25, -4, 0.05, 8, seed);
      const fit = fitFiniteSizePowerLaw(x, y);
      if (fit.ci95[0] <= -0.25 && -0.25 <= fit.ci95[1]) covered++;
      const bare = fitPowerLaw(x, y);
      if (bare.ci95[1] < -0.25 || bare.ci95[0] > -0.25) bareBiased++;
    }
    // 40 draws of a 95% interval: fewer than 34 covering has probability below 1% (binomial).
    expect(covered).toBeGreaterThanOrEqual(34);
    // c/w = −4/w bends ln y by 0.06 over the window: the bare slope is off by 0.02, about five standard errors.
    expect(bareBiased).toBeGreaterThan(30);
  });

  it('should refuse fewer than three widths, bad kappa and non-positive data', () => {
    expect(() => fitFiniteSizePowerLaw([1, 1, 2, 2, 2], [1, 2, 3, 4, 5])).toThrow(InvalidArgumentError);
    expect(() => fitFiniteSizePowerLaw(WIDTHS, [1, 2, 3, 4, 5], 0)).toThrow(InvalidArgumentError);
    expect(() => fitFiniteSizePowerLaw(WIDTHS, [1, 2, -3, 4, 5])).toThrow(InvalidArgumentError);
    expect(() => fitFiniteSizePowerLaw(WIDTHS, [1, 2, 3])).toThrow();
  });
});
