/**
 * Reference problems: SDEs whose exact solution is a known function of t, W_t and (for some) the time integral
 * int_0^t W_s ds. A strong-convergence check solves one on a Brownian path and compares with `exact` evaluated
 * on the same path; level 0 of a BrownianPath holds exactly W_{t1} and int_0^{t1} W_s ds.
 */
import { oneOf, positiveNumber, seedValue } from '../../validate.js';
import type { Interpretation, NoiseKind, SdeProblem, VectorField } from '../types.js';

/** Path functionals beyond W_t that some exact solutions need. */
export interface PathIntegrals {
  /** int_0^t W_s ds for each Brownian motion (W_0 = 0). */
  readonly timeIntegral: Float64Array;
}

export interface ReferenceProblem {
  readonly name: string;
  /** The formula of the exact solution and where it comes from. */
  readonly source: string;
  readonly problem: SdeProblem;
  /** Whether `exact` needs `extra.timeIntegral`. */
  readonly needsTimeIntegral: boolean;
  /** The exact state at time t on a path with W_t = W (W_0 = 0, one entry per Brownian motion). */
  exact(t: number, W: Float64Array, extra?: PathIntegrals): Float64Array;
}

export interface ReferenceOptions {
  /** Itô (default) or Stratonovich reading of the same coefficients; the exact solution follows it. */
  readonly interpretation?: Interpretation;
  /** Default 1. */
  readonly seed?: number;
  /** End time, default 1; t0 is 0. */
  readonly t1?: number;
}

/** The fields that differ between reference problems; the rest come from the options. */
export interface ProblemFields {
  readonly drift: VectorField;
  readonly diffusion: VectorField;
  readonly diffusionDerivative?: VectorField;
  readonly noise: NoiseKind;
  readonly brownianDim?: number;
  readonly commutativeNoise?: boolean;
  readonly x0: readonly number[];
}

/** What one reference problem states: its coefficients, its exact solution and where that comes from. */
export interface ReferenceSpec extends ProblemFields {
  readonly name: string;
  readonly source: string;
  readonly needsTimeIntegral?: boolean;
  exact(t: number, W: Float64Array, extra?: PathIntegrals): Float64Array;
}

/** Builds a reference problem from a spec that may depend on the interpretation (`ito` true for Itô). */
export function defineReference(
  options: ReferenceOptions,
  spec: (ito: boolean) => ReferenceSpec,
): ReferenceProblem {
  const interpretation = oneOf('interpretation', options.interpretation ?? 'ito', ['ito', 'stratonovich']);
  const { name, source, needsTimeIntegral, exact, ...fields } = spec(interpretation === 'ito');
  const problem: SdeProblem = {
    ...fields,
    x0: Float64Array.from(fields.x0),
    interpretation,
    t0: 0,
    t1: positiveNumber('t1', options.t1 ?? 1, 'Reference problems start at t0 = 0.'),
    seed: seedValue('seed', options.seed ?? 1),
  };
  return { name, source, problem, needsTimeIntegral: needsTimeIntegral ?? false, exact };
}
