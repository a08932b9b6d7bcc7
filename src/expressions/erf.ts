/**
 * The error function erf(x) = (2/sqrt(pi)) int_0^x exp(-t^2) dt to near machine precision, with W. J. Cody's
 * rational Chebyshev approximations (Math. Comp. 23 (1969) 631-637, the coefficients of his SPECFUN
 * routine CALERF):
 *   |x| <= 0.46875:  erf(x) = x R0(x^2)
 *   0.46875 < |x| <= 4:  erfc(|x|) = exp(-x^2) R1(|x|)
 *   4 < |x| < 6:  erfc(|x|) = (exp(-x^2) / |x|) (1/sqrt(pi) + x^-2 R2(x^-2))
 *   |x| >= 6:  erf(x) = sign(x) (erfc(6) < 2^-54, so 1 - erfc rounds to 1).
 * exp(-x^2) is computed as exp(-s^2) exp(-(x - s)(x + s)) with s = x rounded down to a multiple of 1/16,
 * which keeps the rounding of x^2 out of the exponent.
 */

const SMALL = 0.46875;
const MIDDLE = 4;
const SATURATED = 6;
const INV_SQRT_PI = 0.5641895835477563;

function expMinusSquare(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  return Math.exp(-s * s) * Math.exp(-(y - s) * (y + s));
}

/** c[0] y^n + c[1] y^(n-1) + ... + c[n], by Horner's rule. */
function horner(y: number, c: Float64Array): number {
  let sum = c[0];
  for (let i = 1; i < c.length; i++) sum = sum * y + c[i];
  return sum;
}

// Coefficients, highest power first (Cody's P and Q of each interval).
const P0 = Float64Array.of(
  0.18577770618460315,
  3.1611237438705655,
  113.86415415105016,
  377.485237685302,
  3209.3775891384694,
);
const Q0 = Float64Array.of(1, 23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171);
const P1 = Float64Array.of(
  2.1531153547440383e-8,
  0.5641884969886701,
  8.883149794388377,
  66.11919063714163,
  298.6351381974001,
  881.952221241769,
  1712.0476126340707,
  2051.0783778260716,
  1230.3393547979972,
);
const Q1 = Float64Array.of(
  1,
  15.744926110709835,
  117.6939508913125,
  537.1811018620099,
  1621.3895745666903,
  3290.7992357334597,
  4362.619090143247,
  3439.3676741437216,
  1230.3393548037495,
);
const P2 = Float64Array.of(
  0.016315387137302097,
  0.30532663496123236,
  0.36034489994980445,
  0.12578172611122926,
  0.016083785148742275,
  0.0006587491615298378,
);
const Q2 = Float64Array.of(
  1,
  2.568520192289822,
  1.8729528499234604,
  0.5279051029514285,
  0.06051834131244132,
  0.0023352049762686918,
);

function erfSmall(x: number): number {
  const z = x * x;
  return (x * horner(z, P0)) / horner(z, Q0);
}

function erfcMiddle(y: number): number {
  return expMinusSquare(y) * (horner(y, P1) / horner(y, Q1));
}

function erfcTail(y: number): number {
  const z = 1 / (y * y);
  return (expMinusSquare(y) * (INV_SQRT_PI - (z * horner(z, P2)) / horner(z, Q2))) / y;
}

export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL) return erfSmall(x);
  if (!(y < SATURATED)) return Number.isNaN(x) ? x : Math.sign(x);
  const complement = y <= MIDDLE ? erfcMiddle(y) : erfcTail(y);
  return x < 0 ? complement - 1 : 1 - complement;
}
