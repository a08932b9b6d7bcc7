import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { layerViews } from '../../src/networks/deepLinearShape.js';
import { mlp } from '../../src/networks/mlp.js';
import { teacherData } from '../../src/networks/mlpData.js';
import { heNormalInit, leadingMode, manifoldInit } from '../../src/networks/mlpInit.js';
import { layerNorms, manifoldDeviation, projectToManifold } from '../../src/networks/mlpManifold.js';
import { MlpObjective } from '../../src/networks/mlpObjective.js';
import { createTeacher } from '../../src/networks/teacher.js';

const EPS = Number.EPSILON;

function onManifold(activation: string, depth: number, width: number, r: number, eps: number) {
  const network = mlp({ dIn: 3, dOut: 2, depth, width, activation });
  const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1, 0.4], seed: 5 });
  const data = teacherData(teacher, 3, 64, 6);
  const mode = leadingMode(data);
  const theta = manifoldInit(network, {
    bottleneck: r,
    eps,
    gain: 1.3,
    inputDirection: mode.v,
    outputDirection: mode.u,
  });
  return { network, data, mode, theta };
}

describe('the permutation-symmetric manifold', () => {
  it('should place the initial point on it with layer norms ε for the bottlenecks and the gain elsewhere', () => {
    const { network, theta } = onManifold('tanh', 5, 7, 2, 0.01);
    expect(manifoldDeviation(network, theta)).toBeLessThanOrEqual(4 * EPS);
    const norms = layerNorms(network, theta);
    // Norms of vectors of at most 49 equal entries: a few ulp.
    [0.01, 0.01, 1.3, 1.3, 1.3].forEach((a, l) => {
      expect(Math.abs(norms[l] - a)).toBeLessThanOrEqual(16 * EPS * a);
    });
  });

  it('should make a linear network compute (Π a_l) û v̂ᵀ x', () => {
    const { network, data, mode, theta } = onManifold('linear', 4, 5, 3, 0.2);
    const out = new MlpObjective(network, data).forward(theta);
    const product = 0.2 ** 3 * 1.3;
    for (let n = 0; n < data.x.rows; n++) {
      const vx = mode.v.reduce((sum, v, j) => sum + v * data.x.data[n * 3 + j], 0);
      for (let i = 0; i < 2; i++) {
        // Four layers of sums over at most 5 units: a few dozen ulp of the output scale.
        expect(Math.abs(out.data[n * 2 + i] - product * mode.u[i] * vx)).toBeLessThanOrEqual(
          64 * EPS * product * 4,
        );
      }
    }
  });

  it('should have a gradient tangent to the manifold at every point of it', () => {
    const activations = ['tanh', 'gelu', 'sigmoid', 'sin', 'relu'];
    fc.assert(
      fc.property(
        fc.constantFrom(...activations),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        (activation, depth, width, eps) => {
          const { network, data, theta } = onManifold(activation, depth, width, 1, eps);
          const grad = new Float64Array(theta.length);
          new MlpObjective(network, data).gradient(theta, grad);
          // Identical units differ only where a kernel sums one unit in another order (an odd last row). Two
          // orders of an entry's 64 per-sample terms differ by at most 2γ₆₄ Σ|terms| ≈ 64 EPS Σ|terms| (Higham,
          // Accuracy and Stability of Numerical Algorithms, §4.2): 64 EPS of the layer's norm when an entry's
          // terms do not cancel. (8 EPS was exceeded: gelu, depth 3, width 7, eps 0.9976 gave 10.5 EPS.)
          expect(manifoldDeviation(network, grad)).toBeLessThanOrEqual(64 * EPS);
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('should project a random point to the mean row, mean entry and mean column', () => {
    const network = mlp({ dIn: 2, dOut: 2, depth: 3, width: 3, activation: 'tanh' });
    const theta = heNormalInit(network, { bottleneck: 1, eps: 1, seed: 9 });
    const [w1, w2, w3] = layerViews(network.shape, theta);
    const [p1, p2, p3] = layerViews(network.shape, projectToManifold(network, theta));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const at = (w: typeof w1, i: number, j: number) => w.data[i * w.cols + j];
    // Means of at most 9 numbers: a few ulp.
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(16 * EPS);
    close(at(p1, 2, 1), mean([0, 1, 2].map((i) => at(w1, i, 1))));
    close(at(p2, 0, 2), mean(Array.from(w2.data)));
    close(at(p3, 1, 0), mean([0, 1, 2].map((j) => at(w3, 1, j))));
    expect(manifoldDeviation(network, projectToManifold(network, theta))).toBeLessThanOrEqual(16 * EPS);
    expect(manifoldDeviation(network, theta)).toBeGreaterThan(0.1);
  });

  it('should refuse directions of the wrong length or zero norm', () => {
    const network = mlp({ dIn: 3, dOut: 2, depth: 3, width: 4, activation: 'tanh' });
    const base = { bottleneck: 1, eps: 0.1, outputDirection: [1, 0] };
    expect(() => manifoldInit(network, { ...base, inputDirection: [1, 0] })).toThrow(DimensionMismatchError);
    expect(() => manifoldInit(network, { ...base, inputDirection: [0, 0, 0] })).toThrow(InvalidArgumentError);
    expect(() => manifoldInit(network, { ...base, inputDirection: [1, Number.NaN, 0] })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('He-normal initialization', () => {
  it('should draw N(0, 2/fan-in) entries and rescale the bottleneck layers by ε', () => {
    const network = mlp({ dIn: 64, dOut: 64, depth: 3, width: 64, activation: 'tanh' });
    const theta = heNormalInit(network, { bottleneck: 1, eps: 1e-3, seed: 4, bottleneckLayers: [2] });
    const views = layerViews(network.shape, theta);
    const scales = [1, 1e-3, 1];
    views.forEach((w, l) => {
      const variance = w.data.reduce((a, x) => a + x * x, 0) / w.data.length;
      const expected = (2 / 64) * scales[l] ** 2;
      // 4096 entries: the sample variance has relative SE √(2/4096) = 2.2%; 9% is 4 SE.
      expect(Math.abs(variance / expected - 1)).toBeLessThan(0.09);
    });
  });

  it('should refuse bottleneck layer lists that do not name r distinct layers', () => {
    const network = mlp({ dIn: 2, dOut: 1, depth: 4, width: 3, activation: 'tanh' });
    for (const layers of [[1], [1, 1], [0, 2], [2, 5], [1.5, 2]]) {
      expect(() =>
        heNormalInit(network, { bottleneck: 2, eps: 0.1, seed: 1, bottleneckLayers: layers }),
      ).toThrow(InvalidArgumentError);
    }
    for (const r of [0, 5, Number.NaN, 1.5]) {
      expect(() => heNormalInit(network, { bottleneck: r, eps: 0.1, seed: 1 })).toThrow(InvalidArgumentError);
    }
  });
});
