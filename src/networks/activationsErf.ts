/**
 * The error function with full relative accuracy at every argument, including the tiny pre-activations of a
 * network near its saddle (z of order ε^r): erf(1e-12) must not be computed as 2Φ(√2·z) − 1, which keeps only
 * about four digits there.
 *
 * For |x| ≤ 1/2, W. J. Cody's rational approximation x·P(x²)/Q(x²) (Math. Comp. 23, 1969; the first range of
 * CALERF), relative error below 1e-16 before rounding. Beyond, erf(x) = 1 − 2·Φ(−√2·|x|) with the tail-accurate
 * normal of src/analysis/normal.ts; there erf ≥ 0.52, so the subtraction loses nothing.
 */
import { normalSf } from '../analysis/normal.js';

const P = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const Q = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const SQRT2 = Math.SQRT2;
/** 2/√π = erf'(0). */
export const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** erf(x) = (2/√π)∫_0^x e^{−t²} dt; NaN for NaN, ±1 at ±Infinity. */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a <= 0.5) {
    const y = x * x;
    let num = P[4] * y;
    let den = y;
    for (let i = 0; i < 3; i++) {
      num = (num + P[i]) * y;
      den = (den + Q[i]) * y;
    }
    return (x * (num + P[3])) / (den + Q[3]);
  }
  if (Number.isNaN(a)) return Number.NaN;
  const tail = 1 - 2 * normalSf(SQRT2 * a);
  return x < 0 ? -tail : tail;
}

/** erf'(x) = (2/√π) e^{−x²}. */
export function erfDerivative(x: number): number {
  return TWO_OVER_SQRT_PI * Math.exp(-x * x);
}
