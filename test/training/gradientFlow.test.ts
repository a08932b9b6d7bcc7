import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { frobeniusNorm, zeros } from '../../src/linalg/index.js';
import {
  createTeacher,
  deepLinearNetwork,
  endToEnd,
  imbalance,
  populationGradient,
} from '../../src/networks/index.js';
import { dopri5 } from '../../src/ode/index.js';
import { gradientFlow, gradientFlowRhs, type Trajectory } from '../../src/training/index.js';
import fixture from './fixtures/perModeStrength.json' with { type: 'json' };

interface Case {
  depth: number;
  singularValues: number[];
  a0: number;
  t: number[];
  u: number[][];
}

function alignedRun(c: Case, options: { rtol: number; stiff?: boolean; keepParameters?: boolean }) {
  const teacher = createTeacher({ dIn: 4, dOut: 4, singularValues: c.singularValues, seed: 5 });
  const net = deepLinearNetwork({
    dIn: 4,
    dOut: 4,
    depth: c.depth,
    width: 5,
    init: { kind: 'aligned', eps: c.a0, teacher },
  });
  const run = gradientFlow(net, teacher, { t1: c.t[c.t.length - 1], saveAt: c.t, ...options });
  return { teacher, net, run };
}

/** Largest relative deviation of the recorded mode strengths from the reference. */
function worstRelative(run: Trajectory, c: Case): number {
  let worst = 0;
  c.u.forEach((row, k) => {
    row.forEach((u, i) => {
      worst = Math.max(worst, Math.abs(run.modeStrengths[i * run.modes + k] - u) / u);
    });
  });
  return worst;
}

const [depth3, depth4, longPlateaus] = fixture.cases as Case[];

describe('gradientFlow from aligned, balanced weights', () => {
  it('should give each mode the strength of du/dt = L u^{2−2/L}(s − u) (mpmath reference), L = 3 and 4', () => {
    for (const c of [depth3, depth4]) {
      const { run } = alignedRun(c, { rtol: 1e-10 });
      expect(run.status).toBe('success');
      // dopri5's global error under rtol 1e-10 over a few hundred steps stays within 100·rtol.
      expect(worstRelative(run, c)).toBeLessThan(1e-8);
    }
  });

  it('should keep W inside the span of the teacher modes (alignment is invariant)', () => {
    const { teacher, net, run } = alignedRun(depth3, { rtol: 1e-10, keepParameters: true });
    for (let k = 0; k < run.t.length; k++) {
      const theta = run.parameters!.subarray(k * net.size, (k + 1) * net.size);
      const w = endToEnd(net, theta);
      // Subtract Σ u_k u_k v_kᵀ: what is left is the part of W outside the teacher's modes.
      for (let m = 0; m < run.modes; m++) {
        const u = run.modeStrengths[k * run.modes + m];
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++)
            w.data[i * 4 + j] -= u * teacher.u.data[i * 3 + m] * teacher.v.data[j * 3 + m];
        }
      }
      // Off-mode entries start at 0 and their derivative vanishes there: only rounding (~ε·‖W‖) can appear.
      expect(frobeniusNorm(w)).toBeLessThan(1e-14 * (1 + frobeniusNorm(endToEnd(net, theta))));
    }
  });

  it('should run through three plateaus with the stiff solver: ranks 0 → 1 → 2 → 3, losses ½Σ_{j>k} s_j²', () => {
    const { run } = alignedRun(longPlateaus, { rtol: 1e-9, stiff: true });
    expect(run.status).toBe('success');
    expect(run.hessianProducts).toBeGreaterThan(0);
    // ros34pw2 is third order: under rtol 1e-9 its global error over its ~7000 steps stays within 1000·rtol.
    expect(worstRelative(run, longPlateaus)).toBeLessThan(1e-6);
    const at = (t: number) => longPlateaus.t.indexOf(t);
    // Mid-plateau times from the reference: before t ≈ 25, between 25 and 50, between 50 and 100, after.
    expect([at(20), at(40), at(80), at(150)].map((k) => run.rank[k])).toEqual([0, 1, 2, 3]);
    const plateauLoss = [10.5, 2.5, 0.5, 0];
    [at(20), at(40), at(80), at(150)].forEach((k, i) => {
      // Unlearned modes hold u ≤ 1.3e-4 at these times, shifting the loss by at most Σ s_j u_j ≈ 1e-3.
      expect(Math.abs(run.loss[k] - plateauLoss[i])).toBeLessThan(2e-3);
    });
  });
});

