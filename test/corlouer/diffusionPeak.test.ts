/** The diffusion peak and its threshold: closed forms, the searches, and the SDE's own diffusion. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareJointly, momentEstimate, sidakZ } from '../../src/analysis/jointComparison.js';
import { normalSf } from '../../src/analysis/normal.js';
import { normalQuantile } from '../../src/analysis/normalQuantile.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { sdeNoiseThreshold, sdePeak } from '../../src/reductions/diffusionPeakMeasure.js';
import { goldenMaximum, interiorPeak, noiseThreshold } from '../../src/reductions/diffusionPeakSearch.js';
import { diffusionExponent, diffusionPeak, peakThreshold } from '../../src/reductions/perModeSdePeak.js';

const EPS = 2 ** -52;

describe('closed forms of the diffusion peak', () => {
  it('should place the noiseless peak at 2(L − 1)s/(3L − 2): 0.5s, 0.571s, 0.6s for L = 2, 3, 4', () => {
    const expected = [0.5, 4 / 7, 0.6];
    [2, 3, 4].forEach((L, i) => {
      // (c + 1 − 1)s/(c + 2) with c = 4 − 4/L: a few roundings.
      expect(Math.abs(diffusionPeak(L, 'end-to-end', 1, 0) - expected[i])).toBeLessThan(8 * EPS);
      expect(Math.abs(diffusionPeak(L, 'end-to-end', 2.5, 0) - 2.5 * expected[i])).toBeLessThan(32 * EPS);
    });
  });

  it('should give the thresholds 0.25, 0.161, 0.133 and no peak above them', () => {
    expect(peakThreshold(2, 'end-to-end')).toBe(0.25);
    expect(Math.abs(peakThreshold(3, 'end-to-end') - 9 / 56)).toBeLessThan(4 * EPS);
    expect(Math.abs(peakThreshold(4, 'end-to-end') - 2 / 15)).toBeLessThan(4 * EPS);
    // c = 2 − 2/3: one rounding.
    expect(diffusionExponent(3, 'parameter')).toBeCloseTo(4 / 3, 15);
    const s = 1.7;
    const below = s * Math.sqrt(0.99 * peakThreshold(3, 'end-to-end'));
    const above = s * Math.sqrt(1.01 * peakThreshold(3, 'end-to-end'));
    expect(diffusionPeak(3, 'end-to-end', s, below)).toBeLessThan(s);
    expect(diffusionPeak(3, 'end-to-end', s, above)).toBeNaN();
    expect(() => diffusionPeak(3, 'diagonal' as 'parameter', s, 0)).toThrow(InvalidArgumentError);
    expect(() => diffusionPeak(1, 'parameter', s, 0)).toThrow(InvalidArgumentError);
  });
});

describe('peak searches', () => {
  it('should locate maxima to about √ε with an honest bracket', () => {
    const found = goldenMaximum((x) => Math.cos(x - 0.3), -1, 2);
    // cos is flat to ε within √(2ε) ≈ 2.1e-8 of its maximum: comparisons of values cannot order points closer
    // than that, so the bracket holds the maximizer up to 3e-8 (SEARCH_RESOLUTION = 1e-7 covers it).
    expect(found.bracket[0]).toBeLessThanOrEqual(0.3 + 3e-8);
    expect(found.bracket[1]).toBeGreaterThanOrEqual(0.3 - 3e-8);
    expect(Math.abs(found.x - 0.3)).toBeLessThan(3e-8);
    expect(interiorPeak((x) => x, 0, 1)).toBeUndefined();
  });

  it('should recover max_u σ₊(u) for a decomposition with a known threshold', () => {
    // v = u³(2(u − 1)²) + σ² u³: c = 3, threshold 2/(c(c + 2)) = 2/15 at u = (c + 1)/(c + 2) = 0.8.
    const found = noiseThreshold((u) => ({ x: 2 * u ** 3 * (u - 1) ** 2, c: 0, n: u ** 3 }), 0.05, 1);
    // Central differences of step 1e-5 on a quintic: truncation ~1e-10; the search stops at 1e-8 relative.
    expect(Math.abs(found.sigma ** 2 - 2 / 15)).toBeLessThan(1e-8);
    expect(Math.abs(found.u - 0.8)).toBeLessThan(1e-3);
  });

  it('should find the closed-form peak and threshold in the per-mode SDE’s own diffusion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom('end-to-end' as const, 'parameter' as const),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (L, space, s, fraction) => {
          const sigma = s * Math.sqrt(fraction * peakThreshold(L, space));
          const peak = sdePeak(L, s, sigma, space);
          // The golden-section bracket is ~1e-10 s wide; √ε flatness adds ~1e-8 s.
          expect(Math.abs((peak?.x ?? Number.NaN) - diffusionPeak(L, space, s, sigma))).toBeLessThan(
            1e-7 * s,
          );
          expect(Math.abs(sdeNoiseThreshold(L, s, space) - peakThreshold(L, space))).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 12, seed: 21 },
    );
  });
});

describe('joint comparisons', () => {
  it('should use the two-sided normal quantile for one comparison and widen it for many (Šidák)', () => {
    expect(sidakZ(0.05, 1)).toBeCloseTo(normalQuantile(0.975), 12);
    // 1 − (1 − 2Φ(−z))^m = α at the returned z.
    const z = sidakZ(0.01, 40);
    const family = 1 - (1 - 2 * normalSf(z)) ** 40;
    // normalQuantile and normalSf are each accurate to ~1e-15 relative in this range.
    expect(Math.abs(family - 0.01)).toBeLessThan(1e-12);
  });

  it('should report the family p-value of the largest |z| and the row it came from', () => {
    const joint = compareJointly([
      { label: 'a', a: 1, b: 1.1, error: 0.1 },
      { label: 'b', a: 2, b: 1.7, error: 0.1 },
    ]);
    expect(joint.worst.label).toBe('b');
    expect(joint.largestZ).toBeCloseTo(3, 12);
    // 1 − (1 − 2Φ(−3))² with 2Φ(−3) = 0.0026997960632601866.
    expect(joint.pValue).toBeCloseTo(1 - (1 - 0.0026997960632601866) ** 2, 12);
    expect(momentEstimate([1, 2, 3, 4]).variance).toBeCloseTo(5 / 3, 14);
    expect(() => momentEstimate([1, Number.NaN, 2])).toThrow(InvalidArgumentError);
  });
});
