import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import type { Mat } from '../../src/linalg/index.js';
import {
  createTeacher,
  deepLinearNetwork,
  OnlineGradient,
  populationGradient,
  type Teacher,
} from '../../src/networks/index.js';
import { randomStream } from '../../src/random/index.js';

/** u_jᵀ G v_k for the teacher's singular vectors. */
function component(teacher: Teacher, g: Mat, j: number, k: number): number {
  const r = teacher.s.length;
  let sum = 0;
  for (let i = 0; i < g.rows; i++) {
    for (let c = 0; c < g.cols; c++)
      sum += teacher.u.data[i * r + j] * g.data[i * g.cols + c] * teacher.v.data[c * r + k];
  }
  return sum;
}

describe('OnlineGradient', () => {
  it('should be unbiased: its mean over batches equals the population gradient within 5 standard errors', () => {
    const teacher = createTeacher({ dIn: 4, dOut: 3, singularValues: [2, 1], seed: 6 });
    const net = deepLinearNetwork({
      dIn: 4,
      dOut: 3,
      depth: 3,
      width: [5, 4],
      init: { kind: 'he', seed: 6 },
    });
    const online = new OnlineGradient(net, teacher, { batch: 4, labelNoise: 0.5 });
    const stream = randomStream(77);
    const n = 20000;
    const grad = new Float64Array(net.size);
    const sum = new Float64Array(net.size);
    const sumSq = new Float64Array(net.size);
    for (let b = 0; b < n; b++) {
      online.gradient(net.theta, grad, stream);
      for (let i = 0; i < grad.length; i++) {
        sum[i] += grad[i];
        sumSq[i] += grad[i] * grad[i];
      }
    }
    const exact = populationGradient(net, teacher, net.theta);
    let worst = 0;
    for (let i = 0; i < net.size; i++) {
      const mean = sum[i] / n;
      const se = Math.sqrt((sumSq[i] / n - mean * mean) / n);
      worst = Math.max(worst, Math.abs(mean - exact[i]) / se);
      // The test has power: each standard error is under 2% of the largest gradient entry.
      expect(se).toBeLessThan(0.02 * Math.max(...exact.map(Math.abs)));
    }
    // 5 s.e. per component (tolerance four times the s.e. and then some, across 52 components).
    expect(worst).toBeLessThan(5);
  });

  it('should have per-sample variance 2e² + σ_ξ² along an aligned mode and e² + σ_ξ² off the diagonal', () => {
    // Aligned, balanced, L = 3: mode 0 at u = 1 against s = 3 (e = −2), mode 1 at u = 0.125 against s = 1.
    const teacher = createTeacher({ dIn: 4, dOut: 4, singularValues: [3, 1], seed: 12 });
    const net = deepLinearNetwork({
      dIn: 4,
      dOut: 4,
      depth: 3,
      width: 4,
      init: { kind: 'aligned', eps: [1, 0.5], teacher },
    });
    const sigma = 0.5;
    const online = new OnlineGradient(net, teacher, { batch: 1, labelNoise: sigma });
    const stream = randomStream(78);
    const grad = new Float64Array(net.size);
    const n = 200000;
    const moments = { d: [0, 0], off: [0, 0], cross: 0, d1: 0 };
    for (let b = 0; b < n; b++) {
      online.gradient(net.theta, grad, stream);
      const g00 = component(teacher, online.endToEndGradient, 0, 0);
      const g01 = component(teacher, online.endToEndGradient, 0, 1);
      const g11 = component(teacher, online.endToEndGradient, 1, 1);
      moments.d[0] += g00;
      moments.d[1] += g00 * g00;
      moments.off[0] += g01;
      moments.off[1] += g01 * g01;
      moments.d1 += g11;
      moments.cross += g00 * g11;
    }
    const mean = moments.d[0] / n;
    const variance = moments.d[1] / n - mean * mean;
    // E g = e = −2 with s.e. √(8.25/n) = 0.0064; tolerance 0.026 is four of them.
    expect(Math.abs(mean + 2)).toBeLessThan(0.026);
    // Var g = 2e² + σ² = 8.25; the sample variance has s.e. √(μ₄ − σ⁴)/√n = 30.86/√n = 0.069 (exact moments
    // of g = e z² − σ ξ z); tolerance 0.28 is four of them.
    expect(Math.abs(variance - 8.25)).toBeLessThan(0.28);
    // Off-diagonal g = (e z_0 − σ ξ) z_1: mean 0 (s.e. 0.0046), variance e² + σ² = 4.25 (s.e. 12.02/√n = 0.027).
    const offMean = moments.off[0] / n;
    expect(Math.abs(offMean)).toBeLessThan(0.019);
    expect(Math.abs(moments.off[1] / n - offMean * offMean - 4.25)).toBeLessThan(0.11);
    // Distinct modes are uncorrelated: Cov(g00, g11) = 0, s.e. √(8.25·(2·0.875² + 0.25))/√n = 0.0086.
    const covariance = moments.cross / n - mean * (moments.d1 / n);
    expect(Math.abs(covariance)).toBeLessThan(0.039);
  });

  it('should reject a batch below 1, a non-integer batch and negative or NaN label noise', () => {
    const teacher = createTeacher({ dIn: 2, dOut: 2, singularValues: [1], seed: 1 });
    const net = deepLinearNetwork({ dIn: 2, dOut: 2, depth: 2, width: 2, init: { kind: 'zeros' } });
    const bad = [
      { batch: 0, labelNoise: 0 },
      { batch: 1.5, labelNoise: 0 },
      { batch: 2, labelNoise: -1 },
      { batch: 2, labelNoise: Number.NaN },
    ];
    for (const options of bad)
      expect(() => new OnlineGradient(net, teacher, options)).toThrow(InvalidArgumentError);
  });
});
