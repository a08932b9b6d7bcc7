/**
 * JACOT's γ transition, first half: with init variance σ² = w^{−γ}, the distance from θ₀ to the saddle
 * {W_1 = 0, W_L = 0} is √(‖W_1‖² + ‖W_L‖²) ~ √(σ² w (dIn + dOut)) ~ w^{(1−γ)/2}: it grows with the width for
 * γ < 1 (lazy regime, far from every saddle) and shrinks for γ > 1 (the saddle-to-saddle regime). The check
 * fits the power law over widths 64…1024 with independent draws, with the O(1/w) finite-width correction in
 * ln(distance) as a third parameter (fitFiniteSizePowerLaw): a bare power law over this window biases the
 * minimum-distance exponent by 0.01 (L = 3) to 0.02 (L = 4), more than its interval.
 */
import fc from 'fast-check';
import { fitFiniteSizePowerLaw } from '../src/analysis/fitFiniteSizePowerLaw.js';
import { distanceSweep } from '../src/networks/saddleDistances.js';
import { createTeacher } from '../src/networks/teacher.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

export interface GammaSweepSetting {
  readonly gamma: number;
  readonly depth: number;
  /** dIn = dOut. */
  readonly dims: number;
  readonly widths: readonly number[];
}

/**
 * Draws per width. The saddle distance concentrates like 1/√(w(dIn + dOut)) (hundreds of entries), the minimum
 * distance only like 1/√(dIn·dOut) through the entries of W₀, so the latter needs more draws to decide.
 */
export const GAMMA_REPLICATES: Record<'saddle' | 'minimum', Record<Budget, number>> = {
  saddle: { quick: 6, standard: 16, full: 40 },
  minimum: { quick: 24, standard: 60, full: 150 },
};

/** The fitted width exponent of a distance, as a Measurement with a log-log plot. */
export function widthExponent(
  setting: GammaSweepSetting,
  distance: 'saddle' | 'minimum',
  predicted: number,
  { seed, budget }: { seed: number; budget: Budget },
): Measurement {
  const { gamma, depth, dims, widths } = setting;
  const teacher = createTeacher({ dIn: dims, dOut: dims, singularValues: [1, 0.5], seed });
  const sweep = distanceSweep({
    distance,
    gamma,
    depth,
    widths,
    replicates: GAMMA_REPLICATES[distance][budget],
    teacher,
    seed,
  });
  const fit = fitFiniteSizePowerLaw(sweep.widths, sweep.distances);
  return {
    value: fit.exponent,
    ci95: fit.ci95,
    samples: sweep.widths.length,
    evidence: {
      fit: fit.formula,
      plots: [
        {
          kind: 'loglog',
          title: `distance to the nearest ${distance === 'saddle' ? 'saddle' : 'global minimum'} (γ = ${gamma})`,
          xLabel: 'width',
          yLabel: 'distance',
          points: sweep.widths.map((x, k) => ({ x, y: sweep.distances[k] })),
          fitted: { prefactor: fit.prefactor, exponent: fit.exponent },
          predicted: { prefactor: fit.prefactor, exponent: predicted },
        },
      ],
    },
  };
}

/**
 * γ stays away from (L − 1)/L (2/3 for L = 3, 3/4 for L = 4), where ‖W₀‖ and ‖W*‖ are of the same size over
 * these widths and the minimum distance is between its two power laws.
 */
export const GAMMA_SETTINGS = fc.record({
  gamma: fc.constantFrom(0.5, 1.25, 1.5, 2),
  depth: fc.integer({ min: 3, max: 4 }),
  // With dIn·dOut ≥ 9 entries the norms of W₀ fluctuate little enough for quick budgets to decide.
  dims: fc.integer({ min: 3, max: 4 }),
  widths: fc.constant([64, 128, 256, 512, 1024]),
});

export const jacotGammaSaddle: Theorem<GammaSweepSetting> = {
  id: 'jacot-gamma-saddle',
  title: 'Distance from init to the saddle {W_1 = 0, W_L = 0} scales as w^{(1−γ)/2}',
  source: 'JACOT (arXiv 2106.15933) [P] γ transition; THEORY.md §1 [D]',
  statement:
    'With init variance w^{−γ}, the distance √(‖W_1‖² + ‖W_L‖²) from θ₀ to the saddle {W_1 = 0, W_L = 0} ' +
    'scales as w^{(1−γ)/2}: it grows with width for γ < 1 and vanishes for γ > 1.',
  assumptions: ['i.i.d. N(0, w^{−γ}) entries in every layer', 'input and output dimensions fixed as w grows'],
  settings: GAMMA_SETTINGS,
  defaultSetting: { gamma: 1.5, depth: 3, dims: 4, widths: [64, 128, 256, 512, 1024] },
  predict: ({ gamma }) => (1 - gamma) / 2,
  measure: (setting, context) => widthExponent(setting, 'saddle', (1 - setting.gamma) / 2, context),
  comparison: {
    kind: 'containment',
    halfWidth: 0.05,
    why: 'the exponents at the γ values checked differ by at least 0.125; ±0.05 tells them apart',
  },
  quantity: 'width exponent of the distance to the saddle',
};
