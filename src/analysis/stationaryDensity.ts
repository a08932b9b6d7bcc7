/**
 * The exact stationary density of a time-homogeneous 1-D diffusion dX = a(X) dt + b(X) dW (Itô) or b ∘ dW
 * (Stratonovich) on a domain (lower, upper) whose ends may be infinite or where b may vanish (THEORY.md §0.4):
 *
 *     p(x) ∝ b(x)^{−2} exp(∫^x 2a/b²)   (Itô),        p(x) ∝ b(x)^{−1} exp(∫^x 2a/b²)   (Stratonovich),
 *
 * the zero-flux solution of the Fokker–Planck equation. ψ = ln p is tabulated by stationaryDensitySpine.ts;
 * each end is checked for integrability (stationaryDensityEnds.ts); the normalizer, CDF, quantiles, mean,
 * variance and any expectation come from the adaptive Gauss–Kronrod quadrature of the Langevin module. A
 * density that is not normalizable is returned as such, naming the failing end and why: it is a property of
 * the problem, not an error of the call. When no end is shown not integrable but one could not be decided,
 * or the integral of 2a/b² failed inside the domain, normalizable is null: undecided, never false. The mass
 * is located automatically: when the largest cell of the spine lies outside its core or is much narrower
 * than the core's spacing, the spine is rebuilt around it.
 */
import { InvalidArgumentError } from '../errors.js';
import { cumulativeTable } from '../langevin/cumulativeTable.js';
import { integrate } from '../langevin/quadrature.js';
import { finiteNumber, functionValue, oneOf, positiveNumber } from '../validate.js';
import { checkEnd, type EndCheck } from './stationaryDensityEnds.js';
import { bulkOf, locateMass, type Node, nodesOf } from './stationaryDensityLocate.js';
import type { DiffusionCoefficients, Spine } from './stationaryDensitySpine.js';

export interface StationaryDensityOptions {
  /** Lower end of the domain; default -Infinity. */
  readonly lower?: number;
  /** Upper end of the domain; default +Infinity. */
  readonly upper?: number;
  /** Default 'ito'. */
  readonly interpretation?: 'ito' | 'stratonovich';
  /** A point inside the domain near the mass; default the middle of a finite domain, else finite end + scale. */
  readonly center?: number;
  /** The width of the first search grid; default half a finite domain, else 1. */
  readonly scale?: number;
  /** Relative tolerance of every quadrature; default 1e-12. */
  readonly relTol?: number;
}

export interface StationaryExpectation {
  readonly value: number;
  readonly errorEstimate: number;
  /** False when the integral does not exist at an end or missed its tolerance; value is then NaN. */
  readonly converged: boolean;
  readonly message: string;
}

export interface NormalizedStationaryDensity {
  readonly normalizable: true;
  readonly interpretation: 'ito' | 'stratonovich';
  readonly lower: number;
  readonly upper: number;
  readonly ends: readonly [EndCheck, EndCheck];
  /** The interval integrated: the domain with its ends cut where the mass left is negligible. */
  readonly support: readonly [number, number];
  /** The normalizer's quadrature (relative to exp(ψ) at the bulk); when it failed, the moments are NaN. */
  readonly normalizer: StationaryExpectation;
  logDensity(x: number): number;
  density(x: number): number;
  cdf(x: number): number;
  quantile(q: number): number;
  readonly mean: number;
  readonly variance: number;
  readonly quantiles: { readonly q05: number; readonly q50: number; readonly q95: number };
  expectation(f: (x: number) => number): StationaryExpectation;
}

interface UnnormalizedStationaryDensity {
  readonly interpretation: 'ito' | 'stratonovich';
  readonly lower: number;
  readonly upper: number;
  readonly ends: readonly [EndCheck, EndCheck];
  /** The ends that are not integrable or could not be shown to be (empty for an interior failure). */
  readonly failing: readonly EndCheck[];
  readonly message: string;
}

/** An end is shown not integrable. */
export interface NonNormalizableStationaryDensity extends UnnormalizedStationaryDensity {
  readonly normalizable: false;
}

/** No end is shown not integrable, but an end, or the integral of 2a/b² inside the domain, is undecided. */
export interface UndecidedStationaryDensity extends UnnormalizedStationaryDensity {
  readonly normalizable: null;
}

export type StationaryDensity =
  | NormalizedStationaryDensity
  | NonNormalizableStationaryDensity
  | UndecidedStationaryDensity;

