/**
 * The log of the unnormalized stationary density of a 1-D diffusion (THEORY.md §0.4),
 *
 *     ψ(x) = −k ln|b(x)| + Φ(x),      Φ(x) = ∫_c^x 2a(y)/b(y)² dy,      k = 2 (Itô) or 1 (Stratonovich),
 *
 * tabulated on a "spine": a core grid of 64 panels on [c − w, c + w] and probes outward to each end of the
 * domain, doubling the distance from c toward an infinite end and halving the distance to a finite end, where b
 * may vanish. The integral of r = 2a/b² is computed by the adaptive Gauss–Kronrod quadrature on each spine
 * interval on its own (so each meets its own relative tolerance even where r is singular at an end) and summed
 * outwards from c, so Φ near the bulk never comes from differences of huge partial sums. The accepted panels
 * are kept: Φ(x) for any x is Φ at the left end of its panel plus one 15-point rule on the rest, where r was
 * already resolved. A probe sequence stops where r or b is not finite or its quadrature fails; the reason is
 * kept for the end check. A probe that lands on a zero of b turns the rest of the sequence toward that point,
 * halving the distance to it, so the end check can tell whether the density is integrable there.
 */
import { gaussKronrod15, integrate, type PanelEstimate } from '../langevin/quadrature.js';

export interface DiffusionCoefficients {
  /** Drift a(x). */
  readonly drift: (x: number) => number;
  /** Diffusion b(x). */
  readonly diffusion: (x: number) => number;
  readonly interpretation: 'ito' | 'stratonovich';
}

export const CORE_PANELS = 64;
const MAX_DOUBLINGS = 100;
const MAX_HALVINGS = 1100;
/**
 * Closest approach to a finite end, in ulps of the probe: a probe is then within half an ulp of its place, so
 * each shell width is within 1/16 of its halving and a ratio of shell masses within e^±0.13 of its value.
 */
const RESOLUTION_ULPS = 16;
/** Panels allowed per spine interval: r is smooth on each (its singularities sit at the ends of the domain). */
const SPINE_PANELS = 256;
/**
 * Probing stops once three shells in a row fall and the last is this many e-folds below the core's largest
 * cell: beyond that no moment of polynomial growth (ln|f| < 1000) can carry any mass.
 */
const DEAD_EFOLDS = 2000;

/** The probes toward one end, in order: point, ψ there, and the width of the shell between it and the previous. */
export interface EndProbes {
  readonly end: 'lower' | 'upper';
  /** The end of the domain (may be infinite). */
  readonly bound: number;
  readonly x: number[];
  readonly psi: number[];
  readonly width: number[];
  /** Why the probes stop short of the end's limit (non-finite coefficients, failed quadrature), if they do. */
  readonly stopped?: string;
  /**
   * A point short of the end where the diffusion vanishes, if a probe landed on one: the probes after it
   * approach it by halving their distance to it, as to a finite end, and nothing beyond it is probed.
   */
  readonly zero?: number;
}

export interface Spine {
  readonly center: number;
  readonly scale: number;
  /** Core points (ascending, strictly inside the domain) with ψ and the core spacing. */
  readonly core: { readonly x: number[]; readonly psi: number[]; readonly spacing: number };
  readonly lower: EndProbes;
  readonly upper: EndProbes;
  /** The first core interval whose quadrature failed (an interior singularity), if any. */
  readonly interiorFailure?: string;
  /** ψ(x) for x within the probed range; NaN outside it. */
  logDensity(x: number): number;
}

/** Accepted panels with Φ at each left end, collected interval by interval. */
class PanelTable {
  left: number[] = [];
  right: number[] = [];
  phiLeft: number[] = [];

  /** Integrates r on [a, b] with Φ(a) known (outward to the right) or Φ(b) known (to the left); returns the other. */
  add(r: (x: number) => number, a: number, b: number, phiKnown: number, knownAt: 'a' | 'b', relTol: number) {
    const result = integrate(r, a, b, { relTol, maxPanels: SPINE_PANELS });
    if (!result.converged || !Number.isFinite(result.value)) return Number.NaN;
    let phi = knownAt === 'a' ? phiKnown : phiKnown - result.value;
    for (let i = 0; i < result.left.length; i++) {
      this.left.push(result.left[i]);
      this.right.push(result.right[i]);
      this.phiLeft.push(phi);
      phi += result.panelValue[i];
    }
    return knownAt === 'a' ? phiKnown + result.value : phiKnown - result.value;
  }

