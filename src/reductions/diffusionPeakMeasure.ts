/**
 * The diffusion peak and its label-noise threshold, measured two ways (THEORY.md §2):
 *
 * - in the per-mode SDE: from the problem's own diffusion function b (per-layer problem for parameter space,
 *   end-to-end problem for u), v(u) = b(u)² on (0, s); the σ-decomposition of v for the threshold is read off
 *   problems built at σ_ξ = 0, 1, 2 (v is quadratic in σ_ξ: x + 2σc + σ²n);
 * - in full-matrix SGD: from the projected per-sample gradient variance of a ModeNoiseSampler, batch by batch;
 *   the batches' spread gives a Student-t interval.
 */
import { studentTQuantile } from '../analysis/studentTQuantile.js';
import { ModeNoiseSampler, projectedVariance } from '../networks/modeNoiseSampler.js';
import { createTeacher } from '../networks/teacher.js';
import {
  type Bracketed,
  interiorPeak,
  type NoiseDecomposition,
  noiseThreshold,
} from './diffusionPeakSearch.js';
import type { DiffusionSpace } from './perModeSdePeak.js';
import { endToEndModeSde, perLayerModeSde } from './perModeSdeProblem.js';

/** Golden-section search resolves a smooth maximum to about √ε relative; intervals are widened by this. */
export const SEARCH_RESOLUTION = 1e-7;

/** u ↦ b(u)² of the per-mode SDE at label noise σ_ξ, in the given space. */
export function sdeSquaredDiffusion(
  depth: number,
  s: number,
  labelNoise: number,
  space: DiffusionSpace,
): (u: number) => number {
  // η/B only scales b²; the peak and the threshold do not depend on it.
  const args = { depth, s, lr: 1, batch: 1, labelNoise, x0: s, t1: 1, seed: 0 };
  const problem = space === 'end-to-end' ? endToEndModeSde(args) : perLayerModeSde(args);
  const x = new Float64Array(1);
  const out = new Float64Array(1);
  return (u) => {
    x[0] = space === 'end-to-end' ? u : u ** (1 / depth);
    problem.diffusion(0, x, out);
    return out[0] * out[0];
  };
}

/** The interior peak of the SDE's squared diffusion on (0, s), or undefined. */
export function sdePeak(
  depth: number,
  s: number,
  labelNoise: number,
  space: DiffusionSpace,
): Bracketed | undefined {
  return interiorPeak(sdeSquaredDiffusion(depth, s, labelNoise, space), 0.01 * s, s, 400);
}

/** The threshold σ_ξ²/s² of the SDE, with the bracket of the search mapped to it. */
export function sdeNoiseThreshold(depth: number, s: number, space: DiffusionSpace): number {
  const [v0, v1, v2] = [0, 1, 2].map((sigma) => sdeSquaredDiffusion(depth, s, sigma, space));
  const parts = (u: number): NoiseDecomposition => {
    const a = v0(u);
    const b = v1(u);
    const n = (v2(u) - 2 * b + a) / 2;
    return { x: a, c: (b - a - n) / 2, n };
  };
  return noiseThreshold(parts, 0.05 * s, s, 200).sigma ** 2 / (s * s);
}

/** The interior peak of each batch's measured squared diffusion on (0, s) (NaN where there is none). */
export function sgdPeaks(sampler: ModeNoiseSampler, s: number, labelNoise: number, points = 24): number[] {
  return Array.from({ length: sampler.batches }, (_, b) => {
    const v = (u: number): number => projectedVariance(sampler.moments(b, u), labelNoise);
    return interiorPeak(v, 0.02 * s, s, points)?.x ?? Number.NaN;
  });
}

/** Each batch's threshold σ_ξ²/s², searched on (0.3 s, s) where the last interior maximum lives. */
export function sgdNoiseThresholds(sampler: ModeNoiseSampler, s: number, points = 14): number[] {
  return Array.from({ length: sampler.batches }, (_, b) => {
    const parts = (u: number): NoiseDecomposition => {
      const m = sampler.moments(b, u);
      return { x: m.xx, c: m.xn, n: m.nn };
    };
    return noiseThreshold(parts, 0.3 * s, 0.999 * s, points).sigma ** 2 / (s * s);
  });
}

/** Batches of samples per SGD measurement: their spread gives a Student-t interval with 9 degrees of freedom. */
export const SGD_BATCHES = 10;

/** The SGD side of a measurement: a one-mode teacher of strength s on a square network of `dims`. */
export function sgdSampler(
  setting: { depth: number; s: number; space: DiffusionSpace; dims: number },
  samplesPerBatch: number,
  seed: number,
): ModeNoiseSampler {
  const { depth, s, space, dims } = setting;
  const teacher = createTeacher({ dIn: dims, dOut: dims, singularValues: [s], seed });
  return new ModeNoiseSampler({
    depth,
    width: dims,
    teacher,
    space,
    samples: samplesPerBatch,
    batches: SGD_BATCHES,
    seed,
  });
}

/**
 * A measurement from one estimate per batch: the mean with its intervals, or a failure naming how many batches
 * gave no estimate (`what` says why a batch can fail).
 */
export function batchMeasurement(
  estimates: readonly number[],
  resolution: number,
  samples: number,
  what: string,
) {
  const missing = estimates.filter((v) => !Number.isFinite(v)).length;
  if (missing > 0) {
    return { value: Number.NaN, failure: `${missing} of ${estimates.length} batches ${what}` };
  }
  const interval = batchInterval(estimates, resolution);
  return {
    value: interval.mean,
    ci95: interval.ci95,
    ci999: interval.ci999,
    samples,
    evidence: { batchEstimates: estimates, standardError: interval.standardError },
  };
}

/** Mean of batch estimates with Student-t 95% and 99.9% intervals, widened by `resolution`. */
export function batchInterval(values: readonly number[], resolution: number) {
  const k = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / k;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (k - 1));
  const se = sd / Math.sqrt(k);
  const half95 = studentTQuantile(0.975, k - 1) * se + resolution;
  const half999 = studentTQuantile(0.9995, k - 1) * se + resolution;
  return {
    mean,
    standardError: se,
    ci95: [mean - half95, mean + half95] as [number, number],
    ci999: [mean - half999, mean + half999] as [number, number],
  };
}
