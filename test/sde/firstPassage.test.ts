import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/analysis/normal.js';
import { firstPassage } from '../../src/sde/firstPassage.js';
import { survivalAt } from '../../src/sde/firstPassageEstimate.js';
import reference from '../fixtures/firstPassageOrnsteinUhlenbeck.json' with { type: 'json' };
import { fixturesModule } from './ensembleFixtures.js';

/** dX = (mu - theta X) dt + sigma dW from x0: theta = 0 gives Brownian motion with drift. */
const process = (args: {
  theta: number;
  mu: number;
  sigma: number;
  x0: number;
  t1: number;
  seed: number;
}) => ({
  module: fixturesModule,
  export: 'ornsteinUhlenbeck',
  args,
});

/** P(T <= t) for dX = mu dt + sigma dW from 0 to the level b > 0: the inverse Gaussian law. */
function inverseGaussianCdf(t: number, mu: number, sigma: number, b: number): number {
  const s = sigma * Math.sqrt(t);
  return (
    normalCdf((mu * t - b) / s) + Math.exp((2 * mu * b) / (sigma * sigma)) * normalCdf((-mu * t - b) / s)
  );
}

/** Weighted least-squares slope of log|y| on log x, weights from the standard errors of y, with its own SE. */
function logLogSlope(x: number[], y: number[], se: number[]): { slope: number; standardError: number } {
  const u = x.map(Math.log);
  const v = y.map((value) => Math.log(Math.abs(value)));
  const w = y.map((value, i) => (value / se[i]) ** 2);
  const total = w.reduce((a, b) => a + b, 0);
  const uMean = u.reduce((a, ui, i) => a + w[i] * ui, 0) / total;
  const vMean = v.reduce((a, vi, i) => a + w[i] * vi, 0) / total;
  const sxx = u.reduce((a, ui, i) => a + w[i] * (ui - uMean) ** 2, 0);
  const sxy = u.reduce((a, ui, i) => a + w[i] * (ui - uMean) * (v[i] - vMean), 0);
  return { slope: sxy / sxx, standardError: Math.sqrt(1 / sxx) };
}

/** Mean and standard error of the paired differences a[p] - b[p]. */
function pairedDifference(a: Float64Array, b: Float64Array): { mean: number; standardError: number } {
  const n = a.length;
  let sum = 0;
  let sumSquares = 0;
  for (let p = 0; p < n; p++) {
    const d = a[p] - b[p];
    sum += d;
    sumSquares += d * d;
  }
  const mean = sum / n;
  return { mean, standardError: Math.sqrt((sumSquares / n - mean * mean) / (n - 1)) };
}

const drifted = process({ theta: 0, mu: 1, sigma: 1, x0: 0, t1: 40, seed: 5 });
const brownian = (t1: number) => process({ theta: 0, mu: 0, sigma: 1, x0: 0, t1, seed: 17 });

