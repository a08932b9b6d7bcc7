/**
 * Geometric Brownian motion dX_i = mu_i X_i dt + sigma_i X_i dW (Kloeden & Platen 1992, §4.4):
 *
 *   Itô:           X_i(t) = x0_i exp((mu_i - sigma_i^2 / 2) t + sigma_i W_t)
 *   Stratonovich:  X_i(t) = x0_i exp(mu_i t + sigma_i W_t)
 *
 * The scalar problem has one component; the diagonal one three independent components, each with its own W_i.
 */
import type { NoiseKind, VectorField } from '../types.js';
import { defineReference, type ReferenceOptions, type ReferenceProblem } from './referenceProblem.js';

interface GbmParameters {
  readonly mu: readonly number[];
  readonly sigma: readonly number[];
  readonly x0: readonly number[];
}

const SCALAR: GbmParameters = { mu: [0.5], sigma: [0.8], x0: [1] };
const DIAGONAL: GbmParameters = { mu: [0.5, -0.3, 1], sigma: [0.8, 0.4, 0.6], x0: [1, 2, 0.5] };

/** Scalar noise, d = 1. */
export function geometricBrownianMotion(options: ReferenceOptions = {}): ReferenceProblem {
  const s = SCALAR.sigma[0];
  // (g . grad) g = sigma^2 x.
  const derivative: VectorField = (_t, x, out) => {
    out[0] = s * s * x[0];
  };
  return gbm('geometricBrownianMotion', 'scalar', SCALAR, derivative, options);
}

/** Diagonal noise, d = 3 independent components. */
export function geometricBrownianMotionDiagonal(options: ReferenceOptions = {}): ReferenceProblem {
  const { sigma } = DIAGONAL;
  // dg_i/dx_i = sigma_i.
  const derivative: VectorField = (_t, _x, out) => {
    for (let i = 0; i < sigma.length; i++) out[i] = sigma[i];
  };
  return gbm('geometricBrownianMotionDiagonal', 'diagonal', DIAGONAL, derivative, options);
}

function gbm(
  name: string,
  noise: NoiseKind,
  { mu, sigma, x0 }: GbmParameters,
  diffusionDerivative: VectorField,
  options: ReferenceOptions,
): ReferenceProblem {
  const times =
    (c: readonly number[]): VectorField =>
    (_t, x, out) => {
      for (let i = 0; i < c.length; i++) out[i] = c[i] * x[i];
    };
  return defineReference(options, (ito) => ({
    name,
    source: `${ito ? 'x0 exp((mu - sigma^2/2) t + sigma W)' : 'x0 exp(mu t + sigma W)'}; Kloeden & Platen §4.4`,
    drift: times(mu),
    diffusion: times(sigma),
    diffusionDerivative,
    noise,
    x0,
    exact: (t, W) =>
      Float64Array.from(x0, (x, i) => {
        const rate = ito ? mu[i] - 0.5 * sigma[i] * sigma[i] : mu[i];
        return x * Math.exp(rate * t + sigma[i] * W[noise === 'scalar' ? 0 : i]);
      }),
  }));
}
