/**
 * The Euler-Maruyama core of both overdamped forms: exact deterministic steps, the covariance of the noise,
 * reproducibility, the save schedule and every failure status.
 */
import { describe, expect, it } from 'vitest';
import { type OverdampedProblem, overdampedLangevin } from '../../src/langevin/overdamped.js';

const zeroGradient = (_x: Float64Array, out: Float64Array): void => {
  out.fill(0);
};
const identity = (_x: Float64Array, out: Float64Array): void => {
  out[0] = 1;
};

/** Sample covariance of the increments x_{k+1} - x_k of saved states (rows of length d). */
function incrementCovariance(states: Float64Array, d: number): Float64Array {
  const n = states.length / d - 1;
  const mean = new Float64Array(d);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < d; i++) mean[i] += (states[(k + 1) * d + i] - states[k * d + i]) / n;
  const cov = new Float64Array(d * d);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const di = states[(k + 1) * d + i] - states[k * d + i] - mean[i];
        const dj = states[(k + 1) * d + j] - states[k * d + j] - mean[j];
        cov[i * d + j] += (di * dj) / (n - 1);
      }
    }
  }
  return cov;
}

const noisy: OverdampedProblem = {
  form: 'gibbs',
  gradient: (x, out) => out.set(x),
  diffusion: identity,
  temperature: 1,
  x0: [0.5],
  t0: 0,
  t1: 2,
  seed: 9,
};

describe('overdampedLangevin stepping', () => {
  it('should follow x_n = (7/8)^n x0 exactly for dx = -x dt at T = 0 and dt = 1/8', () => {
    const run = overdampedLangevin(
      {
        form: 'gibbs',
        gradient: (x, out) => out.set(x),
        diffusion: identity,
        temperature: 0,
        x0: [1],
        t0: 0,
        t1: 1,
        seed: 1,
      },
      { dt: 0.125 },
    );
    expect(run.status).toBe('success');
    expect(run.steps).toBe(8);
    // (7/8)^n needs at most 3n + 3 bits, so every step is exact in binary floating point: no tolerance.
    expect(Array.from(run.states)).toEqual(Array.from({ length: 9 }, (_, n) => 0.875 ** n));
    expect(Array.from(run.times)).toEqual(Array.from({ length: 9 }, (_, n) => n / 8));
  });

  // Increments over one step with zero drift and a constant matrix A are N(0, c A dt), c = 2T or eta/B. For
  // Gaussian increments the sample covariance of entry (i, j) over n steps has standard error
  // c dt sqrt((A_ii A_jj + A_ij^2) / n): the tolerance is four of those, computed from the formula.
  const A = [2, 0.8, 0.3, 0.8, 1, -0.2, 0.3, -0.2, 0.5];
  const constant = (_x: Float64Array, out: Float64Array): void => out.set(A);
  const cases: [string, OverdampedProblem, number][] = [
    [
      'Gibbs form, c = 2T',
      {
        form: 'gibbs',
        gradient: zeroGradient,
        diffusion: constant,
        temperature: 0.7,
        x0: [0, 0, 0],
        t0: 0,
        t1: 400,
        seed: 5,
      },
      1.4,
    ],
    [
      'SGD form, c = eta / B',
      {
        form: 'sgd',
        gradient: zeroGradient,
        covariance: constant,
        learningRate: 0.3,
        batchSize: 4,
        x0: [0, 0, 0],
        t0: 0,
        t1: 400,
        seed: 6,
      },
      0.075,
    ],
  ];
  it.each(
    cases,
  )('should give increments of covariance c A dt for a full constant A (%s)', (_name, problem, c) => {
    const dt = 0.01;
    const run = overdampedLangevin(problem, { dt });
    const n = run.steps;
    const cov = incrementCovariance(run.states, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const standardError = c * dt * Math.sqrt((A[i * 4] * A[j * 4] + A[i * 3 + j] ** 2) / n);
        expect(Math.abs(cov[i * 3 + j] - c * dt * A[i * 3 + j])).toBeLessThanOrEqual(4 * standardError);
      }
    }
  });

  it('should give bit-identical paths for one (seed, path) and different paths for different path indices', () => {
    const again = overdampedLangevin(noisy, { dt: 0.01, path: 3 });
    expect(overdampedLangevin(noisy, { dt: 0.01, path: 3 }).states).toEqual(again.states);
    expect(overdampedLangevin(noisy, { dt: 0.01, path: 4 }).x[0]).not.toBe(again.x[0]);
  });

  it('should save every saveEvery steps from saveFrom, and end exactly at t1 with a shortened last step', () => {
    const run = overdampedLangevin({ ...noisy, t1: 1.05 }, { dt: 0.1, saveEvery: 3, saveFrom: 0.25 });
    expect(run.steps).toBe(11);
    expect(run.tReached).toBe(1.05);
    // Saved steps 3, 6, 9: times t0 + k dt as computed in floating point.
    expect(Array.from(run.times)).toEqual([3 * 0.1, 6 * 0.1, 9 * 0.1]);
  });
});