describe('firstPassage of Brownian motion with drift (inverse Gaussian, mean b / mu = 1)', () => {
  it('should follow the inverse Gaussian law even at a coarse step, grid and off-grid times alike', async () => {
    const paths = 20_000;
    const result = await firstPassage(drifted, { method: 'eulerMaruyama', paths, dt: 0.25, level: 1 });
    // With mu, sigma constant the Euler path is exact at the grid points and the bridge between them exact.
    expect(result.censored).toBe(0);
    for (const t of [0.25, 0.4, 0.7, 1, 1.6, 3]) {
      const exact = inverseGaussianCdf(t, 1, 1, 1);
      // Binomial standard error sqrt(F (1 - F) / N) <= 0.0036; 0.015 is over 4 of them.
      expect(Math.abs(1 - survivalAt(result.times, t) - exact)).toBeLessThan(0.015);
    }
    expect(result.estimate.kind).toBe('mean');
    // The standard error of the mean is sqrt(b sigma^2 / mu^3 / N) = 0.0071: four of them.
    expect(Math.abs(result.estimate.value - 1)).toBeLessThan(4 * result.estimate.standardError);
  });

  it('should err like sqrt(dt) without the correction and not measurably with it', async () => {
    const paths = 20_000;
    const dts = [0.05, 0.025, 0.0125, 0.00625];
    const bias: number[] = [];
    const biasError: number[] = [];
    for (const dt of dts) {
      const options = { method: 'eulerMaruyama', paths, dt, level: 1 };
      const corrected = await firstPassage(drifted, options);
      const monitored = await firstPassage(drifted, { ...options, bridge: false });
      // With the correction the scheme is exact here, so its mean must sit within 4 standard errors of 1.
      expect(Math.abs(corrected.estimate.value - 1)).toBeLessThan(4 * corrected.estimate.standardError);
      // Same Brownian paths, so the paired difference measures the grid-monitoring bias with a small error.
      const difference = pairedDifference(monitored.times, corrected.times);
      bias.push(difference.mean);
      biasError.push(difference.standardError);
      expect(difference.standardError).toBeLessThan(difference.mean / 10);
    }
    const { slope, standardError } = logLogSlope(dts, bias, biasError);
    // Order 1/2; the next term of the expansion (+c dt) lifts the fitted slope by about 0.04 on this range,
    // and the fit's own standard error is under a quarter of the 0.1 tolerance.
    expect(standardError).toBeLessThan(0.025);
    expect(Math.abs(slope - 0.5)).toBeLessThan(0.1);
    // Broadie, Glasserman & Kou: monitoring at the grid shifts the barrier by 0.5826 sigma sqrt(dt), so the
    // mean time by that over mu. At dt = 1/160 the next term is about 4% of it.
    const smallest = dts.length - 1;
    expect(bias[smallest] / (0.5826 * Math.sqrt(dts[smallest]))).toBeGreaterThan(0.95);
    expect(bias[smallest] / (0.5826 * Math.sqrt(dts[smallest]))).toBeLessThan(1.1);
  });
});

describe('firstPassage of an Ornstein–Uhlenbeck process (mean from a quadrature)', () => {
  it('should converge like dt with the correction and like sqrt(dt) without it', async () => {
    const [{ theta, mu, sigma, x0, level, meanTime }] = reference;
    const exact = Number(meanTime);
    const ou = process({ theta, mu, sigma, x0, t1: 10, seed: 9 });
    const paths = 60_000;
    const dts = [0.1, 0.05, 0.025, 0.0125];
    const errors = { corrected: [] as number[], monitored: [] as number[] };
    const standardErrors = { corrected: [] as number[], monitored: [] as number[] };
    for (const dt of dts) {
      for (const kind of ['corrected', 'monitored'] as const) {
        const result = await firstPassage(ou, {
          method: 'eulerMaruyama',
          paths,
          dt,
          level,
          bridge: kind === 'corrected',
        });
        expect(result.estimate.kind).toBe('mean');
        const error = result.estimate.value - exact;
        // The bias being measured must stand well clear of the sampling error.
        expect(result.estimate.standardError).toBeLessThan(Math.abs(error) / 6);
        errors[kind].push(error);
        standardErrors[kind].push(result.estimate.standardError);
      }
    }
    const corrected = logLogSlope(dts, errors.corrected, standardErrors.corrected);
    const monitored = logLogSlope(dts, errors.monitored, standardErrors.monitored);
    // Slope standard errors are under 0.04; the tolerances allow for them and for the next order in dt,
    // which (of opposite sign here) pulls the monitored slope a little below 1/2.
    expect(corrected.standardError).toBeLessThan(0.04);
    expect(Math.abs(corrected.slope - 1)).toBeLessThan(0.15);
    expect(monitored.standardError).toBeLessThan(0.04);
    expect(Math.abs(monitored.slope - 0.5)).toBeLessThan(0.1);
  });
});

