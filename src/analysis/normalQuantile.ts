/**
 * The standard normal quantile Φ⁻¹(p), accurate in relative terms for p from 1e-300 to 1 − 1e-16.
 *
 * Wichura's algorithm AS 241 (PPND16, Appl. Statist. 37, 1988) gives about 16 digits from three rational
 * approximations: in q = p − 1/2 for |q| ≤ 0.425 and in r = √(−log min(p, 1−p)) for r ≤ 5 and r > 5. In the
 * tails one Halley step on Φ(x) − p (with the tail-accurate Φ of `normal.ts`) removes what rounding in
 * the rational functions left; Halley's cubic convergence makes one step enough. The central branch is left
 * as it is: there Φ(x) − p cancels and a correction would cost digits of x near 0 rather than add them.
 * For p > 1/2 the quantile is −Φ⁻¹(1 − p), which is exact because 1 − p is exact for p ≥ 1/2.
 */
import { InvalidArgumentError } from '../errors.js';
import { normalCdf, normalPdf } from './normal.js';

const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];
/** Smallest positive normal double: below it φ(x) loses digits and the refinement step is skipped. */
const MIN_NORMAL = 2.2250738585072014e-308;

function rational(num: readonly number[], den: readonly number[], r: number): number {
  let n = num[7];
  let d = den[7];
  for (let i = 6; i >= 0; i--) {
    n = n * r + num[i];
    d = d * r + den[i];
  }
  return n / d;
}

/** AS 241 for p ≤ 1/2 (so the result is ≤ 0). */
function wichura(p: number): number {
  const q = p - 0.5;
  if (q >= -0.425) {
    const r = 0.180625 - q * q;
    return q * rational(A, B, r);
  }
  const r = Math.sqrt(-Math.log(p));
  if (r <= 5) return -rational(C, D, r - 1.6);
  return -rational(E, F, r - 5);
}

/** Φ⁻¹(p) for p in [0, 1]: Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞. */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new InvalidArgumentError('p', p, 'a probability in [0, 1]');
  }
  if (p > 0.5) return -lowerQuantile(1 - p);
  return lowerQuantile(p);
}

function lowerQuantile(p: number): number {
  if (p === 0) return Number.NEGATIVE_INFINITY;
  const x = wichura(p);
  if (p >= 0.075 || p < MIN_NORMAL) return x;
  const t = (normalCdf(x) - p) / normalPdf(x);
  return x - t / (1 + 0.5 * x * t);
}
