/**
 * The Gibbs form of overdamped Langevin dynamics: with the term T div D the stationary law is exp(-U/T) / Z
 * whatever the state-dependent mobility D; without it the law moves, by many standard errors.
 *
 * Statistics: each test runs independent paths (distinct Brownian paths of one seed), discards a burn-in, and
 * averages along each path; the standard error comes from the spread of the per-path averages. Every
 * tolerance is at least four times the standard error measured (asserted), plus the Euler-Maruyama bias at
 * the test's dt, taken from the exact invariant law of the scheme (fixtures/langevinReference.py).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { overdampedLangevin } from '../../src/langevin/overdamped.js';
import reference from './fixtures/langevinReference.json' with { type: 'json' };
import { type PathAverage, pathAverage } from './helpers/pathAverages.js';

const T = 0.5;

/** Asserts |estimate - expected| <= tol, and that the run was long enough: standard error <= tol / 4. */
function expectWithin(estimate: PathAverage, expected: number, tol: number): void {
  expect(estimate.standardError).toBeLessThanOrEqual(tol / 4);
  expect(Math.abs(estimate.mean - expected)).toBeLessThanOrEqual(tol);
}

describe('overdampedLangevin, Gibbs form, double well U = (x^2 - 1)^2 / 4, D(x) = 1 + tanh(x) / 2', () => {
  const gradient = (x: Float64Array, out: Float64Array): void => {
    out[0] = x[0] ** 3 - x[0];
  };
  const diffusion = (x: Float64Array, out: Float64Array): void => {
    out[0] = 1 + 0.5 * Math.tanh(x[0]);
  };
  /** 72 paths of 400 time units after a burn-in of 10, saved every 0.1: 2.95e6 steps. */
  function sample(corrected: boolean): Float64Array[] {
    const states: Float64Array[] = [];
    for (let path = 0; path < 72; path++) {
      const run = overdampedLangevin(
        {
          form: 'gibbs',
          gradient,
          diffusion,
          // Omitted, the divergence comes from central differences; zero removes the correction.
          ...(corrected ? {} : { divergence: (_x: Float64Array, out: Float64Array) => out.fill(0) }),
          temperature: T,
          x0: [0],
          t0: 0,
          t1: 410,
          seed: 11,
        },
        { dt: 0.01, path, saveEvery: 10, saveFrom: 10 },
      );
      expect(run.status).toBe('success');
      states.push(run.states);
    }
    return states;
  }
  let corrected: Float64Array[] = [];
  let uncorrected: Float64Array[] = [];
  beforeAll(() => {
    corrected = sample(true);
    uncorrected = sample(false);
  });
  const gibbs = reference.gibbsDoubleWell;
  const bias = reference.emInvariant['doubleWellCorrected_dt0.01'];

  it('should have mean 0, the mean of the symmetric Gibbs law, with the divergence correction', () => {
    // SE about 0.012 over 72 paths (the wells exchange mass slowly); EM bias at dt = 0.01 is 0.0025.
    expectWithin(
      pathAverage(corrected, 1, (s, i) => s[i]),
      0,
      0.06,
    );
  });

  it('should have E[x^2] of the Gibbs law with the divergence correction', () => {
    // SE about 0.0044; the EM bias at dt = 0.01 is 0.0019 (0.8916 against 0.8935).
    expect(Math.abs(bias.secondMoment - gibbs.secondMoment)).toBeLessThan(0.005);
    expectWithin(
      pathAverage(corrected, 1, (s, i) => s[i] ** 2),
      gibbs.secondMoment,
      0.02,
    );
  });

  it("should satisfy the Gibbs identity E[x U'(x)] = T with the divergence correction", () => {
    // Integration by parts against exp(-U/T) gives E[x U'] = T exactly. SE about 0.0063; EM bias 0.0044.
    expectWithin(
      pathAverage(corrected, 1, (s, i) => s[i] ** 4 - s[i] ** 2),
      T,
      0.03,
    );
  });

  it('should miss the Gibbs mean by many standard errors without the correction', () => {
    const mean = pathAverage(uncorrected, 1, (s, i) => s[i]);
    // Without T D' the drift pushes mass toward the well where D is small: the mean is -0.33, not 0.
    expect(Math.abs(mean.mean) / mean.standardError).toBeGreaterThan(10);
    expect(Math.abs(mean.mean)).toBeGreaterThan(0.06);
  });

  it('should sample exp(-U/T) / D without the correction, the law of the uncorrected SDE', () => {
    const target = reference.uncorrectedDoubleWell;
    // SEs about 0.012 and 0.0048, as in the corrected run; EM biases 0.0008 (mean) and 0.0015 (E x^2).
    expectWithin(
      pathAverage(uncorrected, 1, (s, i) => s[i]),
      target.mean,
      0.06,
    );
    expectWithin(
      pathAverage(uncorrected, 1, (s, i) => s[i] ** 2),
      target.secondMoment,
      0.02,
    );
  });
});

