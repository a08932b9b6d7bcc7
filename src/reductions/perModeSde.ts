/**
 * The per-mode SDE of online SGD on an aligned, balanced deep linear network (THEORY.md §2, CORLOUER). With
 * step η, batch B and label noise σ_ξ, the per-layer scalar a of one teacher mode of strength s obeys the Itô SDE
 *
 *     da = a^{L−1}(s − a^L) dt + √(η/B) a^{L−1} √D dW,      D = 2(a^L − s)² + σ_ξ²,
 *
 * and the end-to-end strength u = a^L, by Itô's lemma,
 *
 *     du = [ L u^{2−2/L}(s − u) + (η/2B) L(L−1) u^{3−4/L} D ] dt + √(η/B) L u^{2−2/L} √D dW.
 *
 * D(u) = 2(u − s)² + σ_ξ² is the per-sample variance of the mode gradient (E z⁴ = 3 for z ~ N(0, 1)). Powers of
 * u are those of a: u^{2−2/L} = a^{2L−2} = |u|^{2−2/L} and u^{3−4/L} = a^{3L−4} = sign(u)|u|^{3−4/L}, so the
 * end-to-end coefficients are defined for negative u when L is odd (a < 0) and agree with the per-layer form.
 */
import { InvalidArgumentError } from '../errors.js';
import { integerInRange, nonNegativeNumber, positiveNumber } from '../validate.js';

/** The parameters shared by every per-mode quantity. */
export interface PerModeParameters {
  /** Number of weight matrices L ≥ 2. */
  readonly depth: number;
  /** The teacher's singular value s > 0 for this mode. */
  readonly s: number;
  /** Learning rate η > 0 (time t = kη). */
  readonly lr: number;
  /** Batch size B ≥ 1. */
  readonly batch: number;
  /** Label-noise standard deviation σ_ξ ≥ 0. */
  readonly labelNoise: number;
}

/** Validates the per-mode parameters (a named error for the first bad field) and returns a clean copy. */
export function perModeParameters(value: unknown): PerModeParameters {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError('parameters', value, 'an object {depth, s, lr, batch, labelNoise}');
  }
  const p = value as Record<string, unknown>;
  return {
    depth: integerInRange('depth', p.depth, 2, 64),
    s: positiveNumber('s', p.s),
    lr: positiveNumber('lr', p.lr, 'The SDE models SGD with a step η > 0.'),
    batch: integerInRange('batch', p.batch, 1, 2 ** 30),
    labelNoise: nonNegativeNumber('labelNoise', p.labelNoise),
  };
}

/** a^n for a small integer n ≥ 0 by repeated multiplication (exact sign, no Math.pow). */
export function integerPower(a: number, n: number): number {
  let out = 1;
  for (let k = 0; k < n; k++) out *= a;
  return out;
}

/** D(u) = 2(u − s)² + σ_ξ², the per-sample variance of the mode gradient at strength u. */
export function gradientVariance(p: PerModeParameters, u: number): number {
  const e = u - p.s;
  return 2 * e * e + p.labelNoise * p.labelNoise;
}

/** Per-layer drift a^{L−1}(s − a^L). */
export function perLayerDrift(p: PerModeParameters, a: number): number {
  const power = integerPower(a, p.depth - 1);
  return power * (p.s - power * a);
}

/** Per-layer diffusion √(η/B) a^{L−1} √D(a^L). */
export function perLayerDiffusion(p: PerModeParameters, a: number): number {
  const power = integerPower(a, p.depth - 1);
  return Math.sqrt(p.lr / p.batch) * power * Math.sqrt(gradientVariance(p, power * a));
}

/**
 * d/da of the per-layer diffusion, for Milstein's b·b': √(η/B) [ (L−1) a^{L−2} √D + a^{L−1} D'/(2√D) ] with
 * D' = dD/da = 4(a^L − s) L a^{L−1}. Where D = 0 (σ_ξ = 0 at u = s) the one-sided derivative of √D is used,
 * √2 L a^{L−1} sign(a^L − s).
 */
export function perLayerDiffusionSlope(p: PerModeParameters, a: number): number {
  const L = p.depth;
  const below = integerPower(a, L - 2);
  const power = below * a;
  const e = power * a - p.s;
  const d = gradientVariance(p, power * a);
  const root = Math.sqrt(d);
  const rootSlope = d > 0 ? (2 * e * L * power) / root : Math.SQRT2 * L * power * Math.sign(e);
  return Math.sqrt(p.lr / p.batch) * ((L - 1) * below * root + power * rootSlope);
}

/** |u|^{2−2/L}, the end-to-end factor a^{2L−2}. */
function evenPower(p: PerModeParameters, u: number): number {
  return Math.abs(u) ** (2 - 2 / p.depth);
}

/** End-to-end drift L u^{2−2/L}(s − u) + (η/2B) L(L−1) u^{3−4/L} D(u) (the second term is Itô's correction). */
export function endToEndDrift(p: PerModeParameters, u: number): number {
  const L = p.depth;
  const ito = Math.sign(u) * Math.abs(u) ** (3 - 4 / L);
  return (
    L * evenPower(p, u) * (p.s - u) + (p.lr / (2 * p.batch)) * L * (L - 1) * ito * gradientVariance(p, u)
  );
}

/** End-to-end diffusion √(η/B) L u^{2−2/L} √D(u). */
export function endToEndDiffusion(p: PerModeParameters, u: number): number {
  return Math.sqrt(p.lr / p.batch) * p.depth * evenPower(p, u) * Math.sqrt(gradientVariance(p, u));
}

/**
 * d/du of the end-to-end diffusion: √(η/B) L [ (2 − 2/L) |u|^{1−2/L} sign(u) √D + |u|^{2−2/L} D'/(2√D) ] with
 * D' = 4(u − s); at D = 0 the one-sided slope √2 sign(u − s) of √D is used.
 */
export function endToEndDiffusionSlope(p: PerModeParameters, u: number): number {
  const L = p.depth;
  const e = u - p.s;
  const d = gradientVariance(p, u);
  const root = Math.sqrt(d);
  const rootSlope = d > 0 ? (2 * e) / root : Math.SQRT2 * Math.sign(e);
  const slope = (2 - 2 / L) * Math.sign(u) * Math.abs(u) ** (1 - 2 / L);
  return Math.sqrt(p.lr / p.batch) * L * (slope * root + evenPower(p, u) * rootSlope);
}
