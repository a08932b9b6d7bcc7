/**
 * CORLOUER's "maximal diffusion before the feature is learned": along a mode the squared diffusion is
 * ∝ u^c D(u), c = 4 − 4/L for u (2 − 2/L in parameter space), with D = 2(u − s)² + σ_ξ². Its interior maximum
 * on (0, s) sits at u* = [(c + 1)s − √(s² − c(c + 2)σ_ξ²/2)]/(c + 2) < s, which is 2(L − 1)s/(3L − 2) without
 * label noise. Measured either in the per-mode SDE (its diffusion function, searched on a grid and by golden
 * section: deterministic, to about √ε) or in full-matrix SGD (the per-sample parameter-gradient variance projected
 * on the mode at aligned states, with the same samples at every u; the batches' spread gives the interval).
 */
import fc from 'fast-check';
import {
  batchMeasurement,
  SEARCH_RESOLUTION,
  SGD_BATCHES,
  sdePeak,
  sgdPeaks,
  sgdSampler,
} from '../src/reductions/diffusionPeakMeasure.js';
import { type DiffusionSpace, diffusionPeak, peakThreshold } from '../src/reductions/perModeSdePeak.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

export interface DiffusionPeakSetting {
  readonly depth: number;
  readonly s: number;
  readonly labelNoise: number;
  readonly space: DiffusionSpace;
  readonly measuredIn: 'sde' | 'sgd';
  /** dIn = dOut = hidden width of the network (SGD only). */
  readonly dims: number;
}

const SAMPLES_PER_BATCH: Record<Budget, number> = { quick: 1000, standard: 4000, full: 16000 };

export const corlouerDiffusionPeak: Theorem<DiffusionPeakSetting> = {
  id: 'corlouer-diffusion-peak',
  title: 'The diffusion along a mode peaks at u* < s, before the mode is learned',
  source: 'CORLOUER §2 [P] (maximal diffusion precedes learning); THEORY.md §2 [D] (u*)',
  statement:
    'The squared diffusion of the mode strength, ∝ u^c(2(u − s)² + σ_ξ²), has its interior maximum on (0, s) at ' +
    'u* = [(c + 1)s − √(s² − c(c + 2)σ_ξ²/2)]/(c + 2): 2(L − 1)s/(3L − 2) without label noise (0.5s, 0.571s, ' +
    '0.6s for L = 2, 3, 4).',
  assumptions: [
    'aligned, balanced states; x ~ N(0, I)',
    'σ_ξ²/s² below 2/(c(c + 2)), so that the interior maximum exists',
  ],
  settings: fc
    .record({
      depth: fc.integer({ min: 2, max: 5 }),
      s: fc.double({ min: 0.5, max: 2, noNaN: true }),
      fraction: fc.double({ min: 0, max: 0.8, noNaN: true }),
      space: fc.constantFrom<DiffusionSpace>('end-to-end', 'parameter'),
      measuredIn: fc.constantFrom<'sde' | 'sgd'>('sde', 'sgd'),
      dims: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ fraction, ...rest }) => ({
      ...rest,
      labelNoise: rest.s * Math.sqrt(fraction * peakThreshold(rest.depth, rest.space)),
    })),
  defaultSetting: { depth: 3, s: 1, labelNoise: 0.2, space: 'end-to-end', measuredIn: 'sgd', dims: 2 },
  predict: (setting) =>
    diffusionPeak(setting.depth, setting.space, setting.s, setting.labelNoise) / setting.s,
  measure(setting, context): Measurement {
    const { depth, s, labelNoise, space } = setting;
    if (setting.measuredIn === 'sde') {
      const peak = sdePeak(depth, s, labelNoise, space);
      if (peak === undefined)
        return { value: Number.NaN, failure: 'the SDE’s diffusion has no interior maximum' };
      const half = (peak.bracket[1] - peak.bracket[0]) / 2 + SEARCH_RESOLUTION * s;
      return {
        value: peak.x / s,
        ci95: [peak.x / s - half / s, peak.x / s + half / s],
        evidence: { bracket: peak.bracket },
      };
    }
    const samples = SAMPLES_PER_BATCH[context.budget];
    const sampler = sgdSampler(setting, samples, context.seed);
    const peaks = sgdPeaks(sampler, s, labelNoise).map((u) => u / s);
    return batchMeasurement(
      peaks,
      SEARCH_RESOLUTION,
      samples * SGD_BATCHES,
      'show no interior maximum on (0, s)',
    );
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 0.02,
    relative: false,
    why: 'u*/s must be pinned to ±0.02, a tenth of its distance to the learned point s (an equivalence test)',
  },
  quantity: 'peak position u*/s',
};
