/**
 * BAOAB for underdamped Langevin dynamics: exact configurational sampling for a harmonic potential at every
 * stable dt, the known O(dt^2) error of the momenta, the double-well Gibbs law, and the deterministic limit.
 * Standard errors come from independent paths (see helpers/pathAverages.ts); every tolerance is at least four
 * of them (asserted).
 */
import { describe, expect, it } from 'vitest';
import { baoab, type UnderdampedProblem } from '../../src/langevin/baoab.js';
import reference from './fixtures/langevinReference.json' with { type: 'json' };
import { type PathAverage, pathAverage } from './helpers/pathAverages.js';

function expectWithin(estimate: PathAverage, expected: number, tol: number): void {
  expect(estimate.standardError).toBeLessThanOrEqual(tol / 4);
  expect(Math.abs(estimate.mean - expected)).toBeLessThanOrEqual(tol);
}

/** Positions and momenta saved along `paths` independent paths. */
function sample(problem: UnderdampedProblem, dt: number, paths: number, saveFrom: number, saveEvery = 1) {
  const positions: Float64Array[] = [];
  const momenta: Float64Array[] = [];
  for (let path = 0; path < paths; path++) {
    const run = baoab(problem, { dt, path, saveFrom, saveEvery });
    expect(run.status).toBe('success');
    positions.push(run.positions);
    momenta.push(run.momenta);
  }
  return { positions, momenta };
}

describe('baoab on a harmonic potential U = k q^2 / 2', () => {
  const { k, mass, friction, temperature } = reference.baoabHarmonic;
  const omega = Math.sqrt(k / mass);
  const harmonic: UnderdampedProblem = {
    gradient: (q, out) => {
      out[0] = k * q[0];
    },
    mass: [mass],
    friction,
    temperature,
    q0: [0],
    t0: 0,
    t1: 4005,
    seed: 21,
  };

  // omega dt = 0.5, 1 and 1.8: up to 90 % of the stability limit 2.
  it.each(
    reference.baoabHarmonic.cases,
  )('should sample Var q = T/k exactly and Var p = m T (1 - (omega dt)^2 / 4) at dt = $dt', (c) => {
    // 96 paths of 4000 time units: SE of Var q about 2.8e-4 (0.2 %), of Var p about 8e-4.
    const { positions, momenta } = sample(harmonic, c.dt, 96, 5);
    // The exact stationary covariance of the BAOAB recursion (fixture, discrete Lyapunov equation) agrees
    // with both closed forms to rounding.
    expect(Math.abs(c.qVariance - temperature / k)).toBeLessThan(1e-14);
    const pVariance = mass * temperature * (1 - (omega * c.dt) ** 2 / 4);
    expect(Math.abs(c.pVariance - pVariance)).toBeLessThan(1e-14);
    // A scheme exact only in p (OBABO) would give Var q = (T/k) / (1 - (omega dt)^2 / 4): 0.1333 at the
    // smallest dt, 0.0083 away from T/k = 0.125, six times this tolerance.
    expectWithin(
      pathAverage(positions, 1, (s, i) => s[i] ** 2),
      temperature / k,
      0.0013,
    );
    expectWithin(
      pathAverage(momenta, 1, (s, i) => s[i] ** 2),
      pVariance,
      0.005,
    );
  });
});

describe('baoab on the double well U = (q^2 - 1)^2 / 4 at T = 1/2', () => {
  const gibbs = reference.gibbsDoubleWell;
  const T = gibbs.temperature;
  const problem: UnderdampedProblem = {
    gradient: (q, out) => {
      out[0] = q[0] ** 3 - q[0];
    },
    mass: [1],
    friction: 1,
    temperature: T,
    q0: [0],
    t0: 0,
    t1: 1010,
    seed: 22,
  };

  it("should sample the Gibbs law of q: mean 0, E[q^2] from quadrature and E[q U'(q)] = T", () => {
    // 80 paths of 1000 time units at dt = 0.1, saved every 0.1: 8e5 steps. Measured SEs about 0.008 (mean),
    // 0.003 (E q^2) and 0.004 (E q U'). The configurational bias of BAOAB is O(dt^2): at dt = 0.4, sixteen
    // times this bias, E q^2 came within 0.002 +- 0.0025 of the quadrature value, so here it is below 5e-4.
    const { positions } = sample(problem, 0.1, 80, 10);
    expectWithin(
      pathAverage(positions, 1, (s, i) => s[i]),
      0,
      0.04,
    );
    expectWithin(
      pathAverage(positions, 1, (s, i) => s[i] ** 2),
      gibbs.secondMoment,
      0.014,
    );
    expectWithin(
      pathAverage(positions, 1, (s, i) => s[i] ** 4 - s[i] ** 2),
      T,
      0.018,
    );
  });
});

