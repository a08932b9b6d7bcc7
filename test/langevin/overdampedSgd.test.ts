/**
 * The SGD form dx = -grad L dt + sqrt(eta/B) Sigma(x)^(1/2) dW against stationary laws known in closed form.
 *
 * 1-D: L = x^2/2, Sigma(x) = 10 (1 + x^2), eta = 0.1, B = 2, so b(x)^2 = eps (1 + x^2) with eps = 1/2. The zero
 * flux density p ~ b^-2 exp(int 2a/b^2) (THEORY.md 0.4) is p ~ (1 + x^2)^-(1 + 1/eps) = (1 + x^2)^-3, with
 * normalizer 3 pi / 8, CDF F below, E[x^2] = eps / (2 - eps) = 1/3 and P(|x| < 1) = 1/2 + 4 / (3 pi). It is not
 * the Boltzmann law N(0, eps/2) that a constant-noise picture would give.
 *
 * 2-D: L = (x1^2 + 3 x2^2) / 2 and a constant full Sigma: an Ornstein-Uhlenbeck process. Euler-Maruyama maps
 * x to (I - H dt) x + noise, whose stationary covariance solves C = (I - H dt) C (I - H dt) + eps Sigma dt, i.e.
 * C_ij = eps Sigma_ij / (h_i + h_j - dt h_i h_j): the scheme's own law, exact, tending to the SDE's as dt -> 0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { overdampedLangevin, type SgdLangevinProblem } from '../../src/langevin/overdamped.js';
import reference from './fixtures/langevinReference.json' with { type: 'json' };
import { type PathAverage, pathAverage } from './helpers/pathAverages.js';

function expectWithin(estimate: PathAverage, expected: number, tol: number): void {
  expect(estimate.standardError).toBeLessThanOrEqual(tol / 4);
  expect(Math.abs(estimate.mean - expected)).toBeLessThanOrEqual(tol);
}

const student: SgdLangevinProblem = {
  form: 'sgd',
  gradient: (x, out) => {
    out[0] = x[0];
  },
  covariance: (x, out) => {
    out[0] = 10 * (1 + x[0] ** 2);
  },
  learningRate: 0.1,
  batchSize: 2,
  x0: [0],
  t0: 0,
  t1: 505,
  seed: 13,
};

/** CDF of the density (1 + x^2)^-3 / (3 pi / 8). */
function studentCdf(x: number): number {
  const s = 1 + x * x;
  return 0.5 + (x / (4 * s * s) + (3 * x) / (8 * s) + (3 * Math.atan(x)) / 8) / ((3 * Math.PI) / 8);
}

describe('overdampedLangevin, SGD form, 1-D multiplicative noise', () => {
  let states: Float64Array[] = [];
  beforeAll(() => {
    // 48 paths of 500 time units after a burn-in of 5: 2.4e6 steps.
    states = Array.from(
      { length: 48 },
      (_, path) => overdampedLangevin(student, { dt: 0.01, path, saveEvery: 10, saveFrom: 5 }).states,
    );
  });
  const emBias = reference.emInvariant['sgdStudent_dt0.01'];

  it('should have P(|x| < 1) = 1/2 + 4/(3 pi) of the zero-flux density', () => {
    const inside = pathAverage(states, 1, (s, i) => (Math.abs(s[i]) < 1 ? 1 : 0));
    // SE about 0.0017; the EM bias at dt = 0.01 is 0.00075 (0.92366 against 0.92441).
    expect(Math.abs(emBias.probabilityWithinOne - (0.5 + 4 / (3 * Math.PI)))).toBeLessThan(0.001);
    expectWithin(inside, 0.5 + 4 / (3 * Math.PI), 0.008);
  });

  it('should have E[x^2] = eps / (2 - eps) = 1/3', () => {
    // SE about 0.0092 (x^2 has a heavy tail: E x^4 = 1); the EM bias at dt = 0.01 is 0.0022.
    expectWithin(
      pathAverage(states, 1, (s, i) => s[i] ** 2),
      1 / 3,
      0.045,
    );
  });

  it('should not follow the Boltzmann law N(0, eps/2): P(|x| < 1) misses erf(sqrt 2) by many standard errors', () => {
    const inside = pathAverage(states, 1, (s, i) => (Math.abs(s[i]) < 1 ? 1 : 0));
    // erf(sqrt(2)) = P(|z| < 2) for a standard normal z.
    expect((0.9544997361036416 - inside.mean) / inside.standardError).toBeGreaterThan(10);
  });

  it('should pass a Kolmogorov-Smirnov test against the closed-form CDF at the end of independent paths', () => {
    // 1000 independent paths from x0 = 0 to t = 8 give 1000 independent draws (the slowest relaxation rate of
    // the moments is 1, e^-8 = 3e-4). P(sqrt(n) D > 1.95) = 0.001 for the Kolmogorov distribution, and the EM
    // bias of the CDF at dt = 0.01 (under 1e-3, as for P(|x| < 1)) is far below 1.95 / sqrt(1000) = 0.062.
    const n = 1000;
    const ends = Array.from(
      { length: n },
      // saveFrom after t1: nothing is saved, only the final state x is kept.
      (_, path) => overdampedLangevin({ ...student, t1: 8, seed: 31 }, { dt: 0.01, path, saveFrom: 9 }).x[0],
    ).sort((a, b) => a - b);
    let distance = 0;
    ends.forEach((x, i) => {
      const F = studentCdf(x);
      distance = Math.max(distance, (i + 1) / n - F, F - i / n);
    });
    expect(distance).toBeLessThan(1.95 / Math.sqrt(n));
  });
});

describe('overdampedLangevin, SGD form, 2-D Ornstein-Uhlenbeck with a full covariance', () => {
  const h = [1, 3];
  const sigma = [1, 0.6, 0.6, 2];
  const eps = 0.1 / 4;
  const dt = 0.01;
  const problem: SgdLangevinProblem = {
    form: 'sgd',
    gradient: (x, out) => {
      out[0] = h[0] * x[0];
      out[1] = h[1] * x[1];
    },
    covariance: (_x, out) => out.set(sigma),
    learningRate: 0.1,
    batchSize: 4,
    x0: [0, 0],
    t0: 0,
    t1: 205,
    seed: 14,
  };

  it('should have the stationary covariance eps Sigma_ij / (h_i + h_j - dt h_i h_j) of the scheme', () => {
    // 80 paths of 200 time units after a burn-in of 5: 1.6e6 steps of dimension 2.
    const states = Array.from(
      { length: 80 },
      (_, path) => overdampedLangevin(problem, { dt, path, saveEvery: 10, saveFrom: 5 }).states,
    );
    const exact = (i: number, j: number) => (eps * sigma[2 * i + j]) / (h[i] + h[j] - dt * h[i] * h[j]);
    // Measured SEs about 1.4e-4, 5.5e-5, 6.2e-5 against entries 0.0126, 0.0085, 0.0038.
    expectWithin(
      pathAverage(states, 2, (s, k) => s[k] ** 2),
      exact(0, 0),
      8e-4,
    );
    expectWithin(
      pathAverage(states, 2, (s, k) => s[k + 1] ** 2),
      exact(1, 1),
      3e-4,
    );
    expectWithin(
      pathAverage(states, 2, (s, k) => s[k] * s[k + 1]),
      exact(0, 1),
      3e-4,
    );
  });
});