describe('gradientFlow from random small initialization', () => {
  const teacher = createTeacher({ dIn: 4, dOut: 3, singularValues: [2, 1], seed: 41 });
  const net = deepLinearNetwork({
    dIn: 4,
    dOut: 3,
    depth: 3,
    width: [6, 5],
    init: { kind: 'scaled', eps: 0.3, seed: 42 },
  });

  it('should conserve every imbalance W_{l+1}ᵀW_{l+1} − W_l W_lᵀ to the integrator tolerance', () => {
    for (const [method, rtol, tol] of [
      // The exact flow keeps D_l fixed, so only integration error moves it: a small multiple of rtol.
      [false, 1e-10, 1e-9],
      [true, 1e-9, 1e-8],
    ] as const) {
      const run = gradientFlow(net, teacher, { t1: 20, saves: 4, stiff: method, rtol, keepParameters: true });
      expect(run.status).toBe('success');
      for (let l = 1; l < net.depth; l++) {
        const d0 = imbalance(net, net.theta, l);
        const n = net.dims[l];
        for (let k = 1; k < run.t.length; k++) {
          const theta = run.parameters!.subarray(k * net.size, (k + 1) * net.size);
          const d = imbalance(net, theta, l, zeros(n, n));
          const scale =
            frobeniusNorm(net.layers[l]) ** 2 + frobeniusNorm(net.layers[l - 1]) ** 2 + run.loss[0];
          for (let i = 0; i < n * n; i++) expect(Math.abs(d.data[i] - d0.data[i])).toBeLessThan(tol * scale);
        }
      }
      // And the flow learned both modes: the loss fell far below the one-mode plateau ½s_2² = 0.5.
      expect(run.loss[run.loss.length - 1]).toBeLessThan(1e-3);
    }
  });

  it('should have a right-hand side equal to minus the population gradient', () => {
    const rhs = gradientFlowRhs(net, teacher);
    const out = new Float64Array(net.size);
    rhs(0, net.theta, out);
    const grad = populationGradient(net, teacher, net.theta);
    for (let i = 0; i < net.size; i++) expect(out[i]).toBe(-grad[i]);
  });

  it('should report max-steps with the time reached when the step budget runs out', () => {
    const run = gradientFlow(net, teacher, { t1: 50, maxSteps: 5, method: dopri5() });
    expect(run.status).toBe('max-steps');
    expect(run.tReached).toBeGreaterThan(0);
    expect(run.tReached).toBeLessThan(50);
    expect(run.t[run.t.length - 1]).toBeLessThanOrEqual(run.tReached);
  });

  it('should reject hostile end times, tolerances and starting points with named errors', () => {
    const hostile = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1);
    fc.assert(
      fc.property(hostile, (bad) => {
        expect(() => gradientFlow(net, teacher, { t1: bad })).toThrow(InvalidArgumentError);
        expect(() => gradientFlow(net, teacher, { t1: 1, rtol: bad })).toThrow(InvalidArgumentError);
      }),
      { seed: 401 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), (n) => {
        fc.pre(n !== net.size);
        expect(() => gradientFlow(net, teacher, { t1: 1, theta0: new Float64Array(n) })).toThrow(
          DimensionMismatchError,
        );
      }),
      { seed: 402 },
    );
    expect(() => gradientFlow(net, teacher, { t1: 1, saveAt: [0.5, 0.2] })).toThrow(InvalidArgumentError);
  });
});
