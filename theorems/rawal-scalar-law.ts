/**
 * The scalar escape law itself: integrating ẏ = Γy^{r−1} from ε until y = ϑ (an event, in log coordinates)
 * takes (1/Γ)∫_ε^ϑ y^{−(r−1)} dy: 0.09, 2.3026, 90, 4950 for r = 1..4 at ε = 0.01, ϑ = 0.1, Γ = 1, i.e. Θ(1),
 * Θ(ln 1/ε) and Θ(ε^{−(r−2)}).
 */
import fc from 'fast-check';
import { scalarEscapeIntegral } from '../src/reductions/scalarEscape.js';
import { scalarEscapeTime } from '../src/reductions/scalarEscapeTime.js';
import type { Measurement, Theorem } from './theorem.js';

export interface ScalarLawSetting {
  readonly bottleneck: number;
  readonly rate: number;
  readonly eps: number;
  readonly threshold: number;
}

export const rawalScalarLaw: Theorem<ScalarLawSetting> = {
  id: 'rawal-scalar-law',
  title: 'The scalar escape ODE ẏ = Γy^{r−1} takes (1/Γ)∫_ε^ϑ y^{−(r−1)} dy to reach ϑ',
  source: 'RAWAL §3 (escape time to a fixed threshold); THEORY.md §3',
  statement:
    'The time for ẏ = Γy^{r−1} to grow from ε to ϑ is (ϑ − ε)/Γ for r = 1, ln(ϑ/ε)/Γ for r = 2 and ' +
    '(ε^{2−r} − ϑ^{2−r})/((r − 2)Γ) for r ≥ 3; with ε = 0.01, ϑ = 0.1, Γ = 1: 0.09, 2.3026, 90, 4950.',
  assumptions: ['ε < ϑ, Γ > 0'],
  settings: fc.record({
    bottleneck: fc.integer({ min: 1, max: 8 }),
    rate: fc.double({ min: 0.1, max: 10, noNaN: true }),
    eps: fc.double({ min: 1e-3, max: 0.05, noNaN: true }),
    threshold: fc.double({ min: 0.06, max: 1, noNaN: true }),
  }),
  defaultSetting: { bottleneck: 3, rate: 1, eps: 0.01, threshold: 0.1 },
  predict: (setting) => scalarEscapeIntegral(setting),
  measure(setting): Measurement {
    const result = scalarEscapeTime({ ...setting, rtol: 1e-10 });
    if (result.escapeTime === null) return { value: Number.NaN, failure: result.message };
    return { value: result.escapeTime, evidence: { steps: result.steps, closedForm: result.closedForm } };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 1e-8,
    relative: true,
    why: 'the solve controls the error in ln y to 1e-10 per step over at most a few hundred steps',
  },
  quantity: 'escape time',
};
