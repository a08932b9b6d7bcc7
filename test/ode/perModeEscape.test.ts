import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dopri5,
  gbs,
  type OdeMethod,
  type OdeOptions,
  type OdeProblem,
  type OdeSolution,
  solveOde,
  solveOdeLog,
} from '../../src/ode/index.js';

/**
 * The per-mode ODE of a depth-L linear network, du/dt = L u^{2-2/L} (s - u), started at u0 = eps^L. Exact
 * escape times come from fixtures/perModeEscape.py (2F1 closed form, checked against quadrature at 50 digits).
 */
interface EscapeCase {
  readonly L: number;
  readonly s: number;
  readonly eps: number | null;
  readonly u0: number;
  readonly u1: number;
  readonly time: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/perModeEscape.json', import.meta.url), 'utf8'),
) as {
  cases: EscapeCase[];
};

/** The reference table (s = 1, time from eps^L to 1/2), as printed, six significant digits. */
const TABLE: Record<number, number[]> = {
  2: [1.15682, 2.29756, 3.50611, 4.60512],
  3: [2.43759, 9.14475, 32.4826, 99.1497],
  4: [5.24401, 49.7286, 555.289, 4999.73],
  5: [12.2535, 333.281, 12345.6, 333333],
};
const EPSILONS = [0.3, 0.1, 0.03, 0.01];
const RTOL = 1e-10;

function perMode(L: number, s: number, u0: number, t1: number): OdeProblem {
  const power = 2 - 2 / L;
  return {
    rhs: (_t, y, out) => {
      const u = y[0];
      out[0] = L * u ** power * (s - u);
    },
    y0: [u0],
    t0: 0,
    t1,
  };
}

const solvers: [string, typeof solveOde, () => OdeMethod][] = [
  ['plain, dopri5', solveOde, dopri5],
  ['plain, gbs', solveOde, gbs],
  ['log, dopri5', solveOdeLog, dopri5],
  ['log, gbs', solveOdeLog, gbs],
];

function solveEscape(c: EscapeCase, solve: typeof solveOde, method: OdeMethod): OdeSolution {
  const half = {
    name: 'u = s/2',
    fn: (_t: number, y: Float64Array) => y[0],
    level: c.u1,
    direction: 'up' as const,
  };
  const options: OdeOptions = { rtol: RTOL, saveAt: [], events: [{ ...half, terminal: true }] };
  return solve(perMode(c.L, c.s, c.u0, 2 * c.time), method, options);
}

function expectEscapeTime(solution: OdeSolution, exact: number): number {
  expect(solution.status).toBe('success');
  expect(solution.events).toHaveLength(1);
  const t = solution.events[0].t;
  expect(solution.tReached).toBe(t);
  // Each accepted step adds a local error of at most rtol relative to u, and the escape time moves by the
  // same relative amount as u (t ~ u0^{-(L-2)/L}, or ln u0 for L = 2), so after n steps it is off by <= n rtol.
  expect(Math.abs(t - exact) / exact).toBeLessThan(solution.stats.steps * RTOL);
  return t;
}

describe('escape times of the per-mode ODE', () => {
  for (const [name, solve, method] of solvers) {
    it(`should reproduce the reference table to its printed digits (${name})`, () => {
      for (const L of [2, 3, 4, 5]) {
        EPSILONS.forEach((eps, j) => {
          const c = fixture.cases.find((k) => k.L === L && k.eps === eps);
          if (c === undefined) throw new Error(`fixture lacks L = ${L}, eps = ${eps}`);
          const t = expectEscapeTime(solveEscape(c, solve, method()), c.time);
          expect(Number(t.toPrecision(6))).toBe(TABLE[L][j]);
        });
      }
    });

    it(`should resolve a start at u0 = 1e-12 and a rate s != 1 (${name})`, () => {
      const cases = fixture.cases.filter((k) => k.eps === null);
      expect(cases.map((k) => k.u0)).toEqual([1e-12, 1e-12, 1e-12, 1e-9]);
      for (const c of cases) expectEscapeTime(solveEscape(c, solve, method()), c.time);
    });
  }
});

describe('the L = 2 logistic closed form', () => {
  const s = 1.5;
  const u0 = 1e-6;
  const exact = (t: number) => (s * Math.exp(2 * s * t)) / (Math.exp(2 * s * t) - 1 + s / u0);
  const times = Array.from({ length: 41 }, (_, k) => k * 0.25);
  for (const [name, solve, method] of solvers) {
    it(`should follow u(t) = s e^{2st} / (e^{2st} - 1 + s/u0) through the whole escape (${name})`, () => {
      const solution = solve(perMode(2, s, u0, 10), method(), { rtol: RTOL, saveAt: times });
      expect(solution.status).toBe('success');
      for (let k = 0; k < times.length; k++) {
        // Same budget as the escape times: n local errors of at most rtol each, relative to u.
        expect(Math.abs(solution.y[k] / exact(times[k]) - 1)).toBeLessThan(solution.stats.steps * RTOL);
      }
    });
  }
});
