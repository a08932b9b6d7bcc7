/**
 * The Gibbs density p(x) = exp(-U(x)/T) / Z of a 1-D potential on an interval whose ends may be infinite, by
 * adaptive Gauss-Kronrod quadrature: the normalizer, density, CDF (for Kolmogorov-Smirnov tests), quantiles,
 * mean, variance and any expectation.
 *
 * Infinite ends are checked for normalizability and cut where the remaining mass is below 3e-20 of the bulk
 * (tails.ts); an end that fails throws NonNormalizableError naming it. Integration starts from 64 panels on
 * [center - scale, center + scale] and panels doubling in width outwards, so any feature wider than about
 * scale / 500 is resolved; pass a smaller `scale`, and a `center` near the mass, for a narrower density.
 */
import { InvalidArgumentError, SaddlecheckError } from '../errors.js';
import { finiteNumber, functionValue, positiveNumber } from '../validate.js';
import { cumulativeTable } from './cumulativeTable.js';
import type { TailCut } from './tails.js';
import { coreGrid, integrateWeighted, largestFinite, type WeightedLine } from './weightedIntegral.js';

export interface GibbsOptions {
  /** Lower end of the domain; default -Infinity. */
  readonly lower?: number;
  /** Upper end of the domain; default +Infinity. */
  readonly upper?: number;
  /** Where the mass is; default the midpoint of a finite domain, else its finite end, else 0. */
  readonly center?: number;
  /** The width of the mass; default half the length of a finite domain, else 1. */
  readonly scale?: number;
  /** Relative tolerance of every integral; default 1e-12. */
  readonly relTol?: number;
}

export interface GibbsExpectation {
  readonly value: number;
  readonly errorEstimate: number;
  /** False when the integral does not exist (a tail too heavy) or missed its tolerance; value is then NaN. */
  readonly converged: boolean;
  readonly message: string;
}

export interface GibbsDensity {
  readonly temperature: number;
  readonly lower: number;
  readonly upper: number;
  /** The interval integrated: the domain with its infinite ends cut. */
  readonly support: readonly [number, number];
  /** ln Z with Z = integral of exp(-U/T) over the domain. */
  readonly logNormalizer: number;
  /** The normalizer's quadrature: converged, relative error estimate. */
  readonly normalizer: GibbsExpectation;
  density(x: number): number;
  cdf(x: number): number;
  /** The x with cdf(x) = q for q in [0, 1] (quantile(0) = lower, quantile(1) = upper). */
  quantile(q: number): number;
  /** E[x]; NaN when it does not exist. */
  readonly mean: number;
  /** E[(x - mean)^2]; NaN when it does not exist. */
  readonly variance: number;
  expectation(f: (x: number) => number): GibbsExpectation;
}

/** exp(-U/T) is not integrable at one or both infinite ends of the domain. */
export class NonNormalizableError extends SaddlecheckError {
  override readonly name: string = 'NonNormalizableError';
  constructor(readonly ends: readonly TailCut[]) {
    const where = ends.map((c) => `the ${c.end} end (${c.reason})`).join(' and at ');
    super(
      `exp(-U/T) must be integrable over the domain; it is not at ${where}. ` +
        'Restrict the domain with `lower`/`upper`, or use a potential that grows faster at that end.',
    );
  }
}

/** Builds the Gibbs density of `potential` at temperature T > 0 on the domain given in `options`. */
export function gibbsDensity(
  potential: (x: number) => number,
  temperature: number,
  options: GibbsOptions = {},
): GibbsDensity {
  const U = functionValue<(x: number) => number>('potential', potential);
  const T = positiveNumber('temperature', temperature, 'The Gibbs density needs T > 0.');
  const phi = (x: number): number => -U(x) / T;
  const line = weightedLine(phi, options);
  const shift = line.phiMax;
  const total = integrateWeighted(line, shift);
  const failing = total.ends.filter((c) => !c.integrable);
  if (failing.length > 0 || total.result === undefined) throw new NonNormalizableError(failing);
  const panels = total.result;
  const Z = panels.value;
  const weight = (x: number): number => Math.exp(phi(x) - shift);
  const expectation = (f: (x: number) => number): GibbsExpectation =>
    summarize(integrateWeighted(line, shift, functionValue('f', f)), Z);
  const mean = expectation((x) => x).value;
  const variance = expectation((x) => (x - mean) ** 2).value;
  return {
    temperature: T,
    lower: line.lower,
    upper: line.upper,
    support: [panels.left[0], panels.right[panels.right.length - 1]],
    logNormalizer: Math.log(Z) + shift,
    normalizer: summarize(total, Z),
    density: (x) => (x >= line.lower && x <= line.upper ? weight(x) / Z : 0),
    ...cumulativeTable(weight, panels, line.lower, line.upper),
    mean,
    variance: Number.isNaN(mean) ? Number.NaN : variance,
    expectation,
  };
}

function summarize(integral: ReturnType<typeof integrateWeighted>, Z: number): GibbsExpectation {
  const failing = integral.ends.filter((c) => !c.integrable);
  if (failing.length > 0 || integral.result === undefined) {
    const why = failing.map((c) => `at the ${c.end} end ${c.reason}`).join('; ');
    return {
      value: Number.NaN,
      errorEstimate: Number.NaN,
      converged: false,
      message: `The integral does not exist: ${why}.`,
    };
  }
  const { value, errorEstimate, converged } = integral.result;
  return converged
    ? { value: value / Z, errorEstimate: errorEstimate / Z, converged, message: 'Converged.' }
    : {
        value: Number.NaN,
        errorEstimate: errorEstimate / Z,
        converged,
        message:
          `The quadrature missed its tolerance (estimate ${value / Z}, error ${errorEstimate / Z}). ` +
          'The integrand may be singular or not finite on the domain, or exp(-U/T) may overflow against its ' +
          'largest value on [center - scale, center + scale]: pass a center and scale that locate the mass.',
      };
}

/** Validates the domain options and finds the bulk (phiMax on the core grid). */
function weightedLine(phi: (x: number) => number, options: GibbsOptions): WeightedLine {
  const lower = options.lower ?? Number.NEGATIVE_INFINITY;
  const upper = options.upper ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(lower) || lower === Number.POSITIVE_INFINITY) {
    throw new InvalidArgumentError('lower', lower, 'a number or -Infinity');
  }
  if (Number.isNaN(upper) || upper === Number.NEGATIVE_INFINITY) {
    throw new InvalidArgumentError('upper', upper, 'a number or +Infinity');
  }
  if (!(upper > lower)) throw new InvalidArgumentError('upper', upper, `greater than lower = ${lower}`);
  const finite = Number.isFinite(lower) && Number.isFinite(upper);
  const defaultCenter = finite
    ? 0.5 * (lower + upper)
    : Number.isFinite(lower)
      ? lower
      : Number.isFinite(upper)
        ? upper
        : 0;
  const center = finiteNumber('center', options.center ?? defaultCenter);
  const scale = positiveNumber('scale', options.scale ?? (finite ? 0.5 * (upper - lower) : 1));
  const relTol = positiveNumber('relTol', options.relTol ?? 1e-12);
  const phiMax = largestFinite(coreGrid(lower, upper, center, scale).map(phi));
  if (phiMax === Number.NEGATIVE_INFINITY) {
    throw new InvalidArgumentError(
      'potential',
      'no finite value of -U/T on the core grid',
      `finite somewhere in [center - scale, center + scale] = [${center - scale}, ${center + scale}]`,
      'Pass `center` and `scale` that locate the region where U is finite.',
    );
  }
  return { phi, lower, upper, center, scale, phiMax, relTol };
}
