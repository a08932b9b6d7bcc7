import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  dopri5,
  gbs,
  type OdeMethod,
  rk4,
  savedComponent,
  savedState,
  solveOde,
} from '../../src/ode/index.js';
import { decayProblem, oscillatorProblem } from './referenceProblems.js';

const EPS = Number.EPSILON;

const decay = decayProblem;
const oscillator = oscillatorProblem;

/** Stability polynomials: one step of the method on y' = z y / h multiplies y by R(z). */
const rk4Polynomial = [1, 1, 1 / 2, 1 / 6, 1 / 24];
const dopri5Polynomial = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 600];

function realPower(coefficients: number[], z: number, n: number): number {
  const r = coefficients.reduceRight((acc, c) => acc * z + c, 0);
  return r ** n;
}

/** R(i h)^n as [re, im], by repeated complex multiplication. */
function complexPower(coefficients: number[], h: number, n: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) {
    [re, im] = [re * 0 - im * h + coefficients[k], re * h + im * 0];
  }
  let pr = 1;
  let pi = 0;
  for (let k = 0; k < n; k++) [pr, pi] = [pr * re - pi * im, pr * im + pi * re];
  return [pr, pi];
}

describe('fixed-step methods against their stability polynomials', () => {
  const cases: [string, (dt: number) => OdeMethod, number[]][] = [
    ['rk4', (dt) => rk4(dt), rk4Polynomial],
    ['dopri5 fixed-step', (dt) => dopri5({ dt }), dopri5Polynomial],
  ];
  for (const [name, make, poly] of cases) {
    it(`should reproduce R(-lambda dt)^n on exponential decay (${name})`, () => {
      const n = 50;
      const solution = solveOde(decay(2, 1), make(1 / n));
      expect(solution.status).toBe('success');
      expect(solution.stats.steps).toBe(n);
      // n steps of one multiplication each: rounding grows like n eps relative.
      expect(Math.abs(solution.yEnd[0] / realPower(poly, -2 / n, n) - 1)).toBeLessThan(4 * n * EPS);
    });

    it(`should reproduce R(i dt)^n on the harmonic oscillator (${name})`, () => {
      const n = 200;
      const dt = 10 / n;
      const solution = solveOde(oscillator(10), make(dt));
      const [re, im] = complexPower(poly, dt, n);
      // |y| = 1 and each of n steps adds a few eps of rounding to each component.
      expect(Math.abs(solution.yEnd[0] - re)).toBeLessThan(8 * n * EPS);
      expect(Math.abs(-solution.yEnd[1] - im)).toBeLessThan(8 * n * EPS);
    });
  }

  it('should take 4n + 1 evaluations for n rk4 steps and end exactly at t1', () => {
    const solution = solveOde(decay(1, 1), rk4(0.3));
    // dt = 0.3 does not divide 1: three steps of 0.3 and a last one of 0.1.
    expect(Array.from(solution.t)).toEqual([0, 0.3, 2 * 0.3, 3 * 0.3, 1]);
    expect(solution.stats).toEqual({ rhsEvaluations: 17, steps: 4, rejected: 0 });
  });
});

