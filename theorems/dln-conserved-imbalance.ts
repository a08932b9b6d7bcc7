/**
 * Gradient flow on a deep linear network conserves every imbalance D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ: the two
 * terms of dD_l/dt are W_{l+1}ᵀ Ẇ_{l+1} + Ẇ_{l+1}ᵀ W_{l+1} and W_l Ẇ_lᵀ + Ẇ_l W_lᵀ, and with
 * Ẇ_l = −S_lᵀ E P_{l−1}ᵀ both equal −(S_lᵀ E P_lᵀ + P_l Eᵀ S_l), so they cancel. The check integrates the flow
 * from a random, unbalanced start through its escapes and measures the largest drift of any D_l at any save
 * time, relative to the size ‖W_{l+1}‖² + ‖W_l‖² of the two terms.
 */
import fc from 'fast-check';
import { imbalanceDrift } from '../src/analysis/imbalanceDrift.js';
import { type SquareProblemSetting, squareProblem } from '../src/networks/squareProblem.js';
import { gradientFlow } from '../src/training/gradientFlow.js';
import type { Measurement, Theorem } from './theorem.js';

export interface ConservedImbalanceSetting extends SquareProblemSetting {
  readonly t1: number;
}

const RTOL = 1e-10;

export const dlnConservedImbalance: Theorem<ConservedImbalanceSetting> = {
  id: 'dln-conserved-imbalance',
  title: 'Gradient flow conserves every W_{l+1}ᵀW_{l+1} − W_l W_lᵀ',
  source: 'Arora, Cohen & Hazan 2018; Du, Hu & Lee 2018 [B]; THEORY.md §0.2',
  statement:
    'Under gradient flow on ½‖W_L⋯W_1 − W*‖² every matrix D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ is constant in time, ' +
    'from any start.',
  assumptions: ['gradient flow (for gradient descent see dln-imbalance-drift)', 'any initialization'],
  settings: fc
    .record({
      depth: fc.integer({ min: 2, max: 5 }),
      width: fc.integer({ min: 2, max: 8 }),
      dims: fc.integer({ min: 2, max: 5 }),
      singularValues: fc.constantFrom([2, 1], [1.5], [3, 1, 0.5]),
      eps: fc.double({ min: 0.2, max: 1, noNaN: true }),
      t1: fc.double({ min: 1, max: 20, noNaN: true }),
    })
    .filter((s) => s.singularValues.length <= s.dims),
  defaultSetting: { depth: 3, width: 6, dims: 4, singularValues: [2, 1], eps: 0.5, t1: 20 },
  predict: () => 0,
  measure(setting, { seed }): Measurement {
    const { teacher, net } = squareProblem(setting, seed);
    const t1 = setting.t1;
    const flow = gradientFlow(net, teacher, { t1, rtol: RTOL, saves: 50, keepParameters: true });
    if (flow.status !== 'success' || flow.parameters === undefined)
      return { value: Number.NaN, failure: flow.message };
    const size = net.size;
    const drifts = Array.from(
      flow.t,
      (_, k) =>
        imbalanceDrift(net, net.theta, flow.parameters!.subarray(k * size, (k + 1) * size)).maxRelative,
    );
    return {
      value: Math.max(...drifts),
      evidence: {
        steps: flow.steps,
        lossDrop: [flow.loss[0], flow.loss[flow.loss.length - 1]],
        plots: [
          {
            kind: 'trajectory',
            title: 'largest relative drift of W_{l+1}ᵀW_{l+1} − W_l W_lᵀ',
            xLabel: 't',
            yLabel: 'drift',
            t: Array.from(flow.t.subarray(1)),
            series: [{ name: 'drift', y: drifts.slice(1) }],
            logY: true,
          },
        ],
      },
    };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 1e-7,
    relative: false,
    why: 'the solver keeps each parameter to rtol 1e-10 per step; D_l, quadratic in them, drifts by ≤ 2·steps·1e-10 relative',
  },
  quantity: 'largest relative drift of any imbalance matrix',
};
