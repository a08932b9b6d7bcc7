import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapScalingFit } from '../../src/analysis/fits/bootstrapScalingFit.js';
import { compareScalingForms } from '../../src/analysis/fits/compareScalingForms.js';
import { fitLogLaw } from '../../src/analysis/fits/fitLogLaw.js';
import { fitPowerLaw } from '../../src/analysis/fits/fitPowerLaw.js';
import { fitPowerOffset } from '../../src/analysis/fits/fitPowerOffset.js';
import { fitScalingLaw, SCALING_MODELS } from '../../src/analysis/fits/fitScalingLaw.js';
import { fitTheilSen } from '../../src/analysis/fits/fitTheilSen.js';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { randomStream } from '../../src/random/stream.js';
import fixture from '../fixtures/scalingFits.json' with { type: 'json' };

const EPS = 2 ** -52;
const SIZES = [1, 2, 4, 8, 16, 32, 64, 128];

function close(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

describe('exact data', () => {
  it('should recover the exponent of noise-free data to rounding for every model', () => {
    // Sums of ~10 terms of size ln(128) ≈ 5: a few hundred ulp at most.
    const power = SIZES.map((x) => 3 * x ** -0.75);
    const log = SIZES.map((x) => 2 + 0.5 * Math.log(x));
    const offset = SIZES.map((x) => 1 + 3 * x ** -0.75);
    close(fitPowerLaw(SIZES, power).exponent, -0.75, 500 * EPS);
    close(fitPowerLaw(SIZES, power).prefactor, 3, 500 * EPS);
    close(fitLogLaw(SIZES, log).exponent, 0.5, 500 * EPS);
    close(fitLogLaw(SIZES, log).prefactor, 2, 500 * EPS);
    close(fitTheilSen(SIZES, power).exponent, -0.75, 500 * EPS);
    // The golden-section search stops at a bracket of 1e-13 relative.
    const fit = fitPowerOffset(SIZES, offset);
    close(fit.exponent, -0.75, 1e-10);
    close(fit.offset, 1, 1e-10);
    close(fit.prefactor, 3, 1e-10);
  });
});

describe('agreement with scipy on fixed noisy data', () => {
  it('should match scipy.stats.linregress for the power law (slope, intercept, t intervals, r²)', () => {
    // Both are closed-form least squares; the t quantile from jstat is good to 3e-8 relative.
    const f = fixture.power;
    const fit = fitPowerLaw(f.x, f.y);
    close(fit.exponent, f.slope, 1e-13);
    close(Math.log(fit.prefactor), f.intercept, 1e-13);
    for (const k of [0, 1]) {
      close(fit.ci95[k], f.slopeCi[k], 1e-9);
      close(Math.log(fit.prefactorCi95[k]), f.interceptCi[k], 1e-9);
    }
    close(fit.r2, f.r2, 1e-13);
  });

  it('should match scipy.stats.linregress for the log law', () => {
    const f = fixture.log;
    const fit = fitLogLaw(f.x, f.y);
    close(fit.exponent, f.slope, 1e-13);
    close(fit.prefactor, f.intercept, 1e-13);
    for (const k of [0, 1]) {
      close(fit.ci95[k], f.slopeCi[k], 1e-9);
      close(fit.prefactorCi95[k], f.interceptCi[k], 1e-9);
    }
  });

  it('should match scipy curve_fit and a brentq profile interval for the power law with offset', () => {
    // curve_fit stops at its own tolerance (about 1e-8 relative in the parameters); the profile bounds
    // were solved to 1e-14 but sit on a flat-bottomed RSS, so 1e-7 relative.
    const f = fixture.powerOffset;
    const fit = fitPowerOffset(f.x, f.y);
    close(fit.exponent, f.p, 1e-7);
    close(fit.offset, f.y0, 1e-7);
    close(fit.prefactor, f.c, 1e-7);
    const t = (fit.waldCi95[1] - fit.waldCi95[0]) / 2 / f.seP;
    close(t, 2.1603686564610127, 1e-6); // t_{0.975, 13}: the Wald half-width over scipy's se(p)
    close(fit.ci95[0], f.profileCi[0], 1e-7);
    close(fit.ci95[1], f.profileCi[1], 1e-7);
    close((fit.prefactorCi95[1] - fit.prefactorCi95[0]) / (2 * t), f.seC, 1e-5);
    close((fit.offsetCi95[1] - fit.offsetCi95[0]) / (2 * t), f.seY0, 1e-5);
  });

  it('should match scipy.stats.theilslopes: the same median slope and bounds within one rank outward', () => {
    const f = fixture.theilSen;
    const fit = fitTheilSen(f.x, f.y);
    close(fit.exponent, f.slope, 1e-13);
    expect(fit.ci95[0]).toBeLessThanOrEqual(f.low);
    expect(fit.ci95[0]).toBeGreaterThanOrEqual(f.lowOuter);
    expect(fit.ci95[1]).toBeGreaterThanOrEqual(f.high);
    expect(fit.ci95[1]).toBeLessThanOrEqual(f.highOuter);
  });
});

describe('fitScalingLaw', () => {
  it('should dispatch to every model and return the common shape', () => {
    const f = fixture.power;
    for (const model of SCALING_MODELS) {
      const fit = fitScalingLaw(f.x, f.y, model);
      expect(fit.model).toBe(model);
      expect(fit.n).toBe(f.x.length);
      expect(fit.ci95[0]).toBeLessThanOrEqual(fit.exponent);
      expect(fit.ci95[1]).toBeGreaterThanOrEqual(fit.exponent);
    }
  });

  it('should flag an exponent at the edge of the search range instead of reporting it as found', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const fit = fitPowerOffset(
      x,
      x.map((v) => v ** 3),
      { exponentRange: [-2, 2] },
    );
    expect(fit.status).toBe('exponent-at-search-bound');
    expect(fit.detail).toMatch(/widen/);
  });

  it('should throw InvalidArgumentError for any non-finite value, x <= 0, or y <= 0 where ln y is taken', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.1, max: 100 });
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 5, maxLength: 20 }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(...SCALING_MODELS),
        (values, bad, at, inX, model) => {
          const x = values.map((v, i) => v + i);
          const y = [...values];
          (inX ? x : y)[at % y.length] = bad;
          const logOfY = model === 'power' || model === 'theil-sen';
          if (inX || !Number.isFinite(bad) || logOfY) {
            expect(() => fitScalingLaw(x, y, model)).toThrow(InvalidArgumentError);
          } else {
            expect(() => fitScalingLaw(x, y, model)).not.toThrow();
          }
        },
      ),
      { seed: 17, numRuns: 300 },
    );
    expect(() => fitPowerLaw([1, 2, 3], [1, 2])).toThrow(DimensionMismatchError);
    expect(() => fitPowerLaw([1, 2], [1, 2])).toThrow(InvalidArgumentError);
    expect(() => fitPowerLaw([2, 2, 2], [1, 2, 3])).toThrow(InvalidArgumentError);
    expect(() => fitLogLaw([-1, 2, 3], [1, 2, 3])).toThrow(InvalidArgumentError);
    expect(() => fitScalingLaw([1, 2, 3], [1, 2, 3], 'cubic' as never)).toThrow(InvalidArgumentError);
  });
});

