/**
 * The profile RSS(p) of y = y₀ + C·x^p and the searches on it. x enters through s = ln(x/x_g) with x_g the
 * geometric mean, so x^p = x_g^p·e^(ps) stays well scaled for any p. For fixed p the model is fitted on the
 * basis {1, g_p} with g_p(s) = (e^(ps) − 1)/p, which spans the same space as {1, e^(ps)} for p ≠ 0 and tends
 * to {1, s} as p → 0: the profile is continuous through p = 0, where the family meets the log law.
 */

export interface LinearOffsetFit {
  p: number;
  /** y₀ and C of y = y₀ + C·x^p. */
  y0: number;
  c: number;
  /** C' = C·x_g^p, the coefficient of e^(ps). */
  scaled: number;
  rss: number;
}

const GRID = 400;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export class ProfileSearch {
  readonly syy: number;
  private readonly s: Float64Array;
  private readonly g: Float64Array;
  private readonly logXg: number;
  private readonly yMean: number;

  constructor(
    x: Float64Array,
    private readonly y: Float64Array,
  ) {
    const n = x.length;
    this.logXg = x.reduce((a, v) => a + Math.log(v), 0) / n;
    this.s = x.map((v) => Math.log(v) - this.logXg);
    this.g = new Float64Array(n);
    this.yMean = y.reduce((a, v) => a + v, 0) / n;
    this.syy = y.reduce((a, v) => a + (v - this.yMean) ** 2, 0);
  }

  /** Least squares on {1, g_p}: intercept α and slope β of y ≈ α + β·g_p(s), and the RSS. */
  private project(p: number): { alpha: number; beta: number; rss: number } {
    const { s, g, y } = this;
    const n = s.length;
    let gMean = 0;
    for (let i = 0; i < n; i++) {
      g[i] = p === 0 ? s[i] : Math.expm1(p * s[i]) / p;
      gMean += g[i];
    }
    gMean /= n;
    let sgg = 0;
    let sgy = 0;
    for (let i = 0; i < n; i++) {
      sgg += (g[i] - gMean) ** 2;
      sgy += (g[i] - gMean) * (y[i] - this.yMean);
    }
    const beta = sgg > 0 ? sgy / sgg : 0;
    const alpha = this.yMean - beta * gMean;
    let rss = 0;
    for (let i = 0; i < n; i++) rss += (y[i] - alpha - beta * g[i]) ** 2;
    return { alpha, beta, rss };
  }

  rssAt(p: number): number {
    return this.project(p).rss;
  }

  fitAt(p: number): LinearOffsetFit {
    const { alpha, beta, rss } = this.project(p);
    // α + β(e^(ps) − 1)/p = (α − β/p) + (β/p)e^(ps); C = C'·x_g^(−p).
    const scaled = beta / p;
    return { p, y0: alpha - scaled, scaled, c: scaled * Math.exp(-p * this.logXg), rss };
  }

  /** Global minimum of RSS over [lo, hi]: grid scan, then golden-section search between its neighbours. */
  minimise(lo: number, hi: number): { p: number; rss: number; atBound: boolean } {
    const h = (hi - lo) / GRID;
    let best = 0;
    let bestRss = Number.POSITIVE_INFINITY;
    for (let k = 0; k <= GRID; k++) {
      const rss = this.rssAt(lo + k * h);
      if (rss < bestRss) {
        bestRss = rss;
        best = k;
      }
    }
    if (best === 0 || best === GRID) return { p: lo + best * h, rss: bestRss, atBound: true };
    let a = lo + (best - 1) * h;
    let b = lo + (best + 1) * h;
    for (let iteration = 0; iteration < 200 && b - a > 1e-13 * (1 + Math.abs(a)); iteration++) {
      const c = b - GOLDEN * (b - a);
      const d = a + GOLDEN * (b - a);
      if (this.rssAt(c) < this.rssAt(d)) b = d;
      else a = c;
    }
    const p = (a + b) / 2;
    return { p, rss: this.rssAt(p), atBound: false };
  }

  /** Where RSS first rises above `threshold` walking from pHat to `bound`; ±Infinity if it never does. */
  crossing(pHat: number, bound: number, threshold: number): number {
    const step = (bound - pHat) / GRID;
    let inside = pHat;
    for (let k = 1; k <= GRID; k++) {
      const p = pHat + k * step;
      if (this.rssAt(p) > threshold) {
        let a = inside;
        let b = p;
        for (let iteration = 0; iteration < 100 && Math.abs(b - a) > 1e-12 * (1 + Math.abs(a)); iteration++) {
          const mid = (a + b) / 2;
          if (this.rssAt(mid) > threshold) b = mid;
          else a = mid;
        }
        return (a + b) / 2;
      }
      inside = p;
    }
    return bound > pHat ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }

  /** Wald standard errors of (y₀, C, p) from s²(JᵀJ)⁻¹, J = ∂(y₀ + C'e^(ps))/∂(y₀, C', p). */
  waldStandardErrors(fit: LinearOffsetFit): { y0: number; c: number; p: number } {
    const { s } = this;
    const n = s.length;
    const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const e = Math.exp(fit.p * s[i]);
      const row = [1, e, fit.scaled * e * s[i]];
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) m[3 * a + b] += row[a] * row[b];
    }
    const inv = invert3(m);
    const s2 = fit.rss / (n - 3);
    // C = C'·e^(−p·ln x_g): gradient (dC/dC', dC/dp) = (e^(−p ln x_g), −ln x_g·C).
    const dScaled = Math.exp(-fit.p * this.logXg);
    const dP = -this.logXg * fit.c;
    const varC = dScaled * dScaled * inv[4] + 2 * dScaled * dP * inv[5] + dP * dP * inv[8];
    return { y0: Math.sqrt(s2 * inv[0]), c: Math.sqrt(s2 * varC), p: Math.sqrt(s2 * inv[8]) };
  }
}

/** Inverse of a symmetric 3×3 matrix (row-major) by cofactors. */
function invert3(m: number[]): number[] {
  const [a, b, c, , e, f, , , i] = m;
  const A = e * i - f * f;
  const B = -(b * i - c * f);
  const C = b * f - c * e;
  const det = a * A + b * B + c * C;
  const E = (a * i - c * c) / det;
  const F = -(a * f - b * c) / det;
  const I = (a * e - b * b) / det;
  return [A / det, B / det, C / det, B / det, E, F, C / det, F, I];
}
