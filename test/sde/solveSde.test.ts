import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import {
  BrownianPath,
  eulerMaruyama,
  geometricBrownianMotion,
  type SdeProblem,
  solveSde,
  stochasticHeun,
} from '../../src/sde/index.js';

/** A deterministic problem (zero diffusion) with the given drift, so every number below is known exactly. */
function ode(drift: SdeProblem['drift'], x0: number[], t1 = 1): SdeProblem {
  return {
    drift,
    diffusion: (_t, _x, out) => out.fill(0),
    noise: 'diagonal',
    interpretation: 'ito',
    x0: Float64Array.from(x0),
    t0: 0,
    t1,
    seed: 1,
  };
}

describe('solveSde', () => {
  it('should replay path p alone: the same seed and path give the same states, other paths differ', () => {
    const { problem } = geometricBrownianMotion();
    const alone = solveSde(problem, eulerMaruyama(), { steps: 50, path: 12345 });
    const again = solveSde(problem, eulerMaruyama(), { steps: 50, path: 12345 });
    const other = solveSde(problem, eulerMaruyama(), { steps: 50, path: 12346 });
    expect(again.x).toEqual(alone.x);
    expect(other.xEnd[0]).not.toBe(alone.xEnd[0]);
    expect(alone.path).toBe(12345);
    expect(solveSde(problem, eulerMaruyama(), { steps: 50, seed: 2 }).xEnd[0]).not.toBe(alone.xEnd[0]);
  });

  it('should save every k-th step and the last, or the requested grid times', () => {
    const problem = ode((_t, _x, out) => out.fill(1), [0]);
    const every = solveSde(problem, eulerMaruyama(), { steps: 10, saveEvery: 3 });
    // Grid times are t0 + k dt, and exactly t1 at the end.
    expect(Array.from(every.t)).toEqual([0, 3 * 0.1, 6 * 0.1, 9 * 0.1, 1]);
    // x' = 1 by Euler steps of 0.1: x_k is a sum of k terms 0.1, within k ulp of k / 10.
    every.x.forEach((x, i) => {
      expect(Math.abs(x - every.t[i])).toBeLessThan(10 * Number.EPSILON);
    });
    const at = solveSde(problem, eulerMaruyama(), { dt: 0.1, saveAt: [0.2, 0.5, 1] });
    expect(at.t).toHaveLength(3);
    expect(at.status).toBe('success');
    expect(at.tReached).toBe(1);
  });

  it('should lay out saved states row-major, one row of d components per time', () => {
    const problem = ode(
      (_t, _x, out) => {
        out[0] = 1;
        out[1] = -2;
      },
      [0, 0],
    );
    const { x, dimension } = solveSde(problem, eulerMaruyama(), { steps: 4, saveAt: [0.5, 1] });
    expect(dimension).toBe(2);
    // Two and four Euler steps of 0.25 on x' = (1, -2): exact in binary.
    expect(Array.from(x)).toEqual([0.5, -1, 1, -2]);
  });

  it('should stop with blow-up, the time reached and the last bounded state', () => {
    // x' = x^2 from 1 blows up at t = 1; explicit Euler overshoots any bound soon after.
    const problem = ode(
      (_t, x, out) => {
        out[0] = x[0] * x[0];
      },
      [1],
      2,
    );
    const solution = solveSde(problem, eulerMaruyama(), { steps: 2000, blowUpBound: 1e6 });
    expect(solution.status).toBe('blow-up');
    expect(solution.message).toMatch(/blowUpBound = 1000000/);
    expect(solution.tReached).toBeGreaterThan(1);
    expect(solution.tReached).toBeLessThan(2);
    expect(Math.abs(solution.xEnd[0])).toBeLessThanOrEqual(1e6);
    expect(solution.t[solution.t.length - 1]).toBe(solution.tReached);
    expect(solution.steps).toBe(Math.round(solution.tReached * 1000));
  });

  it('should stop with non-finite when the drift returns NaN, at the time of the last finite state', () => {
    // x' = 1 until x passes 1.5, then NaN: the step from t = 1.51 (x = 1.51) is the first to fail.
    const problem = ode(
      (_t, x, out) => {
        out[0] = x[0] > 1.505 ? Number.NaN : 1;
      },
      [0],
      3,
    );
    const solution = solveSde(problem, eulerMaruyama(), { dt: 0.01 });
    expect(solution.status).toBe('non-finite');
    // t = 151 * 0.01 computed as t0 + k dt: within 1 ulp of 1.51.
    expect(Math.abs(solution.tReached - 1.51)).toBeLessThan(2 * Number.EPSILON);
    expect(Math.abs(solution.xEnd[0] - 1.51)).toBeLessThan(200 * Number.EPSILON);
  });

  it('should report a drift that writes fewer components than x0 has as non-finite on the first step', () => {
    const problem: SdeProblem = {
      ...ode(
        (_t, _x, out) => {
          out[0] = 1;
        },
        [0, 0],
      ),
      interpretation: 'stratonovich',
    };
    const solution = solveSde(problem, stochasticHeun(), { steps: 10 });
    expect(solveSde({ ...problem, interpretation: 'ito' }, eulerMaruyama(), { steps: 10 }).status).toBe(
      'non-finite',
    );
    expect(solution.status).toBe('non-finite');
    expect(solution.tReached).toBe(0);
    expect(solution.message).toMatch(/d = 2 components/);
    expect(Array.from(solution.xEnd)).toEqual([0, 0]);
  });

  it('should refuse a dt that does not divide the interval, and say which dt would', () => {
    const { problem } = geometricBrownianMotion();
    expect(() => solveSde(problem, eulerMaruyama(), { dt: 0.3 })).toThrow(/Use dt = 0.3333333333333333/);
    expect(() => solveSde(problem, eulerMaruyama(), { dt: 0.1, steps: 10 })).toThrow(InvalidArgumentError);
    expect(() => solveSde(problem, eulerMaruyama(), {})).toThrow(InvalidArgumentError);
    expect(() => solveSde(problem, eulerMaruyama(), { steps: 10, saveAt: [0.15] })).toThrow(/grid time/);
    expect(() => solveSde(problem, eulerMaruyama(), { steps: 10, saveAt: [0.5, 0.2] })).toThrow(
      /after saveAt/,
    );
    expect(() => solveSde(problem, eulerMaruyama(), { steps: 10, saveAt: [1], saveEvery: 2 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('should refuse Brownian increments whose grid or dimension differs from the problem', () => {
    const { problem } = geometricBrownianMotion();
    const twoMotions = new BrownianPath({ brownianDim: 2, finestLevel: 3 }).sample(1, 0);
    expect(() => solveSde(problem, eulerMaruyama(), { brownian: twoMotions.level(3) })).toThrow(
      DimensionMismatchError,
    );
    const one = new BrownianPath({ brownianDim: 1, finestLevel: 3 }).sample(1, 0);
    expect(() => solveSde(problem, eulerMaruyama(), { brownian: one.level(3), steps: 4 })).toThrow(
      DimensionMismatchError,
    );
    const longer = new BrownianPath({ brownianDim: 1, finestLevel: 3, t1: 2 }).sample(1, 0);
    expect(() => solveSde(problem, eulerMaruyama(), { brownian: longer.level(3) })).toThrow(
      DimensionMismatchError,
    );
  });

  it('should report the seed and path of supplied increments and refuse a second, conflicting choice', () => {
    const { problem } = geometricBrownianMotion();
    const level = new BrownianPath({ brownianDim: 1, finestLevel: 3 }).sample(77, 5).level(3);
    const solution = solveSde(problem, eulerMaruyama(), { brownian: level });
    expect([solution.seed, solution.path]).toEqual([77, 5]);
    expect(solution.xEnd).toEqual(
      solveSde({ ...problem, seed: 77 }, eulerMaruyama(), { steps: 8, path: 5 }).xEnd,
    );
    expect(() => solveSde(problem, eulerMaruyama(), { brownian: level, path: 5 })).toThrow(
      /absent when brownian/,
    );
  });

  it('should refuse a brownianDim that contradicts the noise kind', () => {
    const { problem } = geometricBrownianMotion();
    expect(() => solveSde({ ...problem, brownianDim: 3 }, eulerMaruyama(), { steps: 4 })).toThrow(
      DimensionMismatchError,
    );
    expect(() => solveSde({ ...problem, noise: 'general' }, eulerMaruyama(), { steps: 4 })).toThrow(
      /problem\.brownianDim/,
    );
  });
});
