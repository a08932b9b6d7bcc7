/**
 * With label noise the diffusion along a mode keeps an interior peak on (0, s) exactly while
 * σ_ξ²/s² < 2/(c(c + 2)), c = 4 − 4/L for u (0.25, 0.161, 0.133 for L = 2, 3, 4) or c = 2 − 2/L in parameter
 * space. The squared diffusion is quadratic in σ_ξ, x(u) + 2σc(u) + σ²n(u), so the peak survives while
 * ∂_u v < 0 somewhere, and the critical σ_ξ is max_u of the positive root σ₊(u) of ∂_u v = 0. Measured in the
 * per-mode SDE (its diffusion at σ_ξ = 0, 1, 2 gives x, c, n exactly) or in full-matrix SGD (the projected
 * per-sample gradient variance splits into input and label-noise parts by linearity of the gradient in ξ; each
 * batch of samples gives one threshold, and their spread the interval).
 */
import fc from 'fast-check';
import {
  batchMeasurement,
  SGD_BATCHES,
  sdeNoiseThreshold,
  sgdNoiseThresholds,
  sgdSampler,
} from '../src/reductions/diffusionPeakMeasure.js';
import { type DiffusionSpace, peakThreshold } from '../src/reductions/perModeSdePeak.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

export interface PeakThresholdSetting {
  readonly depth: number;
  readonly s: number;
  readonly space: DiffusionSpace;
  readonly measuredIn: 'sde' | 'sgd';
  /** dIn = dOut = hidden width of the network (SGD only). */
  readonly dims: number;
}

const SAMPLES_PER_BATCH: Record<Budget, number> = { quick: 2000, standard: 8000, full: 32000 };
/** Central differences of step 1e-5 s and a golden-section search to 1e-8 leave well under this. */
const SDE_RESOLUTION = 1e-6;

export const corlouerPeakThreshold: Theorem<PeakThresholdSetting> = {
  id: 'corlouer-peak-threshold',
  title: 'The diffusion peak exists exactly while σ_ξ²/s² < 2/(c(c + 2))',
  source: 'CORLOUER §2 [P] (maximal diffusion before learning); THEORY.md §2 [D] (threshold)',
  statement:
    'The squared diffusion ∝ u^c(2(u − s)² + σ_ξ²) has an interior local maximum on (0, s) exactly when ' +
    'σ_ξ²/s² < 2/(c(c + 2)), c = 4 − 4/L (0.25, 0.161, 0.133 for L = 2, 3, 4); in parameter space c = 2 − 2/L.',
  assumptions: ['aligned, balanced states; x ~ N(0, I)', 'label noise ξ ~ N(0, σ_ξ² I)'],
  settings: fc.record({
    depth: fc.integer({ min: 2, max: 5 }),
    s: fc.double({ min: 0.5, max: 2, noNaN: true }),
    space: fc.constantFrom<DiffusionSpace>('end-to-end', 'parameter'),
    measuredIn: fc.constantFrom<'sde' | 'sgd'>('sde', 'sgd'),
    dims: fc.integer({ min: 1, max: 3 }),
  }),
  defaultSetting: { depth: 3, s: 1, space: 'end-to-end', measuredIn: 'sgd', dims: 2 },
  predict: (setting) => peakThreshold(setting.depth, setting.space),
  measure(setting, context): Measurement {
    const { depth, s, space } = setting;
    if (setting.measuredIn === 'sde') {
      const value = sdeNoiseThreshold(depth, s, space);
      if (!Number.isFinite(value))
        return { value, failure: 'no interior maximum of the SDE’s diffusion at σ_ξ = 0' };
      return { value, ci95: [value - SDE_RESOLUTION, value + SDE_RESOLUTION] };
    }
    const samples = SAMPLES_PER_BATCH[context.budget];
    const thresholds = sgdNoiseThresholds(sgdSampler(setting, samples, context.seed), s);
    return batchMeasurement(
      thresholds,
      SDE_RESOLUTION,
      samples * SGD_BATCHES,
      'show no interior maximum at σ_ξ = 0',
    );
  },
  comparison: {
    kind: 'containment',
    halfWidth: 0.02,
    why: 'σ_ξ²/s² at the threshold must be pinned to ±0.02, under a sixth of its smallest value 0.133 (L = 4, u)',
  },
  quantity: 'critical σ_ξ²/s²',
};
