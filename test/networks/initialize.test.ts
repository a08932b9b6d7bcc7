import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { frobeniusNorm } from '../../src/linalg/index.js';
import {
  createTeacher,
  deepLinearNetwork,
  deepLinearShape,
  endToEnd,
  imbalance,
  initialize,
  layerViews,
  modeStrengths,
} from '../../src/networks/index.js';

describe('aligned and balanced initialization', () => {
  const teacher = createTeacher({ dIn: 6, dOut: 5, singularValues: [3, 2, 1], seed: 8 });
  const eps = [0.3, 0.2, 0.1];
  const net = deepLinearNetwork({
    dIn: 6,
    dOut: 5,
    depth: 4,
    width: [4, 7, 3],
    init: { kind: 'aligned', eps, teacher },
  });

  it('should give W = Σ a_i^L u_i v_iᵀ, with no weight outside the teacher modes', () => {
    const w = endToEnd(net, net.theta);
    const strengths = modeStrengths(teacher, w);
    // Products of four factors and orthonormal vectors: rounding of a few ε relative to a_i^L.
    eps.forEach((a, i) => {
      expect(Math.abs(strengths[i] - a ** 4)).toBeLessThan(20 * Number.EPSILON * a ** 4);
    });
    // ‖W‖² = Σ a_i^{2L} when W has nothing outside span{u_i v_iᵀ}.
    const expected = Math.sqrt(eps.reduce((sum, a) => sum + a ** 8, 0));
    expect(Math.abs(frobeniusNorm(w) - expected)).toBeLessThan(20 * Number.EPSILON * expected);
  });

  it('should be balanced: every imbalance W_{l+1}ᵀW_{l+1} − W_l W_lᵀ vanishes', () => {
    for (let l = 1; l < 4; l++) {
      // Zero exactly between diagonal layers; next to W_1 and W_L it is a_i²(‖v_i‖² − 1), a few ε·a_i².
      expect(frobeniusNorm(imbalance(net, net.theta, l))).toBeLessThan(10 * Number.EPSILON);
    }
  });

  it('should refuse a hidden width below the number of teacher modes', () => {
    expect(() =>
      deepLinearNetwork({
        dIn: 6,
        dOut: 5,
        depth: 3,
        width: [4, 2],
        init: { kind: 'aligned', eps: 0.1, teacher },
      }),
    ).toThrow(InvalidArgumentError);
  });
});

/** Sample variance of all entries of a layer (the mean is known to be 0). */
function meanSquare(data: Float64Array): number {
  let s = 0;
  for (const x of data) s += x * x;
  return s / data.length;
}

describe('random initializations', () => {
  const shape = deepLinearShape({ dIn: 100, dOut: 120, depth: 3, width: [300, 200] });
  // Each check averages ≥ 12000 squared normals: relative standard error √(2/N) ≤ 1.3%, a quarter of 5.2%.
  const tol = 0.052;
  const variances: [string, Parameters<typeof initialize>[1], (fanIn: number, fanOut: number) => number][] = [
    ['jacot', { kind: 'jacot', gamma: 1.5, seed: 1 }, () => 300 ** -1.5],
    ['scaled', { kind: 'scaled', eps: 1e-3, seed: 2 }, (fanIn) => 1e-6 / fanIn],
    ['he', { kind: 'he', seed: 3 }, (fanIn) => 2 / fanIn],
    ['glorot', { kind: 'glorot', seed: 4 }, (fanIn, fanOut) => 2 / (fanIn + fanOut)],
  ];

  for (const [name, init, variance] of variances) {
    it(`should draw ${name} entries with their documented variance in every layer`, () => {
      const layers = layerViews(shape, initialize(shape, init));
      for (const layer of layers) {
        const expected = variance(layer.cols, layer.rows);
        expect(Math.abs(meanSquare(layer.data) / expected - 1)).toBeLessThan(tol);
      }
    });
  }

  it('should give scaled layers E‖W_l‖²_F = ε² n_l, i.e. mean gain ε√(n_l/fan_in) over a basis of inputs', () => {
    // ‖W_l‖²_F sums n_l·fan_in squares of variance ε²/fan_in; ≥ 20000 entries give a relative s.e. ≤ 1%.
    const theta = initialize(shape, { kind: 'scaled', eps: 0.01, seed: 5 });
    layerViews(shape, theta).forEach((layer) => {
      expect(Math.abs(frobeniusNorm(layer) ** 2 / (1e-4 * layer.rows) - 1)).toBeLessThan(tol);
    });
  });

  it('should reproduce a draw from its seed and path', () => {
    const a = initialize(shape, { kind: 'he', seed: 7, path: 2 });
    const same = initialize(shape, { kind: 'he', seed: 7, path: 2 });
    const other = initialize(shape, { kind: 'he', seed: 7, path: 3 });
    expect(a.every((x, i) => x === same[i])).toBe(true);
    expect(a.some((x, i) => x !== other[i])).toBe(true);
  });

  it('should reject unknown kinds and bad scales', () => {
    const bad: unknown[] = [
      { kind: 'xavier', seed: 1 },
      { kind: 'scaled', eps: 0, seed: 1 },
      { kind: 'scaled', eps: Number.NaN, seed: 1 },
      { kind: 'jacot', gamma: Number.POSITIVE_INFINITY, seed: 1 },
      { kind: 'he', seed: -1 },
      { kind: 'glorot', seed: 1.5 },
      null,
    ];
    for (const init of bad) expect(() => initialize(shape, init as never)).toThrow(InvalidArgumentError);
  });
});
