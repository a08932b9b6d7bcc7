/**
 * Whether the stationary density (or f times it) is integrable at one end of its domain, from the probes of
 * the spine (stationaryDensitySpine.ts). The probe shells carry masses m_k ≈ width_k · exp(ψ(x_k)) |f(x_k)|.
 *
 * - integrable: three shells in a row decrease, and the geometric bound on everything beyond, m_k ρ/(1 − ρ)
 *   with ρ the larger of the last two ratios, is CUT_EFOLDS e-folds below the largest cell of the bulk; the
 *   integral is cut at that probe. When the probes run out (the floating-point resolution of a finite end, or
 *   2^100 scales toward an infinite one), a bound below the quadrature's relative tolerance is enough: what is
 *   left is below the error the quadrature allows anyway.
 * - not-integrable: at the last probes the shell masses do not decrease (a density ~ δ^β with β ≤ −1 at a
 *   finite end, or ~ |x|^β with β ≥ −1 at an infinite one), or ψ is +Infinity or NaN at a probe.
 * - undecided: the masses decrease, but too slowly to be cut within the probes (a power close to the
 *   borderline), or the coefficients stopped being finite first. Such an end is not normalized silently.
 * A zero of the diffusion met short of the end is checked like a finite end: not integrable toward it decides
 * the end; anything else leaves it undecided.
 */
import type { EndProbes } from './stationaryDensitySpine.js';

export const CUT_EFOLDS = 46;

export type EndVerdict = 'integrable' | 'not-integrable' | 'undecided';

export interface EndCheck {
  readonly end: 'lower' | 'upper';
  /** The end of the domain. */
  readonly bound: number;
  readonly verdict: EndVerdict;
  /** Where the integral is cut (a probe point); NaN unless integrable. */
  readonly cut: number;
  /** One sentence: why. */
  readonly reason: string;
}

/** log(ρ/(1 − ρ)) for log ρ < 0. */
function logGeometricTail(logRatio: number): number {
  return logRatio - Math.log(-Math.expm1(logRatio));
}

function describeDecay(probes: EndProbes, logRatio: number): string {
  const step =
    probes.zero !== undefined
      ? `halving of the distance to x = ${probes.zero}`
      : Number.isFinite(probes.bound)
        ? 'halving of the distance to the end'
        : 'doubling of |x|';
  return `the mass per shell changes by a factor ${Math.exp(logRatio).toPrecision(3)} per ${step}`;
}

/**
 * Checks one end. `bulk` is the log of the largest cell mass of the bulk (same weighting); `logFactor` adds
 * ln|f(x)| to ψ for the integral of f times the density. When the probes met a zero of the diffusion short of
 * the end, only a density that is not integrable toward that zero is decided; otherwise the end is undecided,
 * since the domain beyond the zero was not probed.
 */
export function checkEnd(
  probes: EndProbes,
  bulk: number,
  relTol: number,
  logFactor?: (x: number) => number,
): EndCheck {
  const check = checkProbes(probes, bulk, relTol, logFactor);
  const zero = probes.zero;
  if (zero === undefined) return check;
  const where = `the diffusion vanishes at x = ${zero},`;
  if (check.verdict === 'not-integrable') {
    return { ...check, reason: `${where} and the density is not integrable toward it: ${check.reason}` };
  }
  const toward = check.verdict === 'integrable' ? `it is integrable (${check.reason})` : check.reason;
  const reason = `${where} where the law may concentrate; toward it ${toward}, and beyond it nothing was probed`;
  return { ...check, verdict: 'undecided', cut: Number.NaN, reason };
}

function checkProbes(
  probes: EndProbes,
  bulk: number,
  relTol: number,
  logFactor?: (x: number) => number,
): EndCheck {
  const { end, bound, x } = probes;
  const base = { end, bound, cut: Number.NaN };
  const mass: number[] = [];
  const at: number[] = [];
  for (let k = 0; k < x.length; k++) {
    if (probes.psi[k] === Number.NEGATIVE_INFINITY) {
      return { ...base, verdict: 'integrable', cut: x[k], reason: `the density vanishes at x = ${x[k]}` };
    }
    const m = probes.psi[k] + Math.log(probes.width[k]) + (logFactor ? logFactor(x[k]) : 0);
    if (Number.isNaN(m) || m === Number.POSITIVE_INFINITY) {
      const reason = `the log-integrand is ${m} at x = ${x[k]}`;
      return { ...base, verdict: 'not-integrable', reason };
    }
    // A zero of f at one probe says nothing about the tail: skip it.
    if (m === Number.NEGATIVE_INFINITY) continue;
    mass.push(m);
    at.push(x[k]);
    const n = mass.length;
    if (n < 3 || !(mass[n - 1] < mass[n - 2] && mass[n - 2] < mass[n - 3])) continue;
    const logRatio = Math.max(mass[n - 1] - mass[n - 2], mass[n - 2] - mass[n - 3]);
    if (mass[n - 1] + logGeometricTail(logRatio) < bulk - CUT_EFOLDS) {
      const reason = `the mass beyond x = ${x[k]} is below exp(-${CUT_EFOLDS}) of the bulk`;
      return { ...base, verdict: 'integrable', cut: x[k], reason };
    }
  }
  return exhausted(probes, mass, at, bulk, relTol);
}

/** The verdict once every probe has been seen without a cut. */
function exhausted(probes: EndProbes, mass: number[], at: number[], bulk: number, relTol: number): EndCheck {
  const { end, bound } = probes;
  const base = { end, bound, cut: Number.NaN };
  const n = mass.length;
  if (n < 3) {
    const why = probes.stopped ?? 'too few points could be probed between the bulk and the end';
    return { ...base, verdict: 'undecided', reason: why };
  }
  const logRatio = Math.max(mass[n - 1] - mass[n - 2], mass[n - 2] - mass[n - 3]);
  if (logRatio >= 0) {
    const lead = probes.zero === undefined ? 'it is not integrable there: ' : '';
    const reason = `${lead}${describeDecay(probes, logRatio)}`;
    return { ...base, verdict: 'not-integrable', reason };
  }
  const tail = mass[n - 1] + logGeometricTail(logRatio);
  if (probes.stopped === undefined && tail < bulk + Math.log(relTol)) {
    const where = Number.isFinite(bound)
      ? 'within the floating-point resolution of the end'
      : `beyond x = ${at[n - 1]}`;
    const reason = `the mass left ${where} is below ${relTol} of the largest cell (geometric bound)`;
    return { ...base, verdict: 'integrable', cut: at[n - 1], reason };
  }
  const where = probes.stopped ?? `the probes reached x = ${at[n - 1]}`;
  const reason =
    `the mass decreases toward the end too slowly to bound (${describeDecay(probes, logRatio)}; ` +
    `${where})`;
  return { ...base, verdict: 'undecided', reason };
}