describe('baoab limits', () => {
  it('should be velocity Verlet at zero friction and conserve k q^2/2 + p^2 / (2 m (1 - (omega dt)^2 / 4))', () => {
    const k = 4;
    const m = 1;
    const dt = 0.5;
    const run = baoab(
      {
        gradient: (q, out) => {
          out[0] = k * q[0];
        },
        mass: [m],
        friction: 0,
        temperature: 0,
        q0: [1],
        p0: [0.3],
        t0: 0,
        t1: 500,
        seed: 1,
      },
      { dt },
    );
    const shadow = (q: number, p: number) =>
      (k * q * q) / 2 + (p * p) / (2 * m * (1 - ((k / m) * dt * dt) / 4));
    const initial = shadow(1, 0.3);
    // The quadratic form is invariant under the Verlet map; 1000 steps of a few roundings each drift by at most
    // about 1000 * 4 eps relative, below 1e-12.
    for (let i = 0; i < run.positions.length; i++) {
      expect(Math.abs(shadow(run.positions[i], run.momenta[i]) / initial - 1)).toBeLessThan(1e-12);
    }
    // One step in dyadic numbers, exact: q1 = q0 + dt p0 / m - dt^2 k q0 / (2m), p1 = p0 - (dt/2) k (q0 + q1).
    const step = baoab(
      {
        gradient: (q, out) => out.set([k * q[0]]),
        mass: [m],
        friction: 0,
        temperature: 0,
        q0: [1],
        p0: [0.5],
        t0: 0,
        t1: 0.25,
        seed: 1,
      },
      { dt: 0.25 },
    );
    expect([step.q[0], step.p[0]]).toEqual([1, -0.5]);
  });

  it('should draw omitted momenta from N(0, m T)', () => {
    // With no force and no friction p stays at p0. 4000 independent draws: SE of the variance sqrt(2/n) m T
    // = 0.022 against the tolerance 0.09.
    const draws = Array.from(
      { length: 4000 },
      (_, path) =>
        baoab(
          {
            gradient: (_q, out) => out.fill(0),
            mass: [2],
            friction: 0,
            temperature: 0.5,
            q0: [0],
            t0: 0,
            t1: 0.1,
            seed: 8,
          },
          { dt: 0.1, path },
        ).p[0],
    );
    const variance = draws.reduce((s, p) => s + p * p, 0) / draws.length;
    expect(Math.abs(variance - 1)).toBeLessThan(0.09);
  });

  it('should stop with non-finite or blow-up and keep the last accepted state', () => {
    const unstable: UnderdampedProblem = {
      gradient: (q, out) => {
        out[0] = -(q[0] ** 3);
      },
      mass: [1],
      friction: 0.1,
      temperature: 0.1,
      q0: [1],
      p0: [0],
      t0: 0,
      t1: 50,
      seed: 3,
    };
    const blown = baoab(unstable, { dt: 0.01, blowUpBound: 1e4 });
    expect(blown.status).toBe('blow-up');
    expect(Math.abs(blown.q[0])).toBeLessThanOrEqual(1e4);
    expect(blown.tReached).toBeLessThan(50);
    const nan = baoab(
      { ...unstable, gradient: (q, out) => out.fill(q[0] > 3 ? Number.NaN : -1) },
      { dt: 0.01 },
    );
    expect(nan.status).toBe('non-finite');
    expect(Number.isFinite(nan.q[0]) && nan.q[0] <= 3).toBe(true);
  });
});