/** One end of the domain: a number, or the infinity on its own side (default). */
function domainEnd(argument: 'lower' | 'upper', value: unknown): number {
  const infinity = argument === 'lower' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const end = value ?? infinity;
  if (typeof end !== 'number' || Number.isNaN(end) || end === -infinity) {
    throw new InvalidArgumentError(argument, value, `a number or ${infinity}`);
  }
  return end;
}

/** The domain, the centre and scale of the mass, and the tolerance, checked. */
interface Domain {
  readonly lower: number;
  readonly upper: number;
  readonly center: number;
  readonly scale: number;
  readonly relTol: number;
}

function domainOf(options: StationaryDensityOptions): Domain {
  const lower = domainEnd('lower', options.lower);
  const upper = domainEnd('upper', options.upper);
  if (!(upper > lower)) {
    throw new InvalidArgumentError(
      'upper',
      upper,
      `a number > lower = ${lower}`,
      'Give the domain as lower < upper.',
    );
  }
  const finite = Number.isFinite(lower) && Number.isFinite(upper);
  const scale = positiveNumber('scale', options.scale ?? (finite ? 0.5 * (upper - lower) : 1));
  const fallback = finite
    ? 0.5 * (lower + upper)
    : Number.isFinite(lower)
      ? lower + scale
      : Number.isFinite(upper)
        ? upper - scale
        : 0;
  const center = finiteNumber('center', options.center ?? fallback);
  if (!(center > lower && center < upper)) {
    throw new InvalidArgumentError('center', center, `a point strictly inside (${lower}, ${upper})`);
  }
  return { lower, upper, center, scale, relTol: positiveNumber('relTol', options.relTol ?? 1e-12) };
}

/** Offsets, in units of the scale, at which a usable centre is looked for when the given one is not. */
const CENTER_SEARCH = [0.25, -0.25, 0.5, -0.5, 1, -1, 2, -2, 4, -4];
/** Points at which the diffusion must vanish before the refusal says the process has no noise. */
const MIN_NOISELESS_PROBES = 5;

function usableAt(coefficients: DiffusionCoefficients, x: number): boolean {
  const a = coefficients.drift(x);
  const b = coefficients.diffusion(x);
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0;
}

/**
 * Throws unless drift and diffusion are finite and the diffusion nonzero at the centre. The refusal suggests a
 * nearby point where they are, and says so plainly when the diffusion is zero at every point looked at: without
 * noise there is no stationary density, and no centre would help.
 */
function checkCoefficients(coefficients: DiffusionCoefficients, domain: Domain): void {
  const { center, scale, lower, upper } = domain;
  if (usableAt(coefficients, center)) return;
  // Offsets within the domain's half-width, so that they land inside a short finite domain too.
  const step = Math.min(scale, (upper - lower) / 2);
  const probes = [center, ...CENTER_SEARCH.map((t) => center + t * step)].filter(
    (x) => x > lower && x < upper,
  );
  if (probes.length >= MIN_NOISELESS_PROBES && probes.every((x) => coefficients.diffusion(x) === 0)) {
    throw new InvalidArgumentError(
      'diffusion',
      `0 at x = ${probes.join(', ')}`,
      `a diffusion that is nonzero in (${lower}, ${upper})`,
      'Without noise the process has no stationary density: it settles on the zeros of the drift.',
    );
  }
  const usable = probes.find((x) => usableAt(coefficients, x));
  throw new InvalidArgumentError(
    'center',
    center,
    'a point where the drift is finite and the diffusion finite and nonzero',
    `There a = ${coefficients.drift(center)} and b = ${coefficients.diffusion(center)}; ` +
      (usable === undefined
        ? 'pass a center inside the region the process lives in.'
        : `they are at ${usable}: pass that as the center.`),
  );
}