describe('overdampedLangevin failure statuses', () => {
  it('should stop with not-positive-semidefinite when D = [[1, x1], [x1, 1]] is reached with x1 > 1', () => {
    // U = -x1 drives x1 up at unit speed (the drift is -D grad U = (1, x1)); D loses definiteness at x1 = 1.
    const run = overdampedLangevin(
      {
        form: 'gibbs',
        gradient: (_x, out) => out.set([-1, 0]),
        diffusion: (x, out) => out.set([1, x[0], x[0], 1]),
        divergence: (_x, out) => out.fill(0),
        temperature: 1e-4,
        x0: [0, 0],
        t0: 0,
        t1: 5,
        seed: 2,
      },
      { dt: 0.001 },
    );
    expect(run.status).toBe('not-positive-semidefinite');
    expect(run.message).toContain('positive semi-definite');
    // Crossing at t = 1 up to the noise sqrt(2 T t) = 0.014 and one step: 0.1 is seven noise deviations.
    expect(Math.abs(run.tReached - 1)).toBeLessThan(0.1);
    expect(run.x[0]).toBeGreaterThan(1);
    expect(run.times.length).toBe(run.steps + 1);
  });

  it('should accept a semi-definite D and keep exactly fixed the coordinate it does not move', () => {
    const run = overdampedLangevin(
      {
        form: 'gibbs',
        gradient: (x, out) => out.set([x[0], x[1]]),
        diffusion: (_x, out) => out.set([1, 0, 0, 0]),
        temperature: 1,
        x0: [0.2, 0.7],
        t0: 0,
        t1: 10,
        seed: 3,
      },
      { dt: 0.01 },
    );
    expect(run.status).toBe('success');
    for (let k = 0; k < run.states.length / 2; k++) expect(run.states[2 * k + 1]).toBe(0.7);
  });

  it('should stop with non-finite and keep the last finite state when the gradient turns NaN', () => {
    const run = overdampedLangevin(
      {
        form: 'sgd',
        gradient: (x, out) => {
          out[0] = x[0] > 0.5 ? Number.NaN : -1;
        },
        covariance: identity,
        learningRate: 1e-6,
        batchSize: 1,
        x0: [0],
        t0: 0,
        t1: 3,
        seed: 4,
      },
      { dt: 0.01 },
    );
    expect(run.status).toBe('non-finite');
    // x moves at unit speed (noise sd 1e-3): the gradient turns NaN within a step of t = 0.5.
    expect(Math.abs(run.tReached - 0.5)).toBeLessThan(0.02);
    expect(Number.isFinite(run.x[0])).toBe(true);
  });

  it('should stop with blow-up when a component passes blowUpBound', () => {
    const run = overdampedLangevin(
      {
        ...noisy,
        gradient: (x, out) => {
          out[0] = -(x[0] ** 3);
        },
        x0: [2],
      },
      { dt: 0.01, blowUpBound: 1e3 },
    );
    expect(run.status).toBe('blow-up');
    expect(run.tReached).toBeLessThan(2);
    expect(Math.abs(run.x[0])).toBeLessThanOrEqual(1e3);
  });
});
