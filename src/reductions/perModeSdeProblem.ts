/**
 * The per-mode SDEs of perModeSde.ts as SdeProblem factories taking plain JSON arguments, so that ensembles can
 * name them by module URL and export ({module, export, args}) and every worker thread builds its own copy.
 * Both are Itô problems with scalar noise and carry the derivative Milstein needs, b·b'.
 */
import type { ProblemSpec } from '../sde/ensembleSpec.js';
import type { SdeProblem } from '../sde/types.js';
import { finiteNumber, oneOf, seedValue } from '../validate.js';
import {
  endToEndDiffusion,
  endToEndDiffusionSlope,
  endToEndDrift,
  type PerModeParameters,
  perLayerDiffusion,
  perLayerDiffusionSlope,
  perLayerDrift,
  perModeParameters,
} from './perModeSde.js';

/** Arguments of both factories: the per-mode parameters, the initial value, the time span and the seed. */
export interface PerModeSdeArgs extends PerModeParameters {
  /** Initial per-layer scale a(t0) (perLayerModeSde) or strength u(t0) (endToEndModeSde). */
  readonly x0: number;
  /** Default 0. */
  readonly t0?: number;
  readonly t1: number;
  readonly seed: number;
}

/** Which coordinate the SDE is written in: the per-layer scalar a, or the end-to-end strength u = a^L. */
export type PerModeForm = 'per-layer' | 'end-to-end';
export const PER_MODE_FORMS: readonly PerModeForm[] = ['per-layer', 'end-to-end'];

/** A per-mode problem: an SdeProblem that also states its form and parameters (for specialized steppers). */
export interface PerModeSdeProblem extends SdeProblem {
  readonly perMode: { readonly form: PerModeForm; readonly parameters: PerModeParameters };
}

function span(args: PerModeSdeArgs) {
  const t0 = finiteNumber('t0', args.t0 ?? 0);
  const t1 = finiteNumber('t1', args.t1);
  return { x0: Float64Array.of(finiteNumber('x0', args.x0)), t0, t1, seed: seedValue('seed', args.seed) };
}

function scalarProblem(
  form: PerModeForm,
  args: PerModeSdeArgs,
  drift: (p: PerModeParameters, x: number) => number,
  diffusion: (p: PerModeParameters, x: number) => number,
  slope: (p: PerModeParameters, x: number) => number,
): PerModeSdeProblem {
  const p = perModeParameters(args);
  return {
    perMode: { form, parameters: p },
    drift: (_t, x, out) => {
      out[0] = drift(p, x[0]);
    },
    diffusion: (_t, x, out) => {
      out[0] = diffusion(p, x[0]);
    },
    diffusionDerivative: (_t, x, out) => {
      const a = x[0];
      out[0] = diffusion(p, a) * slope(p, a);
    },
    noise: 'scalar',
    interpretation: 'ito',
    ...span(args),
  };
}

/** da = a^{L−1}(s − a^L) dt + √(η/B) a^{L−1} √D dW, from a(t0) = x0. */
export function perLayerModeSde(args: PerModeSdeArgs): PerModeSdeProblem {
  return scalarProblem('per-layer', args, perLayerDrift, perLayerDiffusion, perLayerDiffusionSlope);
}

/** du = [L u^{2−2/L}(s − u) + (η/2B) L(L−1) u^{3−4/L} D] dt + √(η/B) L u^{2−2/L} √D dW, from u(t0) = x0. */
export function endToEndModeSde(args: PerModeSdeArgs): PerModeSdeProblem {
  return scalarProblem('end-to-end', args, endToEndDrift, endToEndDiffusion, endToEndDiffusionSlope);
}

/** The problem of the given form. */
export function perModeSde(form: PerModeForm, args: PerModeSdeArgs): PerModeSdeProblem {
  return oneOf('form', form, PER_MODE_FORMS) === 'per-layer' ? perLayerModeSde(args) : endToEndModeSde(args);
}

/** The ensemble spec that builds the problem of the given form in any thread. */
export function perModeSdeSpec(form: PerModeForm, args: PerModeSdeArgs): ProblemSpec {
  const name = oneOf('form', form, PER_MODE_FORMS) === 'per-layer' ? 'perLayerModeSde' : 'endToEndModeSde';
  return { module: import.meta.url, export: name, args: { ...args } };
}