/** The stationary density of dX = drift(X) dt + diffusion(X) dW on the domain of `options`. */
export function stationaryDensity(
  drift: (x: number) => number,
  diffusion: (x: number) => number,
  options: StationaryDensityOptions = {},
): StationaryDensity {
  functionValue('drift', drift);
  functionValue('diffusion', diffusion);
  const interpretation = oneOf('interpretation', options.interpretation ?? 'ito', ['ito', 'stratonovich']);
  const domain = domainOf(options);
  const coefficients = { drift, diffusion, interpretation };
  checkCoefficients(coefficients, domain);
  const spine = locateMass(coefficients, domain);
  const where = { interpretation, lower: domain.lower, upper: domain.upper };
  const nodes = nodesOf(spine);
  const bulk = bulkOf(nodes);
  const ends: [EndCheck, EndCheck] = [
    checkEnd(spine.lower, bulk, domain.relTol),
    checkEnd(spine.upper, bulk, domain.relTol),
  ];
  if (spine.interiorFailure !== undefined) {
    const message =
      `Whether the stationary density is normalizable is undecided: the integral of 2a/b^2 failed ` +
      `${spine.interiorFailure} inside the domain. It diverges there if the diffusion vanishes or the drift is ` +
      'singular, and it overflows if the interval is too wide: pass a center and a scale that locate the mass.';
    return { normalizable: null, ...where, ends, failing: [], message };
  }
  const failing = ends.filter((end) => end.verdict !== 'integrable');
  if (failing.length > 0) {
    const detail = failing.map((c) => `at the ${c.end} end (${c.bound}): ${c.verdict}, ${c.reason}`);
    const on = `on (${domain.lower}, ${domain.upper}): ${detail.join('; ')}.`;
    if (failing.some((end) => end.verdict === 'not-integrable')) {
      return {
        normalizable: false,
        ...where,
        ends,
        failing,
        message: `The stationary density is not normalizable ${on}`,
      };
    }
    const message = `Whether the stationary density is normalizable is undecided ${on}`;
    return { normalizable: null, ...where, ends, failing, message };
  }
  return normalize(spine, nodes, ends, { ...where, relTol: domain.relTol });
}

function normalize(
  spine: Spine,
  nodes: readonly Node[],
  ends: [EndCheck, EndCheck],
  where: { interpretation: 'ito' | 'stratonovich'; lower: number; upper: number; relTol: number },
): NormalizedStationaryDensity {
  const { relTol, ...domain } = where;
  const shift = Math.max(...nodes.map((n) => n.psi).filter(Number.isFinite));
  const weight = (x: number): number => Math.exp(spine.logDensity(x) - shift);
  const integral = (f: ((x: number) => number) | undefined, a: number, b: number) => {
    const inside = nodes.map((n) => n.x).filter((x) => x > a && x < b);
    const g = f === undefined ? weight : (x: number) => f(x) * weight(x);
    return integrate(g, a, b, { relTol, maxPanels: 20000 }, inside);
  };
  const [a, b] = [ends[0].cut, ends[1].cut];
  const total = integral(undefined, a, b);
  const Z = total.value;
  const normalizer = summarize(total.converged && Z > 0, Z, total.errorEstimate, 1);
  const expectation = (f: (x: number) => number): StationaryExpectation => {
    functionValue('f', f);
    if (!normalizer.converged) return normalizer;
    const logF = (x: number): number => Math.log(Math.abs(f(x)));
    const bulkF = bulkOf(nodes, logF);
    const lower = checkEnd(spine.lower, bulkF, relTol, logF);
    const upper = checkEnd(spine.upper, bulkF, relTol, logF);
    const bad = [lower, upper].filter((c) => c.verdict !== 'integrable');
    if (bad.length > 0) {
      const why = bad.map((c) => `at the ${c.end} end ${c.reason}`).join('; ');
      return {
        value: Number.NaN,
        errorEstimate: Number.NaN,
        converged: false,
        message: `No integral: ${why}.`,
      };
    }
    const result = integral(f, lower.cut, upper.cut);
    return summarize(result.converged, result.value, result.errorEstimate, Z);
  };
  const table = cumulativeTable(weight, total, domain.lower, domain.upper);
  const mean = expectation((x) => x).value;
  const variance = Number.isNaN(mean) ? Number.NaN : expectation((x) => (x - mean) ** 2).value;
  const logZ = Math.log(Z) + shift;
  return {
    normalizable: true,
    ...domain,
    ends,
    support: [a, b],
    normalizer,
    logDensity: (x) => (x >= a && x <= b ? spine.logDensity(x) - logZ : Number.NEGATIVE_INFINITY),
    density: (x) => (x >= a && x <= b ? Math.exp(spine.logDensity(x) - logZ) : 0),
    cdf: table.cdf,
    quantile: table.quantile,
    mean,
    variance,
    quantiles: { q05: table.quantile(0.05), q50: table.quantile(0.5), q95: table.quantile(0.95) },
    expectation,
  };
}

function summarize(converged: boolean, value: number, error: number, Z: number): StationaryExpectation {
  return converged
    ? { value: value / Z, errorEstimate: error / Z, converged, message: 'Converged.' }
    : {
        value: Number.NaN,
        errorEstimate: error / Z,
        converged: false,
        message:
          `The quadrature missed its tolerance (estimate ${value / Z}, error ${error / Z}); the density may be ` +
          'too narrow for the search grid: pass a center and a scale that locate the mass.',
      };
}
