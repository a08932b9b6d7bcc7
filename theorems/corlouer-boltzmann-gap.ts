/**
 * With label noise the exact stationary law of the per-layer scalar is approximately Boltzmann,
 * p(a) ∝ exp(−Φ(a)/T) with Φ = (a^L − s)²/(2L) and T = ησ_ξ² s^{2−2/L}/(2B), whose variance is ησ_ξ²/(2BL);
 * the gap between the two closes like η. For each step η of the setting the exact variance is computed by
 * quadrature of the zero-flux density, the relative gap g(η) = Var_exact/Var_Boltzmann − 1 is formed, and the
 * power law g = Cη^p is fitted on log–log axes; the measured exponent p comes with its Student-t interval (the
 * values are deterministic, so the interval reflects the O(η²) curvature of the gap over the range).
 */
import fc from 'fast-check';
import { fitPowerLaw } from '../src/analysis/fits/fitPowerLaw.js';
import { boltzmannVariance, perModeStationaryDensity } from '../src/reductions/perModeSdeStationary.js';
import type { Measurement, Theorem } from './theorem.js';

export interface BoltzmannGapSetting {
  readonly depth: number;
  readonly s: number;
  readonly batch: number;
  readonly labelNoise: number;
  /** The steps η at which the gap is computed (at least 3, small enough for a normalizable law). */
  readonly lrs: readonly number[];
}

export const corlouerBoltzmannGap: Theorem<BoltzmannGapSetting> = {
  id: 'corlouer-boltzmann-gap',
  title: 'The stationary law approaches the Boltzmann law exp(−Φ/T) with a gap of order η',
  source:
    'CORLOUER §2 [P] (approximately Boltzmann with label noise); THEORY.md §2 [D] (T, Var(a), O(η) gap)',
  statement:
    'The variance of the exact stationary law of a exceeds the Boltzmann variance ησ_ξ²/(2BL) by a relative ' +
    'gap proportional to η as η/B → 0: on log–log axes the gap has slope 1. (Check: L = 3, s = 1, σ_ξ = 0.5, ' +
    'η = 0.02, B = 1: exact 8.828e-4, Boltzmann 8.333e-4.)',
  assumptions: ['σ_ξ > 0', 'a normalizable exact law at every η of the sweep'],
  settings: fc.record({
    depth: fc.integer({ min: 3, max: 5 }),
    s: fc.double({ min: 0.5, max: 2, noNaN: true }),
    batch: fc.integer({ min: 1, max: 8 }),
    labelNoise: fc.double({ min: 0.1, max: 1, noNaN: true }),
    lrs: fc.constant([1e-4, 3e-4, 1e-3, 3e-3, 1e-2]),
  }),
  defaultSetting: { depth: 3, s: 1, batch: 1, labelNoise: 0.5, lrs: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2] },
  predict: () => 1,
  measure(setting): Measurement {
    const exact: number[] = [];
    const boltzmann: number[] = [];
    for (const lr of setting.lrs) {
      const p = { ...setting, lr };
      const density = perModeStationaryDensity(p);
      if (!density.normalizable) return { value: Number.NaN, failure: `at η = ${lr}: ${density.message}` };
      if (!Number.isFinite(density.variance)) {
        return { value: Number.NaN, failure: `at η = ${lr} the variance quadrature failed` };
      }
      exact.push(density.variance);
      boltzmann.push(boltzmannVariance(p));
    }
    const gaps = exact.map((v, i) => v / boltzmann[i] - 1);
    if (!gaps.every((g) => g > 0))
      return { value: Number.NaN, failure: `gaps not all positive: ${gaps.join(', ')}` };
    const fit = fitPowerLaw(setting.lrs, gaps);
    return {
      value: fit.exponent,
      ci95: fit.ci95,
      samples: setting.lrs.length,
      evidence: {
        lrs: setting.lrs,
        exactVariance: exact,
        boltzmannVariance: boltzmann,
        relativeGap: gaps,
        fit: fit.formula,
        plots: [
          {
            kind: 'loglog',
            title: 'relative gap Var_exact/Var_Boltzmann − 1',
            xLabel: 'η',
            yLabel: 'relative gap',
            points: setting.lrs.map((x, i) => ({ x, y: gaps[i] })),
            fitted: { prefactor: fit.prefactor, exponent: fit.exponent },
          },
        ],
      },
    };
  },
  comparison: {
    kind: 'containment',
    halfWidth: 0.05,
    why: 'the slope must be 1 within its fit interval, pinned to ±0.05: an O(η^p) gap with p ≠ 1 would show',
  },
  quantity: 'log–log slope of the gap in η',
};
