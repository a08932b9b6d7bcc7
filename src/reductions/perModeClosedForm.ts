/**
 * Closed forms of the per-mode ODE of a depth-L linear network from aligned, balanced weights (THEORY.md §0.3):
 *
 *   du/dt = L u^{2−2/L} (s − u),   u = a^L the strength of one mode, s its teacher singular value.
 *
 * The time to go from u0 to u1 (0 < u0 ≤ u1 < s) is T(u1) − T(u0) for an antiderivative T of
 * 1/(L u^{2−2/L}(s − u)), the mode's clock:
 *   L = 2:  T(u) = ln(u/(s − u)) / (2s), so u(t) is the logistic s e^{2st} / (e^{2st} − 1 + s/u0);
 *   L ≥ 3:  T(u) = u^b ₂F₁(1, b; 1 + b; u/s) / (s L b),  b = (2 − L)/L,
 * the second from expanding 1/(s − u) = Σ uⁿ/s^{n+1} and integrating term by term (with a = u^{1/L} it is
 * THEORY's F(a) = a^{2−L}/(s(2−L)) ₂F₁(1, (2−L)/L; 2/L; a^L/s)). Escape from a per-layer scale ε (u0 = ε^L) to
 * a fraction f of s takes T(f s) − T(ε^L), which as ε → 0 behaves like ln(1/ε)/s (L = 2) or
 * ε^{−(L−2)}/((L − 2)s) (L ≥ 3).
 */
import { InvalidArgumentError } from '../errors.js';
import { integerInRange, positiveNumber } from '../validate.js';
import { zeroBalancedHyp2f1 } from './zeroBalancedHyp2f1.js';

/** Largest depth accepted; ε^{2−L} is also checked for overflow at the given ε. */
export const MAX_PER_MODE_DEPTH = 256;

export interface PerModeEscape {
  /** Number of weight matrices L ≥ 2. */
  readonly depth: number;
  /** Teacher singular value s > 0 of the mode. */
  readonly s: number;
  /** Per-layer initial scale ε > 0, so u0 = ε^L. */
  readonly eps: number;
  /** Escape when u reaches frac · s, 0 < frac < 1 (default 1/2). */
  readonly frac?: number;
}

/** The clock T(u): its differences are times between levels (see the file header). 0 < u < s. */
export function perModeClock(depth: number, s: number, u: number): number {
  const L = integerInRange('depth', depth, 2, MAX_PER_MODE_DEPTH);
  positiveNumber('s', s);
  checkLevel('u', u, s);
  return clock(L, s, u, u ** (1 / L));
}

/** Time for du/dt = L u^{2−2/L}(s − u) to go from u0 to u1, 0 < u0 ≤ u1 < s. */
export function perModeTime(depth: number, s: number, u0: number, u1: number): number {
  const L = integerInRange('depth', depth, 2, MAX_PER_MODE_DEPTH);
  positiveNumber('s', s);
  checkLevel('u0', u0, s);
  checkLevel('u1', u1, s);
  if (u1 < u0) {
    throw new InvalidArgumentError('u1', u1, `a level >= u0 = ${u0}`, 'The strength only grows below s.');
  }
  if (L === 2) return Math.log((u1 * (s - u0)) / (u0 * (s - u1))) / (2 * s);
  return clock(L, s, u1, u1 ** (1 / L)) - clock(L, s, u0, u0 ** (1 / L));
}

/** The L = 2 solution u(t) = s e^{2st} / (e^{2st} − 1 + s/u0), written to keep its digits for large t. */
export function perModeLogistic(s: number, u0: number, t: number): number {
  positiveNumber('s', s);
  checkLevel('u0', u0, s);
  if (typeof t !== 'number' || !(t >= 0) || !Number.isFinite(t)) {
    throw new InvalidArgumentError('t', t, 'a finite time >= 0');
  }
  const decay = Math.exp(-2 * s * t);
  return s / (1 + decay * (s / u0 - 1));
}

/** Validated escape settings with the default frac filled in. */
export function checkPerModeEscape(settings: PerModeEscape): Required<PerModeEscape> {
  if (typeof settings !== 'object' || settings === null) {
    throw new InvalidArgumentError('options', settings, 'an object {depth, s, eps, frac?}');
  }
  const depth = integerInRange('depth', settings.depth, 2, MAX_PER_MODE_DEPTH);
  const s = positiveNumber('s', settings.s);
  const eps = positiveNumber('eps', settings.eps);
  const frac = settings.frac ?? 0.5;
  if (typeof frac !== 'number' || !(frac > 0 && frac < 1)) {
    throw new InvalidArgumentError(
      'frac',
      frac,
      'a number in (0, 1)',
      'The strength tends to s, never past it.',
    );
  }
  const u0 = eps ** depth;
  if (!(u0 > 0 && u0 < frac * s) || !Number.isFinite(eps ** (2 - depth))) {
    throw new InvalidArgumentError(
      'eps',
      eps,
      `a scale with 0 < eps^L < frac·s = ${frac * s} and eps^(2−L) finite (L = ${depth})`,
      'Start below the escape level and above the underflow of eps^L.',
    );
  }
  return { depth, s, eps, frac };
}

/** T(frac·s) − T(ε^L): the exact escape time from a per-layer scale ε. */
export function perModeEscapeClosedForm(settings: PerModeEscape): number {
  const { depth, s, eps, frac } = checkPerModeEscape(settings);
  if (depth === 2) return perModeTime(2, s, eps * eps, frac * s);
  const u1 = frac * s;
  return clock(depth, s, u1, u1 ** (1 / depth)) - clock(depth, s, eps ** depth, eps);
}

/** The small-ε law: ln(1/ε)/s for L = 2, ε^{−(L−2)}/((L − 2)s) for L ≥ 3 (frac does not enter). */
export function perModeEscapeAsymptotic(settings: PerModeEscape): number {
  const { depth, s, eps } = checkPerModeEscape(settings);
  if (depth === 2) return Math.log(1 / eps) / s;
  return eps ** (2 - depth) / ((depth - 2) * s);
}

/** T(u) for L ≥ 3 (L = 2 handled by its logarithm) with a = u^{1/L} given, so that a^{2−L} keeps its digits. */
function clock(depth: number, s: number, u: number, a: number): number {
  if (depth === 2) return Math.log(u / (s - u)) / (2 * s);
  const b = (2 - depth) / depth;
  return (a ** (2 - depth) * zeroBalancedHyp2f1(b, u / s)) / (s * depth * b);
}

function checkLevel(name: string, u: number, s: number): void {
  if (typeof u !== 'number' || !(u > 0 && u < s)) {
    throw new InvalidArgumentError(name, u, `a strength in (0, s) = (0, ${s})`);
  }
}
