import { Matrix, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { UnsupportedProblemError } from '../../src/errors.js';
import { deepLinearNetwork } from '../../src/networks/deepLinearNetwork.js';
import { endToEnd } from '../../src/networks/layerProducts.js';
import {
  distanceSweep,
  linearizedMinimumDistance,
  saddleDistance,
  tangentKernel,
} from '../../src/networks/saddleDistances.js';
import { createTeacher } from '../../src/networks/teacher.js';

const EPS = Number.EPSILON;
const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1.5, 0.5], seed: 4 });
const net = deepLinearNetwork({ dIn: 3, dOut: 2, depth: 3, width: [4, 5], init: { kind: 'he', seed: 8 } });

/** J column by column: W is linear in each single parameter, so (W(θ + e_i) − W(θ − e_i))/2 is exact. */
function explicitJacobian(): Matrix {
  const j = new Matrix(6, net.size);
  for (let i = 0; i < net.size; i++) {
    const plus = net.theta.slice();
    const minus = net.theta.slice();
    plus[i] += 1;
    minus[i] -= 1;
    const wp = endToEnd(net, plus).data;
    const wm = endToEnd(net, minus).data;
    for (let r = 0; r < 6; r++) j.set(r, i, (wp[r] - wm[r]) / 2);
  }
  return j;
}

describe('distances from an initialization to a saddle and to a global minimum', () => {
  it('should build the tangent kernel J Jᵀ without forming J', () => {
    const j = explicitJacobian();
    const expected = j.mmul(j.transpose());
    const { kernel } = tangentKernel(net, net.theta);
    const scale = expected.max();
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        // Sums of a few dozen products of O(1) entries: rounding of order 64 eps relative to the largest entry.
        expect(Math.abs(kernel.data[r * 6 + c] - expected.get(r, c))).toBeLessThan(64 * EPS * scale);
      }
    }
  });

  it('should give the norm of the least-norm step J⁺(W* − W₀)', () => {
    const j = explicitJacobian();
    const w0 = endToEnd(net, net.theta).data;
    const residual = Matrix.columnVector(Array.from(teacher.w.data, (v, i) => v - w0[i]));
    const step = pseudoInverse(j).mmul(residual);
    const expected = step.norm();
    // Two routes to the same √⟨R, K⁻¹R⟩ on a well-conditioned 6 × 6 kernel.
    expect(Math.abs(linearizedMinimumDistance(net, net.theta, teacher) / expected - 1)).toBeLessThan(1e-10);
    // The step reaches the teacher to first order: J δθ = W* − W₀.
    const reached = j.mmul(step).to1DArray();
    reached.forEach((v, i) => {
      expect(v).toBeCloseTo(residual.get(i, 0), 10);
    });
  });

  it('should measure the saddle distance from W_1 and W_L only', () => {
    const theta = net.theta.slice();
    const before = saddleDistance(net, theta);
    const [first, second] = [net.offsets[1], net.offsets[2]];
    for (let i = first; i < second; i++) theta[i] *= 7;
    expect(saddleDistance(net, theta)).toBe(before);
    const zero = deepLinearNetwork({ dIn: 3, dOut: 2, depth: 3, width: 4, init: { kind: 'zeros' } });
    expect(saddleDistance(zero, zero.theta)).toBe(0);
  });

  it('should refuse a singular tangent kernel with a named error', () => {
    const zero = deepLinearNetwork({ dIn: 3, dOut: 2, depth: 3, width: 4, init: { kind: 'zeros' } });
    expect(() => linearizedMinimumDistance(zero, zero.theta, teacher)).toThrow(UnsupportedProblemError);
  });

  it('should draw one distance per width and replicate', () => {
    const sweep = distanceSweep({
      distance: 'saddle',
      gamma: 1,
      depth: 3,
      widths: [8, 16],
      replicates: 3,
      teacher,
      seed: 1,
    });
    expect(sweep.widths).toEqual([8, 8, 8, 16, 16, 16]);
    expect(new Set(sweep.distances).size).toBe(6);
  });
});