describe('adaptive methods against exact solutions', () => {
  for (const method of [dopri5(), gbs()]) {
    it(`should match exp(-t) at rtol 1e-10 (${method.name})`, () => {
      const solution = solveOde(decay(1, 5), method, { rtol: 1e-10 });
      expect(solution.status).toBe('success');
      expect(solution.tReached).toBe(5);
      // Local errors held at rtol accumulate over 5 decay times to a few rtol; 100 rtol leaves margin.
      expect(Math.abs(solution.yEnd[0] / Math.exp(-5) - 1)).toBeLessThan(1e-8);
      // Every recorded state lies on the exact curve, not just the last.
      const y = savedComponent(solution, 0);
      for (let k = 0; k < y.length; k++)
        expect(Math.abs(y[k] / Math.exp(-solution.t[k]) - 1)).toBeLessThan(1e-8);
    });

    it(`should follow the harmonic oscillator for ten time units (${method.name})`, () => {
      const solution = solveOde(oscillator(10), method, { rtol: 1e-10, atol: 1e-12 });
      expect(solution.status).toBe('success');
      // Phase error grows linearly: ~10 periods' worth of rtol-sized local errors; 1e-8 = 100 rtol.
      expect(Math.abs(solution.yEnd[0] - Math.cos(10))).toBeLessThan(1e-8);
      expect(Math.abs(solution.yEnd[1] + Math.sin(10))).toBeLessThan(1e-8);
      for (let k = 0; k < solution.t.length; k++) {
        const [a, b] = savedState(solution, k);
        // The energy a^2 + b^2 = 1 is conserved by the flow; same 100 rtol budget.
        expect(Math.abs(a * a + b * b - 1)).toBeLessThan(2e-8);
      }
    });
  }

  it('should reach an end time of 0 with gbs, whose odex core treats an end of 0 as no end', () => {
    const problem = { ...decay(1, 0), t0: -2, y0: [Math.exp(2)] };
    const solution = solveOde(problem, gbs(), { rtol: 1e-10 });
    expect(solution.status).toBe('success');
    expect(solution.tReached).toBe(0);
    // Same 100 rtol budget as above, over two decay times.
    expect(Math.abs(solution.yEnd[0] - 1)).toBeLessThan(1e-8);
  });
});

describe('dense output at saveAt', () => {
  const times = [0, 0.123, 1.5, 2.75, 3.9, 5];
  const h4 = 0.1 ** 4;
  const cases: [OdeMethod, (t: number) => number][] = [
    // dopri5's order-4 extension and odex's controlled interpolant stay at the tolerance level: 100 rtol.
    [dopri5(), () => 1e-8],
    [gbs(), () => 1e-8],
    // rk4 at dt = 0.1: global relative error t dt^4 / 120 (from R(-dt) e^dt = 1 + dt^5 / 120 + ...) plus the
    // cubic Hermite error (dt/2)^4 / 4! = dt^4 / 384 relative to the fourth derivative (= y); 10% for the
    // higher-order terms.
    [rk4(0.1), (t) => 1.1 * ((t * h4) / 120 + h4 / 384)],
  ];
  for (const [method, tolerance] of cases) {
    it(`should sample exp(-t) at the requested times (${method.name})`, () => {
      const solution = solveOde(decay(1, 5), method, { rtol: 1e-10, saveAt: times });
      expect(Array.from(solution.t)).toEqual(times);
      for (let k = 0; k < times.length; k++) {
        expect(Math.abs(solution.y[k] / Math.exp(-times[k]) - 1)).toBeLessThan(tolerance(times[k]));
      }
    });
  }

  it('should record nothing but still return the end state for an empty saveAt', () => {
    const solution = solveOde(decay(1, 1), dopri5(), { saveAt: [] });
    expect(solution.t.length).toBe(0);
    expect(solution.y.length).toBe(0);
    // Default rtol 1e-8 over one decay time; 100 rtol margin.
    expect(Math.abs(solution.yEnd[0] / Math.exp(-1) - 1)).toBeLessThan(1e-6);
  });
});

describe('the flat output layout', () => {
  it('should store state k at y[k dim .. (k + 1) dim) and expose it through savedState', () => {
    const solution = solveOde(oscillator(1), rk4(0.25));
    expect(solution.dim).toBe(2);
    expect(solution.y.length).toBe(2 * solution.t.length);
    expect(Array.from(savedState(solution, 0))).toEqual([1, 0]);
    expect(savedState(solution, 2)[1]).toBe(solution.y[5]);
    expect(solution.t.length).toBe(5);
    expect(Array.from(savedComponent(solution, 1))).toEqual(
      [0, 1, 2, 3, 4].map((k) => solution.y[2 * k + 1]),
    );
    expect(() => savedState(solution, 5)).toThrow(InvalidArgumentError);
    expect(() => savedComponent(solution, 2)).toThrow(InvalidArgumentError);
  });
});
