import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIVATIONS } from '../../src/networks/activationsBuiltin.js';
import { mlp } from '../../src/networks/mlp.js';
import { teacherData } from '../../src/networks/mlpData.js';
import { imbalanceRates, neuronImbalanceRates } from '../../src/networks/mlpImbalance.js';
import { heNormalInit } from '../../src/networks/mlpInit.js';
import { MlpObjective } from '../../src/networks/mlpObjective.js';
import { createTeacher } from '../../src/networks/teacher.js';

const EPS = Number.EPSILON;
const SMOOTH = ['tanh', 'erf', 'sin', 'gelu', 'silu', 'sigmoid', 'softplus'] as const;

const setting = fc.record({
  activation: fc.constantFrom(...SMOOTH),
  depth: fc.integer({ min: 2, max: 5 }),
  width: fc.integer({ min: 1, max: 6 }),
  dIn: fc.integer({ min: 1, max: 4 }),
  dOut: fc.integer({ min: 1, max: 3 }),
  eps: fc.double({ min: 1e-3, max: 2, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

function build(s: {
  activation: string;
  depth: number;
  width: number;
  dIn: number;
  dOut: number;
  eps: number;
  seed: number;
}) {
  const network = mlp({ ...s });
  const teacher = createTeacher({ dIn: s.dIn, dOut: s.dOut, singularValues: [1], seed: s.seed });
  const data = teacherData(teacher, s.dIn, 16, s.seed + 1);
  const theta = heNormalInit(network, { bottleneck: 1, eps: s.eps, seed: s.seed + 2 });
  return { objective: new MlpObjective(network, data), theta };
}

describe('the imbalance identity', () => {
  it('should equal the exact derivative of Δ_l along gradient flow to 1e-10 of the cancelling terms', () => {
    fc.assert(
      fc.property(setting, (s) => {
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
      fc.property(setting, (s) => {
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
      eps: 1,
      seed: 3,
    });
    const { identity, scale } = imbalanceRates(objective, theta);
    // A vanishing identity side here would mean φ was dropped; it is of the order of the terms themselves.
    identity.forEach((v, l) => {
      expect(Math.abs(v)).toBeGreaterThan(1e-3 * scale[l]);
    });
  });

  for (const name of ['linear', 'relu'] as const) {
    it(`should conserve the ${name === 'relu' ? 'per-neuron' : 'layer'} imbalance exactly for ${name}`, () => {
      fc.assert(
        fc.property(setting, (s) => {
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

  it('should list every smooth built-in among the activations it checks', () => {
    const smooth = Object.values(BUILTIN_ACTIVATIONS)
      .filter((a) => !a.positivelyHomogeneous)
      .map((a) => a.name);
    expect([...smooth].sort()).toEqual([...SMOOTH].sort());
  });
});
