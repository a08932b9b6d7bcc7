import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { zeros } from '../../src/linalg/mat.js';
import { mlp } from '../../src/networks/mlp.js';
import { crossCovariance, gaussianInputs, teacherData } from '../../src/networks/mlpData.js';
import { heNormalInit } from '../../src/networks/mlpInit.js';
import { MlpObjective } from '../../src/networks/mlpObjective.js';
import { sampleGradient, sampleLoss } from '../../src/networks/sampleLoss.js';
import { createTeacher } from '../../src/networks/teacher.js';

const EPS = Number.EPSILON;
const SMOOTH = ['tanh', 'erf', 'sin', 'gelu', 'silu', 'sigmoid', 'softplus'] as const;

function problem(activation: string, depth = 4, width: number | number[] = [5, 4, 6].slice(0, depth - 1)) {
  const network = mlp({ dIn: 3, dOut: 2, depth, width, activation });
  const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1, 0.5], seed: 11 });
  const data = teacherData(teacher, 3, 40, 12);
  const theta = heNormalInit(network, { bottleneck: 1, eps: 0.7, seed: 13 });
  return { network, data, theta, objective: new MlpObjective(network, data) };
}

describe('MlpObjective', () => {
  it('should equal the deep linear network loss and gradient when σ is linear', () => {
    const { network, data, theta, objective } = problem('linear');
    const grad = new Float64Array(theta.length);
    const loss = objective.gradient(theta, grad);
    const reference = sampleGradient(network.shape, data.x, data.y, theta);
    const size = Math.max(...reference.map(Math.abs));
    // Two orders of summation over at most 40 samples and 6 units: a few hundred ulp of the largest entry.
    reference.forEach((g, i) => {
      expect(Math.abs(grad[i] - g)).toBeLessThanOrEqual(256 * EPS * size);
    });
    expect(Math.abs(loss - sampleLoss(network.shape, data.x, data.y, theta))).toBeLessThanOrEqual(
      64 * EPS * loss,
    );
  });

  for (const activation of SMOOTH) {
    it(`should match central differences of the loss for ${activation}`, () => {
      const { theta, objective } = problem(activation);
      const grad = new Float64Array(theta.length);
      objective.gradient(theta, grad);
      const h = 1e-5;
      for (let i = 0; i < theta.length; i++) {
        const plus = theta.slice();
        const minus = theta.slice();
        plus[i] += h;
        minus[i] -= h;
        const fd = (objective.loss(plus) - objective.loss(minus)) / (2 * h);
        // Truncation h²|ℒ'''|/6 ≈ 2e-10 for |ℒ'''| ≲ 10, plus round-off ε|ℒ|/h ≈ 2e-11: 1e-8 leaves room.
        expect(Math.abs(fd - grad[i]), `component ${i}`).toBeLessThanOrEqual(
          1e-8 * Math.max(1, Math.abs(grad[i])),
        );
      }
    });
  }

  it('should give the same gradient for the expression tanh(z) as for the built-in tanh', () => {
    const builtin = problem('tanh');
    const expression = problem('tanh(z)');
    const g1 = new Float64Array(builtin.theta.length);
    const g2 = new Float64Array(builtin.theta.length);
    builtin.objective.gradient(builtin.theta, g1);
    expression.objective.gradient(builtin.theta, g2);
    const size = Math.max(...g1.map(Math.abs));
    // sech² and 1 − tanh² differ by a few ulp per unit, summed over 40 samples and three layers.
    g1.forEach((g, i) => {
      expect(Math.abs(g2[i] - g)).toBeLessThanOrEqual(256 * EPS * size);
    });
  });

  it('should give the hand-derived gradient of a one-unit tanh network', () => {
    const network = mlp({ dIn: 1, dOut: 1, depth: 2, width: 1, activation: 'tanh' });
    const data = { x: zeros(3, 1), y: zeros(3, 1) };
    data.x.data.set([0.5, -1, 2]);
    data.y.data.set([0.3, -0.2, 0.9]);
    const [w1, w2] = [0.8, -1.3];
    const objective = new MlpObjective(network, data);
    const grad = new Float64Array(2);
    const loss = objective.gradient(Float64Array.of(w1, w2), grad);
    let expectLoss = 0;
    let g1 = 0;
    let g2 = 0;
    for (let n = 0; n < 3; n++) {
      const x = data.x.data[n];
      const r = w2 * Math.tanh(w1 * x) - data.y.data[n];
      expectLoss += (r * r) / 6;
      g2 += (r * Math.tanh(w1 * x)) / 3;
      g1 += (r * w2 * (1 - Math.tanh(w1 * x) ** 2) * x) / 3;
    }
    // Three terms each: a few ulp.
    expect(loss).toBeCloseTo(expectLoss, 15);
    expect(grad[0]).toBeCloseTo(g1, 15);
    expect(grad[1]).toBeCloseTo(g2, 15);
  });

  it('should label data with a teacher network exactly as its forward pass', () => {
    const { network, theta } = problem('tanh');
    const data = teacherData({ network, theta }, 3, 10, 5);
    const student = new MlpObjective(network, data);
    expect(student.loss(theta)).toBe(0);
  });

  it('should refuse mismatched data and parameter vectors with named errors', () => {
    const { network, data, objective } = problem('tanh');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (length) => {
        fc.pre(length !== network.shape.size);
        expect(() =>
          objective.gradient(new Float64Array(length), new Float64Array(network.shape.size)),
        ).toThrow(DimensionMismatchError);
      }),
      { seed: 31 },
    );
    expect(() => new MlpObjective(network, { x: data.x, y: zeros(data.x.rows, 3) })).toThrow(
      DimensionMismatchError,
    );
    expect(() => new MlpObjective(network, { x: zeros(0, 3), y: zeros(0, 2) })).toThrow(
      DimensionMismatchError,
    );
  });

  it('should refuse hostile architectures with InvalidArgumentError', () => {
    const hostile = fc.oneof(
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, 1.5),
      fc.integer({ max: 0 }),
    );
    fc.assert(
      fc.property(hostile, fc.constantFrom('dIn', 'dOut', 'depth', 'width'), (bad, field) => {
        const options = { dIn: 3, dOut: 2, depth: 3, width: 4, activation: 'tanh', [field]: bad };
        expect(() => mlp(options)).toThrow(InvalidArgumentError);
      }),
      { seed: 38 },
    );
    expect(() => mlp({ dIn: 3, dOut: 2, depth: 1, width: 4, activation: 'tanh' })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('the Gaussian sample', () => {
  it('should be reproducible from its seed and standard normal in its moments', () => {
    const x = gaussianInputs(10000, 4, 7);
    expect(gaussianInputs(10000, 4, 7).data).toEqual(x.data);
    const n = x.data.length;
    const mean = x.data.reduce((a, b) => a + b, 0) / n;
    const variance = x.data.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    // n = 40000 draws: SE(mean) = 0.005 and SE(variance) = √(2/n) = 0.007; tolerances are 4 SE.
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.028);
  });

  it('should estimate W* by the empirical cross-covariance of a linear teacher', () => {
    const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1, 0.5], seed: 3 });
    const c = crossCovariance(teacherData(teacher, 3, 20000, 4));
    // Var(y_i x_j) = ‖W*_i‖² + W*_ij² ≤ 2 (Isserlis), so each entry has SE ≤ √2/√N = 0.01: 0.04 is 4 SE.
    c.data.forEach((v, i) => {
      expect(Math.abs(v - teacher.w.data[i])).toBeLessThan(0.04);
    });
  });
});
