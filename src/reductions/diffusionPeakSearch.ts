/**
 * Locating the peak of a squared diffusion v(u) on (lo, hi), and the label noise at which that peak
 * disappears, from any evaluable v: the per-mode SDE's diffusion or SGD's measured gradient noise.
 *
 * - interiorPeak: the first grid point that beats both neighbours, refined by golden-section search between
 *   them. The bracket it returns is honest to about √ε relative: a smooth function's values closer than
 *   rounding cannot be ordered.
 * - noiseThreshold: with the squared diffusion quadratic in σ, v(u; σ) = X(u) + 2σC(u) + σ²N(u) (exactly so
 *   for D = 2e² + σ², and for SGD by linearity of the gradient in the label noise), an interior maximum exists
 *   while ∂_u v < 0 somewhere, i.e. for σ below σ₊(u) = [−C' + √(C'² − X'N')]/N' (primes: ∂_u) at some u. The
 *   threshold is max_u σ₊(u), found by a grid scan refined by golden section, with the derivatives by central
 *   differences of step h.
 */
import { finiteNumber, functionValue, integerInRange, positiveNumber } from '../validate.js';

const INVERSE_GOLDEN = (Math.sqrt(5) - 1) / 2;

export interface Bracketed {
  readonly x: number;
  /** The final bracket: it holds the maximizer up to the √ε-wide flat top of f, where values cannot be ordered. */
  readonly bracket: readonly [number, number];
}

/** Golden-section search for the maximum of a unimodal f on [lo, hi], down to a relative width `tol`. */
export function goldenMaximum(f: (x: number) => number, lo: number, hi: number, tol = 1e-10): Bracketed {
  let a = lo;
  let b = hi;
  let x1 = b - INVERSE_GOLDEN * (b - a);
  let x2 = a + INVERSE_GOLDEN * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let k = 0; k < 200 && b - a > tol * Math.max(Math.abs(a), Math.abs(b)); k++) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + INVERSE_GOLDEN * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - INVERSE_GOLDEN * (b - a);
      f1 = f(x1);
    }
  }
  return { x: f1 >= f2 ? x1 : x2, bracket: [a, b] };
}

/** Grid points lo + (hi − lo) k/(points − 1). */
export function uniformGrid(lo: number, hi: number, points: number): number[] {
  integerInRange('points', points, 3);
  return Array.from({ length: points }, (_, k) => lo + ((hi - lo) * k) / (points - 1));
}

/** The first interior local maximum of v on the grid of (lo, hi), refined; undefined when there is none. */
export function interiorPeak(
  v: (u: number) => number,
  lo: number,
  hi: number,
  points = 200,
): Bracketed | undefined {
  functionValue('v', v);
  const grid = uniformGrid(finiteNumber('lo', lo), finiteNumber('hi', hi), points);
  const values = grid.map(v);
  for (let k = 1; k + 1 < grid.length; k++) {
    if (values[k] > values[k - 1] && values[k] >= values[k + 1]) {
      return goldenMaximum(v, grid[k - 1], grid[k + 1]);
    }
  }
  return undefined;
}

/** The σ-decomposition of a squared diffusion at one u: v = x + 2σ c + σ² n. */
export interface NoiseDecomposition {
  readonly x: number;
  readonly c: number;
  readonly n: number;
}

/** σ₊(u) from the u-derivatives of the decomposition; −Infinity where ∂_u v ≥ 0 for every σ ≥ 0. */
function sigmaPlus(parts: (u: number) => NoiseDecomposition, u: number, h: number): number {
  const up = parts(u + h);
  const down = parts(u - h);
  const dx = (up.x - down.x) / (2 * h);
  const dc = (up.c - down.c) / (2 * h);
  const dn = (up.n - down.n) / (2 * h);
  const discriminant = dc * dc - dx * dn;
  if (!(dn > 0) || !(discriminant >= 0)) return Number.NEGATIVE_INFINITY;
  const root = (-dc + Math.sqrt(discriminant)) / dn;
  return root >= 0 ? root : Number.NEGATIVE_INFINITY;
}

/** The label noise σ at which the interior maximum of v on (lo, hi) disappears, and where it last was. */
export function noiseThreshold(
  parts: (u: number) => NoiseDecomposition,
  lo: number,
  hi: number,
  points = 60,
): { sigma: number; u: number; bracket: readonly [number, number] } {
  functionValue('parts', parts);
  const h = 1e-5 * positiveNumber('hi − lo', hi - lo);
  const grid = uniformGrid(lo + 2 * h, hi - 2 * h, points);
  const values = grid.map((u) => sigmaPlus(parts, u, h));
  let best = 0;
  for (let k = 1; k < grid.length; k++) if (values[k] > values[best]) best = k;
  if (!Number.isFinite(values[best])) return { sigma: Number.NaN, u: Number.NaN, bracket: [lo, hi] };
  const left = grid[Math.max(0, best - 1)];
  const right = grid[Math.min(grid.length - 1, best + 1)];
  // σ₊ is flat at its maximum: a location off by δ changes the value by O(δ²), so 1e-5 in u is ample.
  const peak = goldenMaximum((u) => sigmaPlus(parts, u, h), left, right, 1e-5);
  return { sigma: sigmaPlus(parts, peak.x, h), u: peak.x, bracket: peak.bracket };
}
