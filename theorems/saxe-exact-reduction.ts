/**
 * From aligned, balanced weights the full-matrix gradient flow of a deep linear network stays aligned and
 * balanced, and each teacher mode's strength u_k = u_kᵀ W v_k follows its own per-mode ODE
 * du/dt = L u^{2−2/L}(s_k − u) exactly. The check integrates both — the full flow on every parameter, the modes
 * in log coordinates — to the same save times across every escape and compares them.
 */
import fc from 'fast-check';
import { deepLinearNetwork } from '../src/networks/deepLinearNetwork.js';
import { createTeacher } from '../src/networks/teacher.js';
import { perModeTime } from '../src/reductions/perModeClosedForm.js';
import { solvePerMode } from '../src/reductions/perModeOde.js';
import { gradientFlow } from '../src/training/gradientFlow.js';
import type { Measurement, Theorem } from './theorem.js';

export interface ExactReductionSetting {
  readonly depth: number;
  readonly width: number;
  readonly dIn: number;
  readonly dOut: number;
  /** Teacher singular values, decreasing. */
  readonly singularValues: readonly number[];
  /** Per-layer initial scale of every mode. */
  readonly eps: number;
}

const RTOL_FLOW = 1e-12;
const RTOL_MODES = 1e-13;

export const saxeExactReduction: Theorem<ExactReductionSetting> = {
  id: 'saxe-exact-reduction',
  title: 'From aligned balanced weights every mode follows du/dt = L u^{2−2/L}(s − u)',
  source: 'Saxe, McClelland & Ganguli 2014; THEORY.md §0.3 [B]',
  statement:
    'Started aligned with the teacher and balanced, the full-matrix gradient flow keeps every mode strength ' +
    'u_k(t) = u_kᵀ W(t) v_k equal to the solution of du/dt = L u^{2−2/L}(s_k − u), u(0) = ε^L, at all times.',
  assumptions: [
    'whitened inputs, loss ½‖W − W*‖²',
    'hidden widths ≥ number of modes',
    'gradient flow (no noise)',
  ],
  settings: fc.record({
    depth: fc.integer({ min: 2, max: 5 }),
    width: fc.integer({ min: 3, max: 6 }),
    dIn: fc.integer({ min: 3, max: 5 }),
    dOut: fc.integer({ min: 3, max: 5 }),
    singularValues: fc.constantFrom([3, 2, 1], [2, 1.2, 0.5], [1.5, 1, 0.8]),
    eps: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
  }),
  defaultSetting: { depth: 3, width: 5, dIn: 4, dOut: 3, singularValues: [3, 2, 1], eps: 0.05 },
  predict: () => 0,
  measure(setting, { seed }): Measurement {
    const { depth, width, dIn, dOut, singularValues, eps } = setting;
    const teacher = createTeacher({ dIn, dOut, singularValues, seed });
    const net = deepLinearNetwork({ dIn, dOut, depth, width, init: { kind: 'aligned', eps, teacher } });
    const r = singularValues.length;
    const u0 = eps ** depth;
    // Until the weakest mode is within 1% of its value, on a grid dense on the log-time axis.
    const t1 = 1.2 * perModeTime(depth, singularValues[r - 1], u0, 0.99 * singularValues[r - 1]);
    const saveAt = [0, ...Array.from({ length: 120 }, (_, k) => t1 * 10 ** (-3 + (3 * (k + 1)) / 120))];
    const flow = gradientFlow(net, teacher, { t1, saveAt, rtol: RTOL_FLOW, maxSteps: 200000 });
    const modes = solvePerMode({
      depth,
      s: singularValues,
      u0: Array(r).fill(u0),
      t1,
      saveAt,
      rtol: RTOL_MODES,
    });
    if (flow.status !== 'success') return { value: Number.NaN, failure: flow.message };
    if (modes.status !== 'success') return { value: Number.NaN, failure: modes.message };
    let worst = 0;
    for (let j = 0; j < saveAt.length; j++) {
      for (let k = 0; k < r; k++) {
        const exact = modes.y[j * r + k];
        worst = Math.max(worst, Math.abs(flow.modeStrengths[j * r + k] / exact - 1));
      }
    }
    const series = (source: Float64Array, name: string) =>
      Array.from({ length: r }, (_, k) => ({
        name: `${name} u${k + 1}`,
        y: saveAt.map((_, j) => source[j * r + k]),
      }));
    return {
      value: worst,
      evidence: {
        flowSteps: flow.steps,
        modeSteps: modes.stats.steps,
        t1,
        plots: [
          {
            kind: 'trajectory',
            title: 'mode strengths: full gradient flow and per-mode ODE',
            xLabel: 't',
            yLabel: 'u_k',
            t: saveAt.slice(1),
            series: [...series(flow.modeStrengths, 'flow'), ...series(modes.y, 'ODE')].map((s) => ({
              ...s,
              y: s.y.slice(1),
            })),
            logX: true,
            logY: true,
          },
        ],
      },
    };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 1e-8,
    relative: false,
    why: 'both solves control relative errors to ≤ 1e-12 per step over at most a few thousand steps',
  },
  quantity: 'largest relative gap |u_flow/u_ODE − 1| over modes and times',
};