describe('firstPassage with a finite horizon', () => {
  it('should censor Brownian paths at t1 with probability P(max W < b) = 2 Phi(b / (sigma sqrt(t1))) - 1', async () => {
    const paths = 40_000;
    const result = await firstPassage(brownian(1), { method: 'eulerMaruyama', paths, dt: 0.1, level: 1 });
    const exact = 2 * normalCdf(1) - 1;
    // Binomial standard error sqrt(0.68 * 0.32 / N) = 0.0023; 0.01 is over 4 of them.
    expect(Math.abs(result.censored / paths - exact)).toBeLessThan(0.01);
    expect(result.censoringTime).toBe(1);
    let infinite = 0;
    for (let p = 0; p < paths; p++) if (result.times[p] === Number.POSITIVE_INFINITY) infinite++;
    expect(infinite).toBe(result.censored);
    // More than half censored: neither mean nor median can be claimed.
    expect(result.estimate.kind).toBe('none');
    // Grid monitoring alone misses crossings between grid points: about 2 Phi(1 + 0.5826 sqrt(0.1)) - 1.
    const monitored = await firstPassage(brownian(1), {
      method: 'eulerMaruyama',
      paths,
      dt: 0.1,
      level: 1,
      bridge: false,
    });
    expect(monitored.censored / paths - exact).toBeGreaterThan(0.05);
  });

  it('should report the median, and say why, when fewer than half the paths are censored', async () => {
    const paths = 20_000;
    const result = await firstPassage(brownian(5), { method: 'eulerMaruyama', paths, dt: 0.05, level: 1 });
    // Binomial standard error 0.0034 around 2 Phi(1 / sqrt(5)) - 1 = 0.345.
    expect(Math.abs(result.censored / paths - (2 * normalCdf(1 / Math.sqrt(5)) - 1))).toBeLessThan(0.015);
    expect(result.estimate.kind).toBe('median');
    expect(result.estimate.note).toContain('Median, not mean');
    // P(T <= t) = 2 (1 - Phi(1 / sqrt t)) = 1/2 at t = 1 / Phi^-1(3/4)^2 = 2.198. The median's standard error
    // is sqrt(1/4 / N) / f(2.198) with density f = 0.0975 there: 0.036; 0.15 is over 4 of them.
    expect(Math.abs(result.estimate.value - 1 / 0.6744897501960817 ** 2)).toBeLessThan(0.15);
  });
});

describe('firstPassage from an interval', () => {
  it('should time the exit through either end with the gambler-ruin mean and odds', async () => {
    const paths = 20_000;
    const start = process({ theta: 0, mu: 0, sigma: 1, x0: 0.5, t1: 40, seed: 23 });
    const result = await firstPassage(start, { method: 'eulerMaruyama', paths, dt: 0.01, interval: [-1, 1] });
    // E tau = (b - x0)(x0 - a) / sigma^2 = 0.75, with standard error about 0.005: four of them.
    expect(result.estimate.kind).toBe('mean');
    expect(Math.abs(result.estimate.value - 0.75)).toBeLessThan(4 * result.estimate.standardError);
    let lower = 0;
    for (let p = 0; p < paths; p++) if (result.exitSide[p] === -1) lower++;
    // P(exit at a) = (b - x0) / (b - a) = 0.25; binomial standard error 0.0031, 0.013 is over 4 of them.
    expect(Math.abs(lower / paths - 0.25)).toBeLessThan(0.013);
  });

  it('should give the start time to a path that starts outside', async () => {
    const result = await firstPassage(brownian(1), {
      method: 'eulerMaruyama',
      paths: 3,
      steps: 4,
      interval: [0.5, 2],
    });
    expect(Array.from(result.times)).toEqual([0, 0, 0]);
    expect(Array.from(result.exitSide)).toEqual([-1, -1, -1]);
  });

  it('should mark paths that fail before crossing as NaN and leave them out of the estimate', async () => {
    const paths = 1000;
    const spec = { module: fixturesModule, export: 'cubicBlowUp', args: { seed: 8, noise: 'diagonal' } };
    const result = await firstPassage(spec, {
      method: 'eulerMaruyama',
      paths,
      dt: 0.01,
      t1: 3,
      blowUpBound: 1e6,
      interval: [-1e9, 1e9],
    });
    expect(result.failed).toBeGreaterThan(0);
    let nan = 0;
    for (let p = 0; p < paths; p++) if (Number.isNaN(result.times[p])) nan++;
    expect(nan).toBe(result.failed);
    expect(result.estimate.count).toBe(paths - result.failed);
    expect(result.censored).toBe(paths - result.failed);
  });
});
