import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { deepLinearNetwork } from '../../src/networks/deepLinearNetwork.js';
import { layerViews } from '../../src/networks/deepLinearShape.js';
import { PopulationHessian } from '../../src/networks/populationHessian.js';
import { PopulationObjective } from '../../src/networks/populationLoss.js';
import { createTeacher } from '../../src/networks/teacher.js';

const EPS = Number.EPSILON;

function setup(depth: number, init: 'he' | 'zeros') {
  const teacher = createTeacher({ dIn: 3, dOut: 4, singularValues: [2, 1, 0.5], seed: 1 });
  const kind = init === 'he' ? { kind: 'he' as const, seed: 3 } : { kind: 'zeros' as const };
  const width = depth === 2 ? 5 : Array.from({ length: depth - 1 }, (_, i) => 5 + (i % 2));
  const net = deepLinearNetwork({ dIn: 3, dOut: 4, depth, width, init: kind });
  return { teacher, net, hessian: new PopulationHessian(net, teacher) };
}

const direction = (n: number, phase: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(phase * (i + 1)));

describe('Hessian-vector products of the population loss', () => {
  for (const depth of [2, 3, 5]) {
    it(`should be symmetric and match central differences of the gradient (L = ${depth})`, () => {
      const { teacher, net, hessian } = setup(depth, 'he');
      hessian.at(net.theta);
      const n = net.size;
      const v = direction(n, 1.3);
      const w = direction(n, 0.7);
      const hv = new Float64Array(n);
      const hw = new Float64Array(n);
      hessian.apply(v, hv);
      hessian.apply(w, hw);
      const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);
      const scale = Math.max(...hv.map(Math.abs));
      // ⟨w, Hv⟩ = ⟨v, Hw⟩ up to rounding of sums over n terms of size ≤ scale.
      expect(Math.abs(dot(w, hv) - dot(v, hw))).toBeLessThan(4 * n * EPS * scale * Math.sqrt(n));
      const objective = new PopulationObjective(net, teacher);
      const d = 1e-5;
      const plus = new Float64Array(n);
      const minus = new Float64Array(n);
      objective.gradient(
        net.theta.map((x, i) => x + d * v[i]),
        plus,
      );
      objective.gradient(
        net.theta.map((x, i) => x - d * v[i]),
        minus,
      );
      for (let i = 0; i < n; i++) {
        // Central differences err by d²/6 times a third derivative (≲ 100·scale here) plus eps·|g|/d.
        expect(Math.abs((plus[i] - minus[i]) / (2 * d) - hv[i])).toBeLessThan(1e-7 * scale);
      }
    });
  }

  it('should give −W*ᵀ V_2 and −W* V_1ᵀ at the origin for L = 2, and 0 there for L ≥ 3', () => {
    const two = setup(2, 'zeros');
    two.hessian.at(two.net.theta);
    const v = direction(two.net.size, 0.9);
    const out = new Float64Array(two.net.size);
    two.hessian.apply(v, out);
    const [v1, v2] = layerViews(two.net, v);
    const [h1, h2] = layerViews(two.net, out);
    const wStar = two.teacher.w;
    // ∇_{W_1} = W_2ᵀ E and ∇_{W_2} = E W_1ᵀ with E = −W* at the origin; each entry is a sum of ≤ 4 products.
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s -= v2.data[k * 5 + i] * wStar.data[k * 3 + j];
        expect(h1.data[i * 3 + j]).toBeCloseTo(s, 14);
      }
    }
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 5; i++) {
        let s = 0;
        for (let j = 0; j < 3; j++) s -= wStar.data[k * 3 + j] * v1.data[i * 3 + j];
        expect(h2.data[k * 5 + i]).toBeCloseTo(s, 14);
      }
    }
    const three = setup(3, 'zeros');
    three.hessian.at(three.net.theta);
    const out3 = new Float64Array(three.net.size);
    three.hessian.apply(direction(three.net.size, 0.4), out3);
    expect(out3.every((x) => x === 0)).toBe(true);
  });

  it('should refuse a parameter vector of the wrong length or type', () => {
    const { hessian } = setup(3, 'he');
    expect(() => hessian.at(new Float64Array(3))).toThrow(DimensionMismatchError);
    expect(() => hessian.at([1, 2] as unknown as Float64Array)).toThrow(InvalidArgumentError);
  });
});