  sorted(): { left: Float64Array; right: Float64Array; phiLeft: Float64Array } {
    const order = this.left.map((_, i) => i).sort((i, j) => this.left[i] - this.left[j]);
    return {
      left: Float64Array.from(order, (i) => this.left[i]),
      right: Float64Array.from(order, (i) => this.right[i]),
      phiLeft: Float64Array.from(order, (i) => this.phiLeft[i]),
    };
  }
}

/** Points c + w(2i/64 − 1) strictly inside (lower, upper); the center is always one of them. */
function corePoints(lower: number, upper: number, center: number, scale: number): number[] {
  const points: number[] = [];
  for (let i = 0; i <= CORE_PANELS; i++) {
    const x = i === CORE_PANELS / 2 ? center : center + scale * ((2 * i) / CORE_PANELS - 1);
    if (x > lower && x < upper && (points.length === 0 || x > points[points.length - 1])) points.push(x);
  }
  return points;
}

/**
 * The k-th probe beyond `start` toward the end, or NaN when the sequence is exhausted. Toward a finite end the
 * probe sits at distance δ = |end − start|·2^−k from it, and the sequence stops once δ is below
 * RESOLUTION_ULPS units in the last place of the probe: past that the rounded probes no longer halve their
 * shells, and widths that stall at one or two ulps would read as a mass that stops decreasing.
 */
function probePoint(end: 'lower' | 'upper', bound: number, center: number, scale: number, start: number) {
  const sign = end === 'upper' ? 1 : -1;
  if (!Number.isFinite(bound)) {
    return (k: number) => (k <= MAX_DOUBLINGS ? center + sign * scale * 2 ** k : Number.NaN);
  }
  const distance = Math.abs(bound - start);
  return (k: number) => {
    const delta = distance * 2 ** -k;
    const point = bound - sign * delta;
    const ulp = Number.EPSILON * Math.abs(point) + Number.MIN_VALUE;
    return k <= MAX_HALVINGS && delta >= RESOLUTION_ULPS * ulp ? point : Number.NaN;
  };
}

/** The integrand r = 2a/b², ψ at a point, and the panel table, shared by the core and the probes. */
class SpineBuilder {
  readonly table = new PanelTable();
  readonly r: (x: number) => number;
  readonly psiAt: (x: number, phi: number) => number;

  constructor(
    private readonly coefficients: DiffusionCoefficients,
    private readonly relTol: number,
  ) {
    const { drift, diffusion } = coefficients;
    const k = coefficients.interpretation === 'ito' ? 2 : 1;
    this.r = (x) => {
      const b = diffusion(x);
      return (2 * drift(x)) / (b * b);
    };
    this.psiAt = (x, phi) => -k * Math.log(Math.abs(diffusion(x))) + phi;
  }

  /** Φ at the core points, outwards from the center (Φ = 0 there); NaN beyond a failed interval. */
  core(x: number[], c: number): { phi: number[]; failure?: string } {
    const phi = new Array<number>(x.length).fill(Number.NaN);
    phi[c] = 0;
    for (let i = c + 1; i < x.length; i++) {
      phi[i] = this.table.add(this.r, x[i - 1], x[i], phi[i - 1], 'a', this.relTol);
      if (Number.isNaN(phi[i])) return { phi, failure: `on [${x[i - 1]}, ${x[i]}]` };
    }
    for (let i = c - 1; i >= 0; i--) {
      phi[i] = this.table.add(this.r, x[i], x[i + 1], phi[i + 1], 'b', this.relTol);
      if (Number.isNaN(phi[i])) return { phi, failure: `on [${x[i]}, ${x[i + 1]}]` };
    }
    return { phi };
  }

