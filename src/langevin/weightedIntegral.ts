/**
 * Integrals of f(x) exp(phi(x) - shift) over an interval whose ends may be infinite: the shared engine of the
 * Gibbs density (f = 1), its moments and expectations. Infinite ends are cut where the integrand's tail is
 * negligible (tails.ts); the quadrature starts from a partition fine near the center and doubling outwards.
 */
import { integrate, type QuadratureResult } from './quadrature.js';
import { type TailCut, tailCut } from './tails.js';

/** Panels of the core [center - scale, center + scale]. */
const CORE_PANELS = 64;

export interface WeightedLine {
  /** phi = -U/T, the log of the unnormalized density. */
  readonly phi: (x: number) => number;
  readonly lower: number;
  readonly upper: number;
  readonly center: number;
  readonly scale: number;
  /** Largest phi on the core grid: the bulk of the density. */
  readonly phiMax: number;
  readonly relTol: number;
}

export interface WeightedIntegral {
  /** The two ends, cut or failed. */
  readonly ends: readonly [TailCut, TailCut];
  /** The quadrature over [ends[0].cut, ends[1].cut], absent when an end failed. */
  readonly result?: QuadratureResult;
}

/** The core grid: CORE_PANELS + 1 points on [center - scale, center + scale], clipped to [lower, upper]. */
export function coreGrid(lower: number, upper: number, center: number, scale: number): number[] {
  const points: number[] = [];
  for (let i = 0; i <= CORE_PANELS; i++) {
    const x = center + scale * ((2 * i) / CORE_PANELS - 1);
    if (x >= lower && x <= upper) points.push(x);
  }
  if (points.length === 0) points.push(Math.min(Math.max(center, lower), upper));
  return points;
}

/** Breakpoints center +- scale 2^k (k >= 1) strictly inside (a, b). */
function shells(a: number, b: number, center: number, scale: number): number[] {
  const points: number[] = [];
  for (let k = 1; k <= 1100; k++) {
    const offset = scale * 2 ** k;
    const below = center - offset;
    const above = center + offset;
    if (below <= a && above >= b) break;
    if (below > a && below < b) points.push(below);
    if (above > a && above < b) points.push(above);
  }
  return points;
}

/**
 * Integrates f(x) exp(phi(x) - shift) (f defaults to 1). Each infinite end is cut where phi + ln|f| is
 * negligible against its own largest value on the core grid (phiMax when f vanishes on the whole core);
 * an end where it is not comes back with integrable = false.
 */
export function integrateWeighted(
  line: WeightedLine,
  shift: number,
  f?: (x: number) => number,
): WeightedIntegral {
  const { phi, lower, upper, center, scale, phiMax } = line;
  const logIntegrand = f === undefined ? phi : (x: number) => phi(x) + Math.log(Math.abs(f(x)));
  const bulk =
    f === undefined ? phiMax : largestFinite(coreGrid(lower, upper, center, scale).map(logIntegrand));
  const reference = Number.isFinite(bulk) ? bulk : phiMax;
  const ends: [TailCut, TailCut] = [
    tailCut(logIntegrand, 'lower', lower, center, scale, reference),
    tailCut(logIntegrand, 'upper', upper, center, scale, reference),
  ];
  if (!ends[0].integrable || !ends[1].integrable) return { ends };
  const a = ends[0].cut;
  const b = ends[1].cut;
  const integrand =
    f === undefined
      ? (x: number) => Math.exp(phi(x) - shift)
      : (x: number) => f(x) * Math.exp(phi(x) - shift);
  const breakpoints = [...coreGrid(a, b, center, scale), ...shells(a, b, center, scale)];
  return { ends, result: integrate(integrand, a, b, { relTol: line.relTol }, breakpoints) };
}

/** The largest finite value, or -Infinity when there is none. */
export function largestFinite(values: readonly number[]): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const v of values) if (Number.isFinite(v) && v > best) best = v;
  return best;
}