describe('bootstrapScalingFit', () => {
  // 10 sizes × 20 seeds of y = 2 x^0.5 e^(0.1 Z).
  const x: number[] = [];
  const y: number[] = [];
  const stream = randomStream(8, 0);
  for (let k = 0; k < 10; k++) {
    for (let seed = 0; seed < 20; seed++) {
      x.push(2 ** k);
      y.push(2 * 2 ** (k / 2) * Math.exp(0.1 * stream.nextNormal()));
    }
  }

  it('should give the same interval for the same seed and a different one for another seed', () => {
    const a = bootstrapScalingFit(x, y, { seed: 1, replicates: 500 });
    const b = bootstrapScalingFit(x, y, { seed: 1, replicates: 500 });
    const c = bootstrapScalingFit(x, y, { seed: 2, replicates: 500 });
    expect(a.ci95).toEqual(b.ci95);
    expect(a.ci95).not.toEqual(c.ci95);
    expect(a.bootstrap.stratified).toBe(true);
    expect(a.interval).toBe('bootstrap-percentile');
  });

  it('should reproduce the least-squares standard error times √((m−1)/m) when stratified over m seeds', () => {
    // Resampling within each x scales the residual variance by (m−1)/m = 19/20. The bootstrap SE from
    // 2000 resamples has a relative Monte Carlo error of 1/√(2·2000) ≈ 1.6%; 4 of those is the tolerance.
    const boot = bootstrapScalingFit(x, y, { seed: 3, replicates: 2000 });
    const ols = fitPowerLaw(x, y);
    const seOls = (ols.ci95[1] - ols.ci95[0]) / 2 / 1.9720174778338955; // t_{0.975, 198}
    expect(Math.abs(boot.bootstrap.exponentSe / (seOls * Math.sqrt(19 / 20)) - 1)).toBeLessThan(4 * 0.016);
  });
});

describe('compareScalingForms', () => {
  const eps = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001, 3e-4, 1e-4];
  const stream = randomStream(4, 0);
  const noise = eps.map(() => stream.nextNormal());

  it('should pick the log law, decisively, for escape times t = ln(1/ε) + noise', () => {
    const times = eps.map((e, i) => Math.log(1 / e) * (1 + 0.01 * noise[i]));
    const result = compareScalingForms(eps, times);
    expect(result.better).toBe('log');
    expect(result.evidence).toBe('decisive');
    expect(result.weight).toBeGreaterThan(0.99);
  });

  it('should pick the power law, decisively, for escape times t = ε^-1 + noise', () => {
    const times = eps.map((e, i) => (1 / e) * (1 + 0.01 * noise[i]));
    const result = compareScalingForms(eps, times);
    expect(result.better).toBe('power');
    expect(result.evidence).toBe('decisive');
    expect(result.power.exponent).toBeCloseTo(-1, 1);
  });

  it('should call it inconclusive over a range too narrow to tell the forms apart', () => {
    // Over x in [1, 1.2], ln x and x^p are both nearly linear: no data can separate them.
    const x = [1, 1.05, 1.1, 1.15, 1.2];
    const result = compareScalingForms(
      x,
      x.map((v, i) => 1 + Math.log(v) + 0.05 * noise[i]),
    );
    expect(result.evidence).toBe('inconclusive');
  });
});
