/**
 * Escape times of one network experiment over a geometric grid of ε, and the increments that carry its
 * exponent.
 *
 * Why increments: the escape time to a fixed threshold is τ(ε) = (1/Γ)∫_ε^ϑ y^{−(r−1)} dy, whose power law in
 * ε is bent by the upper limit (for r = 3 the local slope of ln τ against ln(1/ε) is 1/(1 − ε/ϑ), not 1). The
 * time between two starting scales, Δτ_k = τ(ε_{k+1}) − τ(ε_k) with ε_{k+1} = ρε_k, does not see ϑ at all:
 *   Δτ_k = (1/Γ)∫_{ρε_k}^{ε_k} y^{−(r−1)} dy = C ε_k^{−(r−2)} exactly for every r ≥ 1,
 * (C = (ρ^{2−r} − 1)/((r−2)Γ), ln(1/ρ)/Γ at r = 2). Off the manifold the late, ε-independent part of the escape
 * cancels the same way. So the exponent r − 2 is read from a power-law fit of Δτ_k against ε_k.
 */
import { fitPowerLaw } from '../analysis/fits/fitPowerLaw.js';
import type { ScalingFit } from '../analysis/fits/scalingFit.js';
import { InvalidArgumentError } from '../errors.js';
import { finiteVector } from '../validate.js';
import { escapeSetup, type NetworkEscapeOptions } from './mlpEscapeSetup.js';
import { type NetworkEscapeResult, runEscape } from './mlpEscapeTime.js';

export interface EscapeSweep {
  /** The grid ε_0 > ε_1 > … (as given). */
  readonly eps: readonly number[];
  /** Escape time from each ε. */
  readonly times: readonly number[];
  /** Δτ_k = τ(ε_{k+1}) − τ(ε_k), attributed to ε_k (length n − 1). */
  readonly increments: readonly number[];
  /** Local exponents ln(Δτ_{k+1}/Δτ_k)/ln(ε_k/ε_{k+1}) (length n − 2), each → r − 2 as ε → 0. */
  readonly localExponents: readonly number[];
  /** The scalar law's escape times where it applies (manifold, magnitude criterion), else nulls. */
  readonly scalarTimes: readonly (number | null)[];
  readonly rhsEvaluations: number;
  /** Set when a run ended without escaping: its message. */
  readonly failure?: string;
}

export interface SweepRun {
  readonly rtol: number;
  readonly maxSteps: number;
  readonly tMax: number;
}

/** A geometric grid of `count` values from `largest` down by the factor `ratio` < 1. */
export function geometricGrid(largest: number, ratio: number, count: number): number[] {
  if (!(largest > 0 && ratio > 0 && ratio < 1 && Number.isInteger(count) && count >= 3)) {
    throw new InvalidArgumentError(
      'grid',
      { largest, ratio, count },
      'largest > 0, 0 < ratio < 1 and an integer count ≥ 3',
    );
  }
  return Array.from({ length: count }, (_, k) => largest * ratio ** k);
}

export function escapeSweep(
  base: Omit<NetworkEscapeOptions, 'eps'>,
  epsGrid: readonly number[],
  run: SweepRun,
  onProgress?: (fraction: number) => void,
): EscapeSweep {
  const eps = Array.from(finiteVector('epsGrid', epsGrid));
  if (eps.length < 3 || eps.some((e, k) => !(e > 0) || (k > 0 && !(e < eps[k - 1])))) {
    throw new InvalidArgumentError('epsGrid', epsGrid, 'at least 3 positive values in decreasing order');
  }
  const results: NetworkEscapeResult[] = [];
  for (const e of eps) {
    const result = runEscape(escapeSetup({ ...base, eps: e }), run);
    results.push(result);
    onProgress?.(results.length / eps.length);
    if (result.escapeTime === null) break;
  }
  const missed = results.find((r) => r.escapeTime === null);
  const times = results.map((r) => r.escapeTime ?? Number.NaN);
  const increments = times.slice(1).map((t, k) => t - times[k]);
  const localExponents = increments
    .slice(1)
    .map((d, k) => Math.log(d / increments[k]) / Math.log(eps[k] / eps[k + 1]));
  return {
    eps,
    times,
    increments,
    localExponents,
    scalarTimes: results.map((r) => r.scalarEscapeTime),
    rhsEvaluations: results.reduce((sum, r) => sum + r.rhsEvaluations, 0),
    ...(missed ? { failure: `at eps = ${eps[results.indexOf(missed)]}: ${missed.message}` } : {}),
  };
}

/** The escape-time exponent p in Δτ ∝ ε^{−p} (p = r − 2 by the scalar law), with its 95% interval. */
export interface IncrementExponent {
  readonly value: number;
  readonly ci95: readonly [number, number];
  readonly fit: ScalingFit;
}

/** Power-law fit of the increments against ε_k (Student-t interval), as the exponent p of ε^{−p}. */
export function incrementExponent(sweep: EscapeSweep): IncrementExponent {
  const fit = fitPowerLaw(sweep.eps.slice(0, sweep.increments.length), sweep.increments);
  return { value: -fit.exponent, ci95: [-fit.ci95[1], -fit.ci95[0]], fit };
}

/**
 * The spread max_i p_i − min_i p_i of several exponents, with a conservative interval from theirs:
 * [max(0, max lo − min hi), max hi − min lo] contains every spread the individual intervals allow.
 */
export function exponentSpread(exponents: readonly IncrementExponent[]): {
  value: number;
  ci95: [number, number];
} {
  const values = exponents.map((e) => e.value);
  const lows = exponents.map((e) => e.ci95[0]);
  const highs = exponents.map((e) => e.ci95[1]);
  return {
    value: Math.max(...values) - Math.min(...values),
    ci95: [Math.max(0, Math.max(...lows) - Math.min(...highs)), Math.max(...highs) - Math.min(...lows)],
  };
}

/** Sweeps one experiment and fits its increments; a run that did not escape is reported as a failure. */
export function measureIncrementExponent(
  base: Omit<NetworkEscapeOptions, 'eps'>,
  epsGrid: readonly number[],
  onProgress?: (fraction: number) => void,
): { sweep: EscapeSweep; exponent: IncrementExponent | null } {
  const sweep = escapeSweep(base, epsGrid, { rtol: 1e-8, maxSteps: 100000, tMax: 1e15 }, onProgress);
  return { sweep, exponent: sweep.failure ? null : incrementExponent(sweep) };
}
