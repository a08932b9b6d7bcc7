import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { BUILTIN_ACTIVATIONS } from '../../src/networks/activationsBuiltin.js';
import { layerViews } from '../../src/networks/deepLinearShape.js';
import { mlp } from '../../src/networks/mlp.js';
import { teacherData } from '../../src/networks/mlpData.js';
import { imbalanceRates, neuronImbalanceRates } from '../../src/networks/mlpImbalance.js';
import { heNormalInit } from '../../src/networks/mlpInit.js';
import { MlpObjective } from '../../src/networks/mlpObjective.js';
import { createTeacher } from '../../src/networks/teacher.js';
import { type ImbalanceSetting, rawalImbalanceIdentity } from '../../theorems/rawal-imbalance-identity.js';

const EPS = Number.EPSILON;
const SMOOTH = ['tanh', 'erf', 'sin', 'gelu', 'silu', 'sigmoid', 'softplus'] as const;

type Setting = ImbalanceSetting & { readonly seed: number };

/** The theorem's settings, smooth activations only, with a seed for the weights. */
function settings(): fc.Arbitrary<Setting> {
  return fc
    .tuple(rawalImbalanceIdentity.settings, fc.integer({ min: 0, max: 1000 }))
    .map(([s, seed]) => ({ ...s, seed }))
    .filter((s) => (SMOOTH as readonly string[]).includes(s.activation));
}

function build(s: Setting) {
  const network = mlp(s);
  const teacher = createTeacher({ dIn: s.dIn, dOut: s.dOut, singularValues: [1], seed: s.seed });
  const data = teacherData(teacher, s.dIn, s.sampleSize, s.seed + 1);
  const theta = heNormalInit(network, { bottleneck: 1, eps: s.scale, seed: s.seed + 2 });
  return { objective: new MlpObjective(network, data), theta };
}

describe('the imbalance identity', () => {
  it('should equal the exact derivative of Δ_l along gradient flow to 1e-10 of the cancelling terms', () => {
    fc.assert(
      fc.property(settings(), (s) => {
        const { objective, theta } = build(s);
        const { flow, identity, scale } = imbalanceRates(objective, theta);
        flow.forEach((f, l) => {
          // Both sides are sums of O(N·width²) products that cancel down to φ = zσ' − σ: their round-off is a
          // few hundred ulp of `scale`, far below the 1e-10 the identity is checked to.
          expect(Math.abs(f - identity[l])).toBeLessThanOrEqual(1e-10 * scale[l]);
        });
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });

  it('should hold neuron by neuron', () => {
    fc.assert(
      fc.property(settings(), (s) => {
        const { objective, theta } = build(s);
        for (let layer = 1; layer < s.depth; layer++) {
          const { flow, identity, scale } = neuronImbalanceRates(objective, theta, layer);
          flow.forEach((f, i) => {
            expect(Math.abs(f - identity[i])).toBeLessThanOrEqual(1e-10 * scale[i]);
          });
        }
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it('should not be trivially zero for smooth activations outside class A', () => {
    const { objective, theta } = build({
      activation: 'tanh',
      depth: 3,
      width: 4,
      dIn: 3,
      dOut: 2,
      scale: 1,
      sampleSize: 16,
      seed: 3,
    });
    const { identity, scale } = imbalanceRates(objective, theta);
    // A vanishing identity side here would mean φ was dropped; it is of the order of the terms themselves.
    identity.forEach((v, l) => {
      expect(Math.abs(v)).toBeGreaterThan(1e-3 * scale[l]);
    });
  });

  it('should match the derivative of the loss along the layer-rescaling path, computed without backprop', () => {
    // dΔ_l/dt = −∇Δ_l·∇ℒ = −d/dh ℒ(…, e^{−2h}W_l, e^{2h}W_{l+1}, …) at h = 0: forward passes only.
    for (const activation of SMOOTH) {
      const s = { activation, depth: 4, width: 5, dIn: 3, dOut: 2, scale: 0.8, sampleSize: 16, seed: 21 };
      const { objective, theta } = build(s);
      const { flow } = imbalanceRates(objective, theta);
      const views = layerViews(objective.network.shape, theta);
      for (let l = 1; l < s.depth; l++) {
        const along = (h: number) => {
          const moved = theta.slice();
          const layers = layerViews(objective.network.shape, moved);
          layers[l - 1].data.set(views[l - 1].data.map((w) => w * Math.exp(-2 * h)));
          layers[l].data.set(views[l].data.map((w) => w * Math.exp(2 * h)));
          return objective.loss(moved);
        };
        const h = 1e-3;
        const slope = (8 * (along(h) - along(-h)) - (along(2 * h) - along(-2 * h))) / (12 * h);
        // Five-point stencil: truncation h⁴|f⁽⁵⁾|/30 with |f⁽⁵⁾| ≲ 32·4⁴ ≈ 1e4 gives 3e-10, round-off ε|ℒ|/h ≈ 2e-13.
        expect(Math.abs(-slope - flow[l - 1])).toBeLessThan(1e-9 * Math.max(1, Math.abs(flow[l - 1])));
      }
    }
  });

  for (const name of ['linear', 'relu'] as const) {
    it(`should conserve the ${name === 'relu' ? 'per-neuron' : 'layer'} imbalance exactly for ${name}`, () => {
      fc.assert(
        fc.property(settings(), (s) => {
          const { objective, theta } = build({ ...s, activation: name });
          for (let layer = 1; layer < s.depth; layer++) {
            const rates = neuronImbalanceRates(objective, theta, layer);
            rates.identity.forEach((v, i) => {
              expect(Math.abs(v)).toBe(0);
              // The flow side is a difference of two equal sums: round-off only, 64 ulp of their size.
              expect(Math.abs(rates.flow[i])).toBeLessThanOrEqual(64 * EPS * rates.scale[i]);
            });
          }
        }),
        { numRuns: 40, seed: 11 },
      );
    });
  }

  it('should refuse a layer outside 1..L−1 and a parameter vector of the wrong length', () => {
    const { objective, theta } = build({
      activation: 'tanh',
      depth: 3,
      width: 4,
      dIn: 2,
      dOut: 1,
      scale: 1,
      sampleSize: 8,
      seed: 1,
    });
    for (const layer of [0, 3, 1.5, Number.NaN]) {
      expect(() => neuronImbalanceRates(objective, theta, layer)).toThrow(InvalidArgumentError);
    }
    expect(() => imbalanceRates(objective, theta.subarray(1))).toThrow(DimensionMismatchError);
  });

  it('should list every smooth built-in among the activations it checks', () => {
    const smooth = Object.values(BUILTIN_ACTIVATIONS)
      .filter((a) => !a.positivelyHomogeneous)
      .map((a) => a.name);
    expect([...smooth].sort()).toEqual([...SMOOTH].sort());
  });
});
