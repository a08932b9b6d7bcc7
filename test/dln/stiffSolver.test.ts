import fc from 'fast-check';
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { leastSquaresSlope } from '../../src/analysis/fits/linearLeastSquares.js';
import { InvalidArgumentError } from '../../src/errors.js';
import type { Mat } from '../../src/linalg/mat.js';
import { randomOrthogonal } from '../../src/linalg/randomOrthogonal.js';
import { solveOde } from '../../src/ode/solveOde.js';
import type { OdeProblem } from '../../src/ode/types.js';
import { randomStream } from '../../src/random/stream.js';
import { Minres } from '../../src/training/minres.js';
import { ros34pw2, type SymmetricJacobian } from '../../src/training/ros34pw2.js';

const EPS = Number.EPSILON;

/** y = Q z with z_i' = −c_i z_i³: exact z_i(t) = z_i(0)/√(1 + 2 c_i z_i(0)² t); J = Q diag(−3 c_i z_i²) Qᵀ. */
function cubicDecay(c: readonly number[], seed: number) {
  const n = c.length;
  const q = randomOrthogonal(n, randomStream(seed, 0));
  const z0 = c.map((_, i) => 1 - i / (2 * n));
  const toY = (z: readonly number[]) => rotate(q, z, false);
  const toZ = (y: Float64Array) => rotate(q, Array.from(y), true);
  let point: number[] = [];
  const jacobian: SymmetricJacobian = {
    setPoint: (y) => {
      point = toZ(y);
    },
    apply: (v, out) => {
      const w = toZ(v).map((x, i) => -3 * c[i] * point[i] ** 2 * x);
      out.set(toY(w));
    },
  };
  const problem: OdeProblem = {
    rhs: (_t, y, out) => out.set(toY(toZ(y).map((z, i) => -c[i] * z ** 3))),
    y0: toY(z0),
    t0: 0,
    t1: 1,
  };
  const exact = (t: number) => toY(z0.map((z, i) => z / Math.sqrt(1 + 2 * c[i] * z * z * t)));
  return { problem, jacobian, exact };
}

function rotate(q: Mat, x: readonly number[], transpose: boolean): number[] {
  const n = q.rows;
  return Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += (transpose ? q.data[j * n + i] : q.data[i * n + j]) * x[j];
    return s;
  });
}

function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('MINRES', () => {
  it('should solve symmetric indefinite systems to the requested residual', () => {
    const n = 30;
    const stream = randomStream(7, 0);
    const g = new Float64Array(n * n);
    stream.fillNormal(g);
    const a = Matrix.from1DArray(n, n, g);
    const sym = a.add(a.transpose()).mul(0.5);
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const x = new Float64Array(n);
    const result = new Minres(n).solve(
      (v, out) => out.set(sym.mmul(Matrix.columnVector(Array.from(v))).to1DArray()),
      b,
      x,
      1e-12,
      10 * n,
    );
    expect(result.converged).toBe(true);
    const direct = solve(sym, Matrix.columnVector(Array.from(b))).to1DArray();
    const residual = sym
      .mmul(Matrix.columnVector(Array.from(x)))
      .to1DArray()
      .map((v, i) => v - b[i]);
    // The recurrence tracks ‖r‖; rounding adds about n·eps·‖A‖‖x‖ to the true residual.
    expect(Math.hypot(...residual) / Math.hypot(...b)).toBeLessThan(1e-10);
    expect(maxError(x, direct) / Math.max(...direct.map(Math.abs))).toBeLessThan(1e-8);
  });

  it('should finish in as many iterations as A has distinct eigenvalues', () => {
    const n = 40;
    const q = randomOrthogonal(n, randomStream(3, 0));
    const lambda = Array.from({ length: n }, (_, i) => [1, -2.5, 40][i % 3]);
    const apply = (v: Float64Array, out: Float64Array) => {
      const w = rotate(q, Array.from(v), true).map((x, i) => lambda[i] * x);
      out.set(rotate(q, w, false));
    };
    const b = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const x = new Float64Array(n);
    const result = new Minres(n).solve(apply, b, x, 1e-12, 50);
    // Exact arithmetic: the Krylov space has dimension 3; rounding may cost one more iteration.
    expect(result.iterations).toBeLessThanOrEqual(4);
    const xz = rotate(q, Array.from(b), true).map((v, i) => v / lambda[i]);
    expect(maxError(x, rotate(q, xz, false))).toBeLessThan(1e-12);
    expect(new Minres(n).solve(apply, new Float64Array(n), x, 1e-12, 5)).toMatchObject({ iterations: 0 });
    expect(x.every((v) => v === 0)).toBe(true);
  });

  it('should refuse a non-positive tolerance or iteration limit', () => {
    const m = new Minres(2);
    const id = (v: Float64Array, out: Float64Array) => out.set(v);
    const b = new Float64Array([1, 2]);
    expect(() => m.solve(id, b, new Float64Array(2), 0, 5)).toThrow(InvalidArgumentError);
    expect(() => m.solve(id, b, new Float64Array(2), 1e-8, 0)).toThrow(InvalidArgumentError);
    expect(() => new Minres(0)).toThrow(InvalidArgumentError);
  });
});

