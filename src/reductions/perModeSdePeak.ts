/**
 * Where the diffusion of a mode peaks (THEORY.md §2). The squared diffusion is proportional to u^c D(u) with
 * D(u) = 2(u − s)² + σ_ξ² and c = 4 − 4/L end to end (b_u² = (η/B) L² u^{4−4/L} D), or c = 2 − 2/L in
 * parameter space (b_a² = (η/B) a^{2L−2} D = (η/B) u^{2−2/L} D). Setting the derivative
 * u^{c−1}[cD + 4u(u − s)] to zero gives (2c + 4)u² − (4c + 4)su + c(2s² + σ_ξ²) = 0, whose roots are real
 * exactly when σ_ξ²/s² < 2/(c(c + 2)); the smaller root is the local maximum
 *
 *     u* = [(c + 1)s − √(s² − c(c + 2)σ_ξ²/2)]/(c + 2),
 *
 * which is c s/(c + 2) = 2(L − 1)s/(3L − 2) without label noise: before the mode is learned.
 */
import { integerInRange, nonNegativeNumber, oneOf, positiveNumber } from '../validate.js';

/** Which diffusion: of the end-to-end strength u, or of the per-layer parameter a. */
export type DiffusionSpace = 'end-to-end' | 'parameter';
export const DIFFUSION_SPACES: readonly DiffusionSpace[] = ['end-to-end', 'parameter'];

/** c = 4 − 4/L (end to end) or 2 − 2/L (parameter space). */
export function diffusionExponent(depth: number, space: DiffusionSpace): number {
  const L = integerInRange('depth', depth, 2, 64);
  return oneOf('space', space, DIFFUSION_SPACES) === 'end-to-end' ? 4 - 4 / L : 2 - 2 / L;
}

/** The largest σ_ξ²/s² with an interior peak: 2/(c(c + 2)) (0.25, 0.161, 0.133 end to end for L = 2, 3, 4). */
export function peakThreshold(depth: number, space: DiffusionSpace): number {
  const c = diffusionExponent(depth, space);
  return 2 / (c * (c + 2));
}

/** u^c D(u), the shape of the squared diffusion as a function of the mode strength u ≥ 0. */
export function diffusionShape(
  depth: number,
  space: DiffusionSpace,
  s: number,
  labelNoise: number,
  u: number,
) {
  const c = diffusionExponent(depth, space);
  return u ** c * (2 * (u - s) ** 2 + labelNoise * labelNoise);
}

/** The strength u* at which the diffusion has its interior maximum on (0, s), or NaN when there is none. */
export function diffusionPeak(depth: number, space: DiffusionSpace, s: number, labelNoise: number): number {
  const c = diffusionExponent(depth, space);
  positiveNumber('s', s);
  const sigma = nonNegativeNumber('labelNoise', labelNoise);
  const discriminant = s * s - (c * (c + 2) * sigma * sigma) / 2;
  if (!(discriminant > 0)) return Number.NaN;
  return ((c + 1) * s - Math.sqrt(discriminant)) / (c + 2);
}
