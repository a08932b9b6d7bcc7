import { describe, expect, it } from 'vitest';
import { dopri5, gbs, type OdeMethod, type OdeRhs, rk4, solveOde, solveOdeLog } from '../../src/ode/index.js';
import { STATUS_MESSAGES } from '../../src/solution.js';

const methods: OdeMethod[] = [dopri5(), gbs(), rk4(0.01)];
const adaptive: OdeMethod[] = [dopri5(), gbs()];

const problem = (rhs: OdeRhs, y0: number[], t1: number) => ({ rhs, y0, t0: 0, t1 });
const decayRhs: OdeRhs = (_t, y, out) => {
  out[0] = -y[0];
};
const squareRhs: OdeRhs = (_t, y, out) => {
  out[0] = y[0] * y[0];
};

describe('the step limit', () => {
  for (const method of methods) {
    it(`should stop with status max-steps at the last accepted step (${method.name})`, () => {
      const solution = solveOde(problem(decayRhs, [1], 1000), method, { maxSteps: 7 });
      expect(solution.status).toBe('max-steps');
      expect(solution.message.startsWith(STATUS_MESSAGES['max-steps'])).toBe(true);
      expect(solution.stats.steps).toBe(7);
      expect(solution.tReached).toBeLessThan(1000);
      expect(solution.tReached).toBe(solution.t[solution.t.length - 1]);
      // yEnd is the state at tReached: exp(-t) to the accuracy of a few steps (rk4 at dt = 0.01: 1e-10).
      expect(Math.abs(solution.yEnd[0] / Math.exp(-solution.tReached) - 1)).toBeLessThan(1e-7);
    });
  }

  it('should end rk4 exactly after maxSteps steps of dt', () => {
    const solution = solveOde(problem(decayRhs, [1], 1), rk4(0.01), { maxSteps: 10 });
    expect(solution.status).toBe('max-steps');
    // Step k ends at t0 + k dt, computed by one multiplication.
    expect(solution.tReached).toBe(10 * 0.01);
  });
});

describe('finite-time blow-up of dy/dt = y^2, y(0) = 1 (singular at t = 1)', () => {
  for (const method of adaptive) {
    it(`should report blow-up just before t = 1 with a bound of 1e6 (${method.name})`, () => {
      const solution = solveOde(problem(squareRhs, [1], 2), method, { blowUpBound: 1e6 });
      expect(solution.status).toBe('blow-up');
      expect(solution.yEnd[0]).toBeGreaterThan(1e6);
      // y = 1/(1 - t) passes 1e6 at t = 1 - 1e-6; the step that crosses ends after it (less the time error
      // of the solve, ~rtol = 1e-8) and before the singularity (steps there are a fraction of 1 - t).
      expect(solution.tReached).toBeGreaterThan(1 - 1e-6 - 1e-8);
      expect(solution.tReached).toBeLessThan(1);
    });

    it(`should report blow-up before t = 1 with the default bound 1e12 at rtol 1e-12 (${method.name})`, () => {
      const solution = solveOde(problem(squareRhs, [1], 2), method, { rtol: 1e-12 });
      expect(solution.status).toBe('blow-up');
      // The bound is passed at 1 - 1e-12; the time error of the solve is ~rtol = 1e-12 and the crossing step
      // ends within a fraction of 1 - t after it, so the stop lies in (1 - 1e-11, 1).
      expect(solution.tReached).toBeGreaterThan(1 - 1e-11);
      expect(solution.tReached).toBeLessThan(1);
    });
  }

  it('should report blow-up within two steps of t = 1 for fixed-step rk4, which sees t only on its grid', () => {
    const dt = 1e-3;
    const solution = solveOde(problem(squareRhs, [1], 2), rk4(dt));
    expect(solution.status).toBe('blow-up');
    expect(Math.abs(solution.tReached - 1)).toBeLessThanOrEqual(2 * dt);
  });
});

describe('non-finite right-hand sides', () => {
  const nanAfterHalf: OdeRhs = (t, y, out) => {
    out[0] = t > 0.5 ? Number.NaN : -y[0];
  };
  for (const method of methods) {
    it(`should report non-finite at or before the first time f is NaN (${method.name})`, () => {
      const solution = solveOde(problem(nanAfterHalf, [1], 1), method);
      expect(solution.status).toBe('non-finite');
      expect(solution.message.startsWith(STATUS_MESSAGES['non-finite'])).toBe(true);
      expect(solution.tReached).toBeLessThanOrEqual(0.5);
      // Adaptive methods shrink the step until it is below the resolution of t near 0.5; rk4 stops on its grid.
      expect(solution.tReached).toBeGreaterThanOrEqual(method.adaptive ? 0.5 - 1e-12 : 0.5);
      // The state returned is the last finite one, exp(-tReached) to the default rtol 1e-8 (100 rtol).
      expect(Math.abs(solution.yEnd[0] / Math.exp(-solution.tReached) - 1)).toBeLessThan(1e-6);
      expect(solution.t.every((t) => t <= solution.tReached)).toBe(true);
    });

    it(`should report non-finite at t0 when f(t0, y0) is not finite (${method.name})`, () => {
      const infinite = solveOde(
        problem((_t, _y, out) => out.fill(Number.POSITIVE_INFINITY), [1], 1),
        method,
      );
      expect(infinite.status).toBe('non-finite');
      expect(infinite.tReached).toBe(0);
      expect(Array.from(infinite.yEnd)).toEqual([1]);
      expect(infinite.stats.steps).toBe(0);
    });
  }

  it('should report non-finite in log coordinates when the state underflows to 0', () => {
    // dy/dt = -1e3 y: in z = ln y the slope is -1000; y = e^z reaches 0 below z = -745, near t = 0.75.
    const solution = solveOdeLog(
      problem((_t, y, out) => out.fill(-1e3 * y[0]), [1], 10),
      dopri5(),
    );
    expect(solution.status).toBe('non-finite');
    expect(solution.tReached).toBeLessThan(0.76);
    expect(solution.yEnd[0]).toBeGreaterThan(0);
  });
});

describe('step-size underflow', () => {
  // dy/dt = 1/(1 - t): y = 1 - ln(1 - t) is finite for t < 1 but every step near t = 1 is too long.
  const logSingular: OdeRhs = (t, _y, out) => {
    out[0] = 1 / (1 - t);
  };
  for (const method of adaptive) {
    it(`should report step-size-underflow just before the singularity at t = 1 (${method.name})`, () => {
      const solution = solveOde(problem(logSingular, [1], 2), method);
      expect(solution.status).toBe('step-size-underflow');
      expect(solution.tReached).toBeLessThan(1);
      expect(solution.tReached).toBeGreaterThan(1 - 1e-9);
      // Away from the singularity the recorded states are right: 1 - ln(1 - t) within n local errors of rtol
      // (default 1e-8). Closer in, t itself is known only to eps / (1 - t) relative, which the test avoids.
      let checked = 0;
      for (let k = 0; k < solution.t.length; k++) {
        const t = solution.t[k];
        if (1 - t < 1e-6) continue;
        const exact = 1 - Math.log(1 - t);
        expect(Math.abs(solution.y[k] / exact - 1)).toBeLessThan(solution.stats.steps * 1e-8);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
      expect(solution.yEnd[0]).toBeGreaterThan(1 - Math.log(1e-6));
    });
  }
});
