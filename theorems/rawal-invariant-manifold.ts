/**
 * RAWAL's permutation-symmetric submanifold is invariant: gradient flow started on it (identical hidden units,
 * W_1 = 1v_1ᵀ, W_l = c_l11ᵀ, W_L = w1ᵀ; see src/networks/mlpManifold.ts) stays on it. The measurement runs the
 * full network's flow through the whole escape and reports how far each layer has left the manifold.
 */
import fc from 'fast-check';
import { escapeSetup } from '../src/networks/mlpEscapeSetup.js';
import { runEscape } from '../src/networks/mlpEscapeTime.js';
import type { Measurement, Theorem } from './theorem.js';

export interface ManifoldSetting {
  readonly activation: string;
  readonly depth: number;
  readonly bottleneck: number;
  readonly width: number;
  readonly eps: number;
}

export const rawalInvariantManifold: Theorem<ManifoldSetting> = {
  id: 'rawal-invariant-manifold',
  title: 'Gradient flow started on the permutation-symmetric submanifold stays on it',
  source: 'RAWAL §3 (permutation-symmetric submanifold); THEORY.md §3',
  statement:
    'Hidden-unit permutations leave the loss invariant, so their fixed set (identical units in every hidden ' +
    'layer) is invariant under gradient flow: a flow started there deviates from it only by round-off.',
  assumptions: [
    'σ acts entrywise (any activation)',
    'the initial point is exactly symmetric; the flow is integrated through the escape',
  ],
  settings: fc
    .record({
      activation: fc.constantFrom('linear', 'tanh', 'erf', 'sin', 'gelu', 'silu', 'sigmoid', 'softplus'),
      depth: fc.integer({ min: 2, max: 6 }),
      bottleneck: fc.integer({ min: 1, max: 6 }),
      width: fc.integer({ min: 2, max: 16 }),
      eps: fc.double({ min: 1e-3, max: 0.05, noNaN: true }),
    })
    .filter((s) => s.bottleneck <= s.depth),
  defaultSetting: { activation: 'tanh', depth: 5, bottleneck: 3, width: 15, eps: 0.01 },
  predict: () => 0,
  measure(setting, { seed }): Measurement {
    const setup = escapeSetup({ ...setting, seed, sampleSize: 128, dOut: 2, singularValues: [1, 0.5] });
    const result = runEscape(setup, { rtol: 1e-8, maxSteps: 10000, tMax: 1e12 });
    return {
      value: result.finalManifoldDeviation,
      evidence: {
        steps: result.steps,
        escapeTime: result.escapeTime,
        status: result.status,
        finalLayerDeviation: result.finalManifoldDeviation,
      },
    };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 1e-11,
    relative: false,
    why: 'only round-off breaks the symmetry: a few ulp per step (kernels may sum an odd unit in another order) over at most 1e4 steps',
  },
  quantity: 'largest relative distance of a layer from the symmetric manifold after the escape',
};
