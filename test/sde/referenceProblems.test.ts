/**
 * Each reference problem's exact solution X = F(t, W, U), with U = int_0^t W ds, must solve its own SDE. By
 * Itô's formula (dU = W dt, and independent motions have no cross variation)
 *
 *   dX = [F_t + sum_k F_{U_k} W_k + (1/2) sum_k F_{W_k W_k}] dt + sum_k F_{W_k} dW_k,
 *
 * without the (1/2) term in the Stratonovich reading. The partial derivatives are taken by central differences
 * and compared with the problem's drift and diffusion at X, which checks coefficients and formulas against
 * each other without solving anything.
 */
import { describe, expect, it } from 'vitest';
import { brownianDimension, type ReferenceProblem, referenceProblems } from '../../src/sde/index.js';

/** Difference step: truncation error ~ DELTA^2 |F'''| / 6 ~ 2e-7 |F'''|, rounding ~ 4 eps |F| / DELTA^2 ~ 1e-9 |F|. */
const DELTA = 1e-3;
/** Covers both error terms above for third derivatives up to ~50 times the state, as in these problems. */
const TOLERANCE = 1e-5;

type Point = { t: number; W: Float64Array; U: Float64Array };

function solutionAt(reference: ReferenceProblem, { t, W, U }: Point): Float64Array {
  return reference.exact(t, W, { timeIntegral: U });
}

function shifted(point: Point, what: 't' | 'W' | 'U', k: number, by: number): Point {
  if (what === 't') return { ...point, t: point.t + by };
  const copy = Float64Array.from(point[what]);
  copy[k] += by;
  return { ...point, [what]: copy };
}

/** First and second central differences of F along one variable. */
function differences(reference: ReferenceProblem, point: Point, what: 't' | 'W' | 'U', k: number) {
  const up = solutionAt(reference, shifted(point, what, k, DELTA));
  const down = solutionAt(reference, shifted(point, what, k, -DELTA));
  const mid = solutionAt(reference, point);
  return {
    first: up.map((u, i) => (u - down[i]) / (2 * DELTA)),
    second: up.map((u, i) => (u - 2 * mid[i] + down[i]) / DELTA ** 2),
  };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThan(TOLERANCE * (1 + Math.abs(expected[i])));
  }
}

/** The diffusion the formula predicts, in the layout of the problem's noise kind. */
function predictedDiffusion(reference: ReferenceProblem, columns: Float64Array[]): Float64Array {
  const { noise, x0 } = reference.problem;
  const d = x0.length;
  if (noise === 'scalar') return columns[0];
  if (noise === 'general')
    return Float64Array.from(
      { length: d * columns.length },
      (_, n) => columns[n % columns.length][Math.floor(n / columns.length)],
    );
  // Diagonal and additive: component i feels only W_i.
  columns.forEach((column, k) => {
    column.forEach((v, i) => {
      if (i !== k) expect(Math.abs(v)).toBeLessThan(TOLERANCE);
    });
  });
  return Float64Array.from({ length: d }, (_, i) => columns[i][i]);
}

function checkPoint(reference: ReferenceProblem, point: Point): void {
  const { problem } = reference;
  const d = problem.x0.length;
  const m = brownianDimension(problem);
  const x = solutionAt(reference, point);
  const drift = differences(reference, point, 't', 0).first;
  const columns: Float64Array[] = [];
  for (let k = 0; k < m; k++) {
    const w = differences(reference, point, 'W', k);
    const u = differences(reference, point, 'U', k).first;
    columns.push(w.first);
    for (let i = 0; i < d; i++) {
      drift[i] += u[i] * point.W[k] + (problem.interpretation === 'ito' ? 0.5 * w.second[i] : 0);
    }
  }
  const out = new Float64Array(d);
  problem.drift(point.t, x, out);
  expectClose(out, drift);
  const g = new Float64Array(problem.noise === 'general' ? d * m : d);
  problem.diffusion(point.t, x, g);
  expectClose(g, predictedDiffusion(reference, columns));
}

/** (g . grad) g for scalar noise, dg_i/dx_i for diagonal noise, by central differences in x. */
function checkDiffusionDerivative(reference: ReferenceProblem, x: Float64Array): void {
  const { problem } = reference;
  if (problem.diffusionDerivative === undefined) return;
  const d = x.length;
  const g = new Float64Array(d);
  problem.diffusion(0.5, x, g);
  const expected = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const up = new Float64Array(d);
    const down = new Float64Array(d);
    problem.diffusion(0.5, shiftX(x, j, DELTA), up);
    problem.diffusion(0.5, shiftX(x, j, -DELTA), down);
    for (let i = 0; i < d; i++) {
      const dgidxj = (up[i] - down[i]) / (2 * DELTA);
      if (problem.noise === 'scalar') expected[i] += g[j] * dgidxj;
      else if (i === j) expected[i] = dgidxj;
    }
  }
  const actual = new Float64Array(d);
  problem.diffusionDerivative(0.5, x, actual);
  expectClose(actual, expected);
}

function shiftX(x: Float64Array, j: number, by: number): Float64Array {
  const copy = Float64Array.from(x);
  copy[j] += by;
  return copy;
}

describe('reference problems', () => {
  const all = referenceProblems();

  it('should hold every state-dependent problem in both interpretations and the additive ones once', () => {
    expect(all).toHaveLength(15);
    expect(all.filter((r) => r.problem.interpretation === 'stratonovich')).toHaveLength(6);
  });

  for (const reference of all) {
    it(`should make ${reference.name} (${reference.problem.interpretation}) satisfy its own SDE by Itô's formula`, () => {
      const m = brownianDimension(reference.problem);
      for (const [t, w, u] of [
        [0.3, -0.7, 0.2],
        [0.8, 0.4, -0.3],
        [0.55, 1.1, 0.05],
      ]) {
        const W = Float64Array.from({ length: m }, (_, k) => w * (1 - 0.3 * k));
        const U = Float64Array.from({ length: m }, (_, k) => u + 0.1 * k);
        checkPoint(reference, { t, W, U });
        checkDiffusionDerivative(reference, solutionAt(reference, { t, W, U }));
      }
    });
  }
});
