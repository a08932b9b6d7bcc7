/**
 * Modes are learned one at a time in decreasing order of s, with t_{k+1}/t_k → s_k/s_{k+1} as ε → 0 (aligned,
 * balanced initialization at a common per-layer scale ε).
 *
 * Each escape time is a leading term g(ε)/s_k — g = ln(1/ε) for L = 2, ε^{−(L−2)}/(L − 2) for L ≥ 3 — plus an
 * ε-independent time of the drop itself, plus terms of relative size O(ε^L/s_k) (O(ε²/s_k) for L = 2). The drop
 * times keep the ratio t_{k+1}/t_k away from its limit by O(1/g(ε)), slowly for L = 2. So the limit is measured
 * from how much each escape is delayed when ε shrinks tenfold: Δ_k = t_k(ε/10) − t_k(ε) = [g(ε/10) − g(ε)]/s_k
 * exactly up to the O(ε^L) terms, and Δ_{k+1}/Δ_k equals the limit of t_{k+1}/t_k. The times are those of the
 * full-matrix gradient flow (stiff solver, events on the mode strengths).
 */
import fc from 'fast-check';
import { deepLinearNetwork } from '../src/networks/deepLinearNetwork.js';
import { createTeacher } from '../src/networks/teacher.js';
import { perModeEscapeClosedForm } from '../src/reductions/perModeClosedForm.js';
import { gradientFlowEscapes } from '../src/training/gradientFlowEscapes.js';
import type { Measurement, Theorem } from './theorem.js';

export interface ModeOrderingSetting {
  readonly depth: number;
  /** Distinct, decreasing. */
  readonly singularValues: readonly number[];
  /** The larger of the two scales (the other is ε/10). */
  readonly eps: number;
}

const RTOL = 1e-7;

export const dlnModeOrdering: Theorem<ModeOrderingSetting> = {
  id: 'dln-mode-ordering',
  title: 'Modes are learned in decreasing s with t_{k+1}/t_k → s_k/s_{k+1} as ε → 0',
  source: 'Saxe et al. 2014 [B]; THEORY.md §0.3 [D]',
  statement:
    'From aligned, balanced weights at a common small scale ε, mode k escapes at g(ε)/s_k plus ε-independent ' +
    'terms (g = ln 1/ε for L = 2, ε^{−(L−2)}/(L − 2) for L ≥ 3), so modes are learned one at a time in ' +
    'decreasing s and t_{k+1}/t_k → s_k/s_{k+1}.',
  assumptions: [
    'aligned, balanced initialization with one ε for every mode',
    'ε ≤ 0.01 so the dropped O(ε^L/s) (L = 2: O(ε²/s)) terms are below 1e-4 of the delays',
  ],
  settings: fc.record({
    depth: fc.integer({ min: 2, max: 5 }),
    singularValues: fc.constantFrom([3, 2, 1], [4, 1.5, 0.5], [2, 1.9, 1.1]),
    eps: fc.double({ min: 3e-3, max: 0.01, noNaN: true }),
  }),
  defaultSetting: { depth: 3, singularValues: [3, 2, 1], eps: 0.01 },
  predict: () => 0,
  measure(setting, { seed }): Measurement {
    const { depth, singularValues, eps } = setting;
    const r = singularValues.length;
    const dims = r + 1;
    const teacher = createTeacher({ dIn: dims, dOut: dims, singularValues, seed });
    const times: number[][] = [];
    for (const scale of [eps, eps / 10]) {
      const init = { kind: 'aligned' as const, eps: scale, teacher };
      const net = deepLinearNetwork({ dIn: dims, dOut: dims, depth, width: dims, init });
      const t1 = 2 * perModeEscapeClosedForm({ depth, s: singularValues[r - 1], eps: scale });
      // The per-layer scales that matter are ≥ ε; entries that should be 0 carry rounding noise (≲ 1e-12) that
      // an absolute floor far below ε would make the solver chase.
      const options = { t1, rtol: RTOL, atol: RTOL * scale, stiff: depth >= 3 };
      const result = gradientFlowEscapes(net, teacher, options);
      if (result.escapeTimes.some((t) => t === null)) {
        return { value: Number.NaN, failure: `${result.message} Not every mode escaped at ε = ${scale}.` };
      }
      times.push(result.escapeTimes as number[]);
    }
    const delays = singularValues.map((_, k) => times[1][k] - times[0][k]);
    const deviations = singularValues.slice(0, -1).map((s, k) => {
      const limit = s / singularValues[k + 1];
      return Math.abs(delays[k + 1] / delays[k] / limit - 1);
    });
    const ordered = times.every((row) => row.every((t, k) => k === 0 || t > row[k - 1]));
    return {
      // Learning out of order is a refutation in itself: report it as a full (100%) deviation.
      value: ordered ? Math.max(...deviations) : 1,
      evidence: {
        escapeTimes: { [eps]: times[0], [eps / 10]: times[1] },
        rawRatios: times.map((row) => row.slice(1).map((t, k) => t / row[k])),
        delayRatios: delays.slice(1).map((d, k) => d / delays[k]),
        limits: singularValues.slice(0, -1).map((s, k) => s / singularValues[k + 1]),
        ordered,
      },
    };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 1e-3,
    relative: false,
    why: 'the dropped terms are below 1e-4 of the delays for ε ≤ 0.01 and the times are integrated to 1e-7 per step (about 1e-5 relative in all)',
  },
  quantity: 'largest relative gap of Δt_{k+1}/Δt_k from s_k/s_{k+1}',
};