describe('ROS34PW2 with MINRES stage solves', () => {
  it('should converge with order 3 in fixed steps on a coupled nonlinear gradient flow', () => {
    const { problem, jacobian, exact } = cubicDecay([0.5, 1, 1.5, 2], 1);
    const dts = [1 / 8, 1 / 16, 1 / 32, 1 / 64];
    const errors = dts.map((dt) => {
      const solution = solveOde(problem, ros34pw2(jacobian, { dt, krylovTolerance: 1e-14 }), {
        saveAt: [],
      });
      expect(solution.status).toBe('success');
      return maxError(solution.yEnd, exact(1));
    });
    const slope = leastSquaresSlope(dts.map(Math.log), errors.map(Math.log));
    // Order 3: the next term of the error expansion is O(dt) relative, ≤ 1/8 at the coarsest step.
    expect(slope).toBeGreaterThan(2.8);
    expect(slope).toBeLessThan(3.3);
  });

  it('should take about as many steps when the stiffness grows a thousandfold (L-stability)', () => {
    const steps = [1e2, 1e5].map((stiff) => {
      const { problem, jacobian, exact } = cubicDecay([1, 2, stiff, 3 * stiff], 4);
      const solution = solveOde({ ...problem, t1: 10 }, ros34pw2(jacobian), {
        rtol: 1e-6,
        atol: 1e-9,
        saveAt: [],
      });
      expect(solution.status).toBe('success');
      // The slow components are resolved to rtol per step, over at most a few hundred steps.
      expect(maxError(solution.yEnd, exact(10))).toBeLessThan(1e-4);
      return solution.stats.steps;
    });
    // An explicit method would need about 1000× more steps for the stiffer problem.
    expect(steps[1]).toBeLessThan(2 * steps[0]);
  });

  it('should interpolate between steps with the order of the method', () => {
    const { problem, jacobian, exact } = cubicDecay([1, 2, 3], 5);
    const saveAt = [0.1234, 0.5, 0.987];
    const solution = solveOde(problem, ros34pw2(jacobian), { rtol: 1e-9, atol: 1e-12, saveAt });
    saveAt.forEach((t, k) => {
      // Hermite interpolation of order 3 on steps accurate to 1e-9: well below 1e-6 at these step sizes.
      expect(maxError(solution.y.subarray(3 * k, 3 * k + 3), exact(t))).toBeLessThan(1e-6);
    });
  });

  it('should refuse a Jacobian without setPoint and apply, and bad solver settings', () => {
    const { jacobian } = cubicDecay([1], 1);
    fc.assert(
      fc.property(fc.constantFrom(Number.NaN, 0, -1, Number.POSITIVE_INFINITY), (bad) => {
        expect(() => ros34pw2(jacobian, { krylovTolerance: bad })).toThrow(InvalidArgumentError);
        expect(() => ros34pw2(jacobian, { dt: bad })).toThrow(InvalidArgumentError);
        expect(() => ros34pw2(jacobian, { maxKrylov: bad })).toThrow(InvalidArgumentError);
      }),
      { seed: 3, numRuns: 20 },
    );
    expect(() => ros34pw2({} as SymmetricJacobian)).toThrow(InvalidArgumentError);
  });

  it('should end with a status, not an exception, when the right-hand side becomes NaN', () => {
    const jacobian: SymmetricJacobian = { setPoint: () => {}, apply: (v, out) => out.set(v.map((x) => -x)) };
    const problem: OdeProblem = {
      rhs: (t, y, out) => out.set(y.map((x) => (t > 0.5 ? Number.NaN : -x))),
      y0: [1, 2],
      t0: 0,
      t1: 1,
    };
    const solution = solveOde(problem, ros34pw2(jacobian), { rtol: 1e-6, atol: 1e-9 });
    expect(['non-finite', 'step-size-underflow']).toContain(solution.status);
    expect(solution.tReached).toBeLessThanOrEqual(0.5 + EPS);
  });
});
