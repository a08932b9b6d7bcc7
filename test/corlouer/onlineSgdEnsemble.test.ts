/** Full-matrix online SGD ensembles: replay of single runs, alignment and balance, collapse, failures. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { deepLinearNetwork } from '../../src/networks/deepLinearNetwork.js';
import { createTeacher } from '../../src/networks/teacher.js';
import { onlineSgd } from '../../src/training/onlineSgd.js';
import { onlineSgdEnsemble } from '../../src/training/onlineSgdEnsemble.js';

const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1.2, 0.6], seed: 8 });
const network = { dIn: 3, dOut: 2, depth: 3, width: 2 };
const base = {
  network,
  teacher,
  init: { kind: 'aligned' as const, eps: 0.5, teacher },
  lr: 0.02,
  batch: 2,
  labelNoise: 0.3,
  steps: 200,
  saveEvery: 50,
  paths: 5,
  seed: 17,
};

describe('onlineSgdEnsemble', () => {
  it('should replay path p exactly as onlineSgd with the same seed and path p', () => {
    const ensemble = onlineSgdEnsemble(base);
    const net = deepLinearNetwork({ ...network, init: base.init });
    const saves = ensemble.t.length;
    for (const path of [0, 3]) {
      const single = onlineSgd(net, teacher, { ...base, path });
      for (let j = 0; j < saves; j++) {
        for (let k = 0; k < 2; k++) {
          expect(ensemble.modeStrengths[(path * saves + j) * 2 + k]).toBe(single.modeStrengths[j * 2 + k]);
        }
      }
    }
    expect(Array.from(ensemble.t)).toEqual([0, 1, 2, 3, 4].map((j) => j * 50 * 0.02));
  });

  it('should start aligned and balanced, and keep a one-dimensional network exactly aligned', () => {
    const ensemble = onlineSgdEnsemble(base);
    // Aligned init: W = Σ a^L u_i v_iᵀ to rounding, and every layer equal.
    expect(ensemble.misalignment[0]).toBeLessThan(1e-15);
    expect(ensemble.imbalance[0]).toBeLessThan(1e-15);
    // Off-diagonal noise (variance e² + σ²) moves the full matrices off the aligned set.
    expect(Math.max(...ensemble.misalignment)).toBeGreaterThan(1e-3);
    const scalar = createTeacher({ dIn: 1, dOut: 1, singularValues: [1], seed: 1 });
    const one = onlineSgdEnsemble({
      ...base,
      network: { dIn: 1, dOut: 1, depth: 3, width: 1 },
      teacher: scalar,
      init: { kind: 'aligned', eps: 0.5, teacher: scalar },
    });
    // A 1×1 network has nothing off the mode; its layers get identical updates up to the order of products.
    expect(Math.max(...one.misalignment)).toBe(0);
    expect(Math.max(...one.imbalance)).toBeLessThan(1e-13);
  });

  it('should collapse onto u = s without label noise', () => {
    const ensemble = onlineSgdEnsemble({ ...base, labelNoise: 0, steps: 3000, saveEvery: 3000, paths: 8 });
    const saves = ensemble.t.length;
    for (let p = 0; p < 8; p++) {
      // At t = 60 the exponential collapse (rate ≈ 3·1.2^{4/3}) has reached rounding of u ≈ s.
      expect(Math.abs(ensemble.modeStrengths[(p * saves + 1) * 2] - 1.2)).toBeLessThan(1e-12);
      expect(Math.abs(ensemble.modeStrengths[(p * saves + 1) * 2 + 1] - 0.6)).toBeLessThan(1e-12);
    }
  });

  it('should stop a diverging run with a status and the time reached, leaving NaN after it', () => {
    const ensemble = onlineSgdEnsemble({ ...base, lr: 5, steps: 100, saveEvery: 10, paths: 2 });
    expect(ensemble.failed).toBe(2);
    expect(ensemble.status.every((s) => s === 'blow-up' || s === 'non-finite')).toBe(true);
    expect(ensemble.tReached[0]).toBeLessThan(100 * 5);
    const saves = ensemble.t.length;
    expect(Number.isNaN(ensemble.modeStrengths[(saves - 1) * 2])).toBe(true);
    expect(ensemble.message).toMatch(/2 of 2 runs stopped early/);
  });

  it('should refuse hostile options with named errors', () => {
    const hostile = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5);
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom('lr', 'steps', 'paths', 'batch', 'saveEvery', 'seed'),
        (value, field) => {
          // A learning rate of 1.5 and a seed of 0 are valid.
          if ((field === 'lr' && value === 1.5) || (field === 'seed' && value === 0)) return;
          expect(() => onlineSgdEnsemble({ ...base, [field]: value })).toThrow(InvalidArgumentError);
        },
      ),
      { numRuns: 40, seed: 2 },
    );
    expect(() => onlineSgdEnsemble({ ...base, labelNoise: -1 })).toThrow(InvalidArgumentError);
    expect(() => onlineSgdEnsemble({ ...base, network: { ...network, dIn: 4 } })).toThrow(
      DimensionMismatchError,
    );
  });
});