describe('overdampedLangevin, Gibbs form, 2-D quadratic with a full state-dependent D', () => {
  // U = (x1^2 + 2 x2^2) / 2 and D = [[1 + x1^2, 1/2], [1/2, 1 + sin(x2)/2]] (det >= 1/4 > 0 everywhere).
  // Gibbs law: x1 ~ N(0, T), x2 ~ N(0, T/2), independent. div D = (2 x1, cos(x2) / 2).
  const problem = (corrected: boolean) =>
    ({
      form: 'gibbs',
      gradient: (x: Float64Array, out: Float64Array) => {
        out[0] = x[0];
        out[1] = 2 * x[1];
      },
      diffusion: (x: Float64Array, out: Float64Array) => {
        out[0] = 1 + x[0] ** 2;
        out[1] = 0.5;
        out[2] = 0.5;
        out[3] = 1 + 0.5 * Math.sin(x[1]);
      },
      divergence: (x: Float64Array, out: Float64Array) => {
        out[0] = corrected ? 2 * x[0] : 0;
        out[1] = corrected ? 0.5 * Math.cos(x[1]) : 0;
      },
      temperature: T,
      x0: [0, 0],
      t0: 0,
      t1: 205,
      seed: 12,
    }) as const;
  /** 40 paths of 200 time units after a burn-in of 5: 8.2e5 steps of dimension 2. */
  const sample = (corrected: boolean): Float64Array[] =>
    Array.from(
      { length: 40 },
      (_, path) =>
        overdampedLangevin(problem(corrected), { dt: 0.01, path, saveEvery: 10, saveFrom: 5 }).states,
    );
  let corrected: Float64Array[] = [];
  let uncorrected: Float64Array[] = [];
  beforeAll(() => {
    corrected = sample(true);
    uncorrected = sample(false);
  });

  // For Euler-Maruyama on an OU process of rate r the stationary variance is too large by a factor
  // 1 / (1 - r dt / 2): with r = D k <= 3 over the bulk, at most 1.5 %, i.e. <= 0.0075 on Var x1 = 0.5 and
  // <= 0.0019 on Var x2 = 0.25, each under a quarter of the tolerance below.
  it('should have the Gibbs means and variances N(0, T/k_i) with the correction', () => {
    // Measured SEs: means 0.013 and 0.0063, variances 0.0072 and 0.0032, covariance 0.0035.
    expectWithin(
      pathAverage(corrected, 2, (s, i) => s[i]),
      0,
      0.06,
    );
    expectWithin(
      pathAverage(corrected, 2, (s, i) => s[i + 1]),
      0,
      0.03,
    );
    expectWithin(
      pathAverage(corrected, 2, (s, i) => s[i] ** 2),
      T,
      0.04,
    );
    expectWithin(
      pathAverage(corrected, 2, (s, i) => s[i + 1] ** 2),
      T / 2,
      0.02,
    );
    expectWithin(
      pathAverage(corrected, 2, (s, i) => s[i] * s[i + 1]),
      0,
      0.016,
    );
  });

  it('should miss the Gibbs variance of x1 and mean of x2 by many standard errors without the correction', () => {
    const variance = pathAverage(uncorrected, 2, (s, i) => s[i] ** 2);
    const mean = pathAverage(uncorrected, 2, (s, i) => s[i + 1]);
    expect(Math.abs(variance.mean - T) / variance.standardError).toBeGreaterThan(10);
    expect(Math.abs(mean.mean) / mean.standardError).toBeGreaterThan(10);
  });
});
