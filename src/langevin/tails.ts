/**
 * Where to cut an infinite end of an integral of exp(phi(x)), and whether it can be cut at all.
 *
 * From the center c outwards, probe x_k = c +- s 2^k (k = 0 .. 100). The shell [x_k, x_{k+1}] carries a mass
 * of about |x_k - c| exp(phi(x_k)). The end is integrable (numerically) when that shell mass falls CUT_EFOLDS
 * e-folds below the bulk, exp(phiMax) s, and keeps falling for two more doublings; the end is then cut at x_k.
 * A density ~ |x|^-(1 + delta) has shell masses falling by r = 2^-delta per doubling, so it passes within the
 * 100 doublings when delta > 46 / (100 ln 2) = 0.66, and the mass left beyond the cut is then at most
 * exp(-46) / (1 - r) < 3e-20 of the bulk. An end whose shell mass never gets that small by |x - c| = 2^100 s,
 * or where phi is NaN or +Infinity, fails the check: the density is not normalizable there, or not usefully
 * (a tail ~ |x|^-1.5 still holds 1e-16 of the mass beyond 10^32). At 2^100 s a polynomial potential of
 * degree up to 10 is still finite, so overflow does not fake a decay. A second mode beyond
 * 2^100 s cannot be seen.
 */

/** How many e-folds below the bulk a shell must fall before the end is cut (exp(-46) is about 1e-20). */
const CUT_EFOLDS = 46;
const MAX_DOUBLINGS = 100;

export type End = 'lower' | 'upper';

export interface TailCut {
  readonly end: End;
  readonly integrable: boolean;
  /** Where the integral is cut (the end itself when finite); NaN when not integrable. */
  readonly cut: number;
  /** Why the end failed, with the point where it was seen. */
  readonly reason?: string;
}

/**
 * Checks one end of [lower, upper] for the integrand exp(phi). `phiMax` is the largest phi in the bulk
 * (near the center c, on the scale s). A finite end is returned as is.
 */
export function tailCut(
  phi: (x: number) => number,
  end: End,
  bound: number,
  center: number,
  scale: number,
  phiMax: number,
): TailCut {
  if (Number.isFinite(bound)) return { end, integrable: true, cut: bound };
  const sign = end === 'upper' ? 1 : -1;
  const threshold = phiMax + Math.log(scale) - CUT_EFOLDS;
  let falling = 0;
  let previous = Number.POSITIVE_INFINITY;
  let candidate = Number.NaN;
  let last = Number.NaN;
  for (let k = 0; k <= MAX_DOUBLINGS; k++) {
    const offset = scale * 2 ** k;
    const x = center + sign * offset;
    const value = phi(x);
    if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) {
      return { end, integrable: false, cut: Number.NaN, reason: `the log-integrand is ${value} at x = ${x}` };
    }
    const shell = value + Math.log(offset);
    last = shell;
    if (shell < threshold && (shell < previous || shell === Number.NEGATIVE_INFINITY)) {
      if (falling === 0) candidate = x;
      falling++;
      if (falling === 3) return { end, integrable: true, cut: candidate };
    } else {
      falling = 0;
    }
    previous = shell;
  }
  const x = center + sign * scale * 2 ** MAX_DOUBLINGS;
  return {
    end,
    integrable: false,
    cut: Number.NaN,
    reason:
      `the integrand does not decay: at x = ${x.toPrecision(4)} the mass per doubling is ` +
      `exp(${(last - phiMax - Math.log(scale)).toPrecision(3)}) of the bulk, not below exp(-${CUT_EFOLDS})`,
  };
}