  /** Probes from the core point `start` (where Φ = phiStart) toward one end. */
  probe(
    end: 'lower' | 'upper',
    bound: number,
    next: (k: number) => number,
    start: number,
    phiStart: number,
    coreBulk: number,
  ): EndProbes {
    const { drift, diffusion } = this.coefficients;
    const out: { -readonly [K in keyof EndProbes]: EndProbes[K] } = { end, bound, x: [], psi: [], width: [] };
    let previous = start;
    let phiPrevious = phiStart;
    let limit = bound;
    let toward = next;
    for (let j = 1; ; j++) {
      const point = toward(j);
      if (Number.isNaN(point) || point === previous || (end === 'upper' ? point >= limit : point <= limit)) {
        return out;
      }
      const b0 = diffusion(point);
      if (b0 === 0) {
        if (out.zero !== undefined) return out;
        out.zero = point;
        limit = point;
        toward = probePoint(end, point, point, 0, previous);
        j = 0;
        continue;
      }
      const [a, b] = end === 'upper' ? [previous, point] : [point, previous];
      const phi =
        Number.isFinite(b0) && Number.isFinite(drift(point))
          ? this.table.add(this.r, a, b, phiPrevious, end === 'upper' ? 'a' : 'b', this.relTol)
          : Number.NaN;
      if (Number.isNaN(phi)) {
        out.stopped = `the coefficients or the integral of 2a/b^2 are not finite near x = ${point}`;
        return out;
      }
      out.x.push(point);
      out.psi.push(this.psiAt(point, phi));
      out.width.push(Math.abs(point - previous));
      if (dead(out, coreBulk)) return out;
      previous = point;
      phiPrevious = phi;
    }
  }
}

export function buildSpine(
  coefficients: DiffusionCoefficients,
  lower: number,
  upper: number,
  center: number,
  scale: number,
  relTol: number,
): Spine {
  const builder = new SpineBuilder(coefficients, relTol);
  const x = corePoints(lower, upper, center, scale);
  const { phi, failure } = builder.core(x, x.indexOf(center));
  const corePsi = x.map((point, i) => builder.psiAt(point, phi[i]));
  const spacing = (2 * scale) / CORE_PANELS;
  const coreBulk = Math.max(...corePsi.filter(Number.isFinite)) + Math.log(spacing);
  const probe = (end: 'lower' | 'upper', bound: number): EndProbes => {
    if (failure !== undefined) {
      return { end, bound, x: [], psi: [], width: [], stopped: `the quadrature failed ${failure}` };
    }
    const i = end === 'upper' ? x.length - 1 : 0;
    const next = probePoint(end, bound, center, scale, x[i]);
    return builder.probe(end, bound, next, x[i], phi[i], coreBulk);
  };
  const lowerProbes = probe('lower', lower);
  const upperProbes = probe('upper', upper);
  return {
    center,
    scale,
    core: { x, psi: corePsi, spacing },
    lower: lowerProbes,
    upper: upperProbes,
    ...(failure === undefined ? {} : { interiorFailure: failure }),
    logDensity: logDensityFrom(builder.table.sorted(), builder.r, builder.psiAt),
  };
}

/** Whether the last three shells fall and the last is DEAD_EFOLDS below the core's largest cell. */
function dead(probes: EndProbes, coreBulk: number): boolean {
  const n = probes.x.length;
  if (n < 3) return false;
  const m = (k: number): number => probes.psi[k] + Math.log(probes.width[k]);
  return m(n - 1) < m(n - 2) && m(n - 2) < m(n - 3) && m(n - 1) < coreBulk - DEAD_EFOLDS;
}

/** ψ(x) from the panel table: Φ at the panel's left end plus one Kronrod rule on [left, x]. */
function logDensityFrom(
  panels: { left: Float64Array; right: Float64Array; phiLeft: Float64Array },
  r: (x: number) => number,
  psiAt: (x: number, phi: number) => number,
): (x: number) => number {
  const { left, right, phiLeft } = panels;
  const n = left.length;
  const estimate: PanelEstimate = { value: 0, error: 0, absolute: 0 };
  return (x: number): number => {
    if (n === 0 || !(x >= left[0] && x <= right[n - 1])) return Number.NaN;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (left[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    const partial = x > left[lo] ? gaussKronrod15(r, left[lo], x, estimate).value : 0;
    return psiAt(x, phiLeft[lo] + partial);
  };
}
