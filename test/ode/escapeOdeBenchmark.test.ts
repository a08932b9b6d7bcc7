import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  dopri5,
  ESCAPE_TIME_EXACT,
  escapeOdeBenchmark,
  solveEscapeOnce,
  solveOdeLog,
} from '../../src/ode/index.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/perModeEscape.json', import.meta.url), 'utf8'),
) as {
  cases: { L: number; eps: number | null; time: number }[];
};

describe('escapeOdeBenchmark', () => {
  it('should solve the escape it times correctly', () => {
    const exact = fixture.cases.find((c) => c.L === 3 && c.eps === 0.01)!.time;
    // The constant in the source is the fixture's value rounded to double.
    expect(ESCAPE_TIME_EXACT).toBe(exact);
    const solution = solveEscapeOnce();
    expect(solution.status).toBe('success');
    // n local errors of at most rtol = 1e-10 each, relative (as in perModeEscape.test.ts).
    expect(Math.abs(solution.tReached / exact - 1)).toBeLessThan(solution.stats.steps * 1e-10);
  });

  it('should report a positive time per solve with the solve it measured', () => {
    const result = escapeOdeBenchmark({ repetitions: 20, batches: 2, warmup: 5 });
    expect(result.status).toBe('success');
    expect(result.microsecondsPerSolve).toBeGreaterThan(0);
    expect(result.cpuMicrosecondsPerSolve).toBeGreaterThanOrEqual(0);
    expect(result.relativeError).toBeLessThan(result.steps * 1e-10);
    expect(result.rhsEvaluations).toBeGreaterThan(6 * result.steps);
  });

  it('should refuse repetitions that are not positive integers', () => {
    expect(() => escapeOdeBenchmark({ repetitions: 0 })).toThrow(InvalidArgumentError);
    expect(() => escapeOdeBenchmark({ batches: 1.5 })).toThrow(InvalidArgumentError);
  });
});

describe('solveOdeLog with the log-coordinate right-hand side written out', () => {
  it('should agree with the generic f(t, e^z) / e^z form', () => {
    const rhs = (_t: number, y: Float64Array, out: Float64Array) => {
      out[0] = 3 * y[0] * Math.cbrt(y[0]) * (1 - y[0]);
    };
    const logRhs = (_t: number, z: Float64Array, out: Float64Array) => {
      const w = Math.exp(z[0] / 3);
      out[0] = 3 * w * (1 - w * w * w);
    };
    const problem = { rhs, y0: [1e-6], t0: 0, t1: 150 };
    const times = [0, 50, 99, 100, 150];
    const generic = solveOdeLog(problem, dopri5(), { rtol: 1e-10, saveAt: times });
    const written = solveOdeLog({ ...problem, logRhs }, dopri5(), { rtol: 1e-10, saveAt: times });
    for (let k = 0; k < times.length; k++) {
      // Both solutions are within n rtol of the exact one (relative), so of each other within twice that.
      const budget = 2 * Math.max(generic.stats.steps, written.stats.steps) * 1e-10;
      expect(Math.abs(written.y[k] / generic.y[k] - 1)).toBeLessThan(budget);
    }
  });
});
