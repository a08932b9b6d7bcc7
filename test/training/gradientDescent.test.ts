import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { frobeniusNorm, type Mat, matmulTransA, matmulTransB, zeros } from '../../src/linalg/index.js';
import {
  createTeacher,
  deepLinearNetwork,
  imbalance,
  layerViews,
  populationGradient,
} from '../../src/networks/index.js';
import { gradientDescent } from '../../src/training/index.js';

const teacher = createTeacher({ dIn: 4, dOut: 3, singularValues: [2, 1], seed: 31 });
const net = deepLinearNetwork({
  dIn: 4,
  dOut: 3,
  depth: 3,
  width: [5, 6],
  init: { kind: 'scaled', eps: 0.8, seed: 32 },
});

function difference(a: Mat, b: Mat): Mat {
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = a.data[i] - b.data[i];
  return out;
}

describe('gradientDescent', () => {
  it('should move each imbalance by exactly η²(G_{l+1}ᵀG_{l+1} − G_l G_lᵀ) in one step', () => {
    const lr = 0.05;
    const run = gradientDescent(net, teacher, { lr, steps: 1, keepParameters: true });
    const grads = layerViews(net, populationGradient(net, teacher, net.theta));
    for (let l = 1; l < net.depth; l++) {
      const n = net.dims[l];
      const change = difference(imbalance(net, run.thetaEnd, l), imbalance(net, net.theta, l));
      const predicted = difference(
        matmulTransA(grads[l], grads[l], zeros(n, n)),
        matmulTransB(grads[l - 1], grads[l - 1], zeros(n, n)),
      );
      // The first-order terms cancel exactly; what is left is rounding in D_l, whose entries are short sums of
      // O(1) products: a few ε·(1 + ‖D_l‖).
      const tol = 20 * Number.EPSILON * (1 + frobeniusNorm(imbalance(net, net.theta, l)));
      for (let i = 0; i < n * n; i++) {
        expect(Math.abs(change.data[i] - lr * lr * predicted.data[i])).toBeLessThan(tol);
      }
    }
  });

  it('should drift the imbalance by O(η²) per step: slope 2 against η on a log-log plot', () => {
    const rates = [0.02, 0.01, 0.005, 0.0025];
    const drift = rates.map((lr) => {
      const run = gradientDescent(net, teacher, { lr, steps: 1 });
      return frobeniusNorm(difference(imbalance(net, run.thetaEnd, 1), imbalance(net, net.theta, 1)));
    });
    for (let k = 1; k < rates.length; k++) {
      const slope = Math.log(drift[k - 1] / drift[k]) / Math.log(rates[k - 1] / rates[k]);
      // Exactly η² times a fixed matrix: drifts ≥ 1e-6 carry rounding ~1e-16, so the slope is 2 within ~1e-9.
      expect(Math.abs(slope - 2)).toBeLessThan(1e-8);
    }
  });

  it('should follow the per-mode map a ← a + η a^{L−1}(s − a^L) exactly from aligned, balanced weights', () => {
    const s = [2, 1];
    const aligned = createTeacher({ dIn: 3, dOut: 3, singularValues: s, seed: 33 });
    const a0 = [0.3, 0.5];
    const depth = 3;
    const lr = 0.01;
    const steps = 400;
    const init = { kind: 'aligned', eps: a0, teacher: aligned } as const;
    const start = deepLinearNetwork({ dIn: 3, dOut: 3, depth, width: 4, init });
    const run = gradientDescent(start, aligned, { lr, steps, saveEvery: 50 });
    s.forEach((sk, k) => {
      let a = a0[k];
      for (let step = 0; step <= steps; step++) {
        if (step % 50 === 0) {
          const u = run.modeStrengths[(step / 50) * run.modes + k];
          // Rounding of at most ~10ε per step in the matrix products, accumulated over 400 steps: 400·10ε < 1e-12.
          expect(Math.abs(u - a ** depth)).toBeLessThan(1e-12 * a ** depth);
        }
        a += lr * a ** (depth - 1) * (sk - a ** depth);
      }
    });
    expect(run.t[run.t.length - 1]).toBeCloseTo(steps * lr, 12);
  });

  it('should converge to the closed-form flow at first order as η → 0 (L = 2, u(t) = s e^{2st}/(e^{2st} − 1 + s/u0))', () => {
    const mode = createTeacher({ dIn: 2, dOut: 2, singularValues: [1.5], seed: 34 });
    const start = deepLinearNetwork({
      dIn: 2,
      dOut: 2,
      depth: 2,
      width: 2,
      init: { kind: 'aligned', eps: 0.1, teacher: mode },
    });
    const t = 2;
    const exact = (() => {
      const u0 = 0.01;
      const e = Math.exp(2 * 1.5 * t);
      return (1.5 * e) / (e - 1 + 1.5 / u0);
    })();
    const errors = [0.02, 0.01, 0.005].map((lr) => {
      const run = gradientDescent(start, mode, { lr, steps: Math.round(t / lr) });
      return Math.abs(run.modeStrengths[run.modeStrengths.length - 1] - exact);
    });
    // Euler's global error is C η + O(η²): halving η halves it, to within the O(η) correction (< 10% here).
    expect(errors[0] / errors[1]).toBeGreaterThan(1.8);
    expect(errors[0] / errors[1]).toBeLessThan(2.2);
    expect(errors[1] / errors[2]).toBeGreaterThan(1.9);
    expect(errors[1] / errors[2]).toBeLessThan(2.1);
  });

  it('should stop with a failure status, the time reached and the last finite state when η is far too large', () => {
    const run = gradientDescent(net, teacher, { lr: 50, steps: 1000 });
    expect(['non-finite', 'blow-up']).toContain(run.status);
    expect(run.tReached).toBeLessThan(1000 * 50);
    expect(run.thetaEnd.every(Number.isFinite)).toBe(true);
    expect(run.loss.every(Number.isFinite)).toBe(true);
    expect(run.t[run.t.length - 1]).toBeLessThanOrEqual(run.tReached);
  });

  it('should reject hostile learning rates, step counts and starting points with named errors', () => {
    const hostile = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0.1);
    fc.assert(
      fc.property(hostile, (lr) => {
        expect(() => gradientDescent(net, teacher, { lr, steps: 3 })).toThrow(InvalidArgumentError);
      }),
      { seed: 301 },
    );
    fc.assert(
      fc.property(fc.oneof(hostile, fc.constantFrom(1.5, -3)), (steps) => {
        expect(() => gradientDescent(net, teacher, { lr: 0.1, steps })).toThrow(InvalidArgumentError);
      }),
      { seed: 302 },
    );
    fc.assert(
      fc.property(fc.nat(100), (n) => {
        fc.pre(n !== net.size && n > 0);
        expect(() =>
          gradientDescent(net, teacher, { lr: 0.1, steps: 1, theta0: new Float64Array(n) }),
        ).toThrow(DimensionMismatchError);
      }),
      { seed: 303 },
    );
    const poisoned = net.theta.slice();
    poisoned[3] = Number.NaN;
    expect(() => gradientDescent(net, teacher, { lr: 0.1, steps: 1, theta0: poisoned })).toThrow(
      InvalidArgumentError,
    );
  });
});
