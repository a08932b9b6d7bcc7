/**
 * Stationary laws of the per-mode SDE (THEORY.md §2).
 *
 * - Exact: the zero-flux density of the per-layer SDE on a ∈ (0, ∞), p(a) ∝ [a^{2L−2} D]^{−1} exp(∫ 2f_a/b_a²),
 *   or of the end-to-end SDE on u ∈ (0, ∞), by stationaryDensity. With label noise it is normalizable for
 *   L ≥ 3 and, for L = 2, only when Bs/(η(2s² + σ_ξ²)) > 1/2; without label noise the diffusion vanishes at the
 *   learned point and the law is a Dirac mass there, which the density reports as not normalizable.
 * - Boltzmann: for small η/B, p(a) ≈ exp(−Φ(a)/T) with Φ(a) = (a^L − s)²/(2L) and
 *   T = η σ_ξ² s^{2−2/L}/(2B), whose variance is ≈ η σ_ξ²/(2BL); its gap to the exact law is O(η).
 */
import { type StationaryDensity, stationaryDensity } from '../analysis/stationaryDensity.js';
import { type GibbsDensity, gibbsDensity } from '../langevin/gibbs.js';
import { oneOf } from '../validate.js';
import {
  endToEndDiffusion,
  endToEndDrift,
  integerPower,
  type PerModeParameters,
  perLayerDiffusion,
  perLayerDrift,
  perModeParameters,
} from './perModeSde.js';
import { PER_MODE_FORMS, type PerModeForm } from './perModeSdeProblem.js';

/** The learned value of the coordinate: s^{1/L} per layer, s end to end. */
export function learnedPoint(p: PerModeParameters, form: PerModeForm): number {
  return form === 'per-layer' ? p.s ** (1 / p.depth) : p.s;
}

/** The exact stationary density of the per-mode SDE of the given form on (0, ∞). */
export function perModeStationaryDensity(
  parameters: PerModeParameters,
  form: PerModeForm = 'per-layer',
  relTol = 1e-12,
): StationaryDensity {
  const p = perModeParameters(parameters);
  oneOf('form', form, PER_MODE_FORMS);
  const center = learnedPoint(p, form);
  // With σ_ξ = 0 the diffusion vanishes at the center itself: look from below it.
  const start = p.labelNoise > 0 ? center : 0.5 * center;
  const drift = form === 'per-layer' ? perLayerDrift : endToEndDrift;
  const diffusion = form === 'per-layer' ? perLayerDiffusion : endToEndDiffusion;
  return stationaryDensity(
    (x) => drift(p, x),
    (x) => diffusion(p, x),
    { lower: 0, upper: Number.POSITIVE_INFINITY, center: start, scale: 0.5 * start, relTol },
  );
}

/** T = η σ_ξ² s^{2−2/L}/(2B). */
export function boltzmannTemperature(parameters: PerModeParameters): number {
  const p = perModeParameters(parameters);
  return (p.lr * p.labelNoise * p.labelNoise * p.s ** (2 - 2 / p.depth)) / (2 * p.batch);
}

/** The small-η variance of a under the Boltzmann law, η σ_ξ²/(2BL). */
export function boltzmannVariance(parameters: PerModeParameters): number {
  const p = perModeParameters(parameters);
  return (p.lr * p.labelNoise * p.labelNoise) / (2 * p.batch * p.depth);
}

/** The Boltzmann law exp(−Φ(a)/T)/Z of the per-layer scalar on (0, ∞), Φ(a) = (a^L − s)²/(2L). */
export function boltzmannDensity(parameters: PerModeParameters): GibbsDensity {
  const p = perModeParameters(parameters);
  const center = learnedPoint(p, 'per-layer');
  const potential = (a: number): number => (integerPower(a, p.depth) - p.s) ** 2 / (2 * p.depth);
  const width = Math.sqrt(boltzmannVariance(p));
  return gibbsDensity(potential, boltzmannTemperature(p), {
    lower: 0,
    upper: Number.POSITIVE_INFINITY,
    center,
    scale: Math.min(0.5 * center, 20 * width),
  });
}
