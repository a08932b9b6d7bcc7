/**
 * JACOT's γ transition, second half: the distance from θ₀ to the nearest global minimum, to first order the
 * least-norm step ‖J⁺(W* − W₀)‖ (J the Jacobian of θ ↦ W), scales as (NTK eigenvalue)^{−1/2} ‖W* − W₀‖. The
 * NTK K = J Jᵀ grows like (σ² w)^{L−1}, so with σ² = w^{−γ} the distance is w^{(γ−1)(L−1)/2} ‖W* − W₀‖.
 *
 * THEORY.md §1 takes ‖W* − W₀‖ = O(1). That holds for γ ≥ (L−1)/L only: the entries of W₀ have variance
 * σ^{2L} w^{L−1} = w^{L−1−γL}, so for γ < (L−1)/L the initial map itself grows, ‖W* − W₀‖ ~ w^{(L−1−γL)/2}, and
 * the distance scales as w^{−γ/2}. The prediction here is the exponent with that factor included:
 *   (γ − 1)(L − 1)/2 + max(0, (L − 1 − γL)/2),
 * which is THEORY's (γ − 1)(L − 1)/2 for γ ≥ (L−1)/L and −γ/2 below (−0.25 instead of −0.5 at γ = 0.5, L = 3).
 */
import { GAMMA_SETTINGS, type GammaSweepSetting, widthExponent } from './jacot-gamma-saddle.js';
import type { Theorem } from './theorem.js';

/** The width exponent of ‖J⁺(W* − W₀)‖ (see the file header). */
export function minimumDistanceExponent(gamma: number, depth: number): number {
  return ((gamma - 1) * (depth - 1)) / 2 + Math.max(0, (depth - 1 - gamma * depth) / 2);
}

export const jacotGammaMinimum: Theorem<GammaSweepSetting> = {
  id: 'jacot-gamma-minimum',
  title: 'Distance from init to the nearest global minimum scales as w^{(γ−1)(L−1)/2}',
  source: 'JACOT (arXiv 2106.15933) [P] γ transition; THEORY.md §1 [D], corrected for γ < (L−1)/L',
  statement:
    'With init variance w^{−γ}, the least-norm linearized step to the teacher, ‖J⁺(W* − W₀)‖, scales as ' +
    'w^{(γ−1)(L−1)/2} for γ ≥ (L−1)/L (γ > 1: far from every global minimum; γ < 1: close to one), and as ' +
    'w^{−γ/2} below, where the initial map W₀ itself grows with the width.',
  assumptions: [
    'i.i.d. N(0, w^{−γ}) entries in every layer',
    'distance measured to first order (the linearized step), as in THEORY.md §1',
    'hidden widths ≥ dIn·dOut, so the tangent kernel is invertible',
    'γ away from (L − 1)/L, where the two regimes of ‖W* − W₀‖ cross over within widths 64…1024',
  ],
  settings: GAMMA_SETTINGS,
  defaultSetting: { gamma: 2, depth: 3, dims: 4, widths: [64, 128, 256, 512, 1024] },
  predict: ({ gamma, depth }) => minimumDistanceExponent(gamma, depth),
  measure: (setting, context) =>
    widthExponent(setting, 'minimum', minimumDistanceExponent(setting.gamma, setting.depth), context),
  comparison: {
    kind: 'containment',
    halfWidth: 0.1,
    why: 'the exponents at the γ values checked differ by at least 0.25; ±0.1 tells them apart',
  },
  quantity: 'width exponent of the linearized distance to the teacher',
};
