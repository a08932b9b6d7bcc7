/**
 * The standard normal distribution, accurate in relative terms far into both tails.
 *
 * Φ is evaluated with W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969; ACM TOMS
 * Algorithm 715, 1993): a rational function of x² near 0, of |x| up to √32 and of 1/x² beyond, each with
 * relative error below 1e-16 before rounding. The factor exp(−x²/2) is formed as exp(−s²/2)·exp(−(x−s)(x+s)/2)
 * with s = x rounded down to a multiple of 1/16, so s² is exact and no digits are lost to the large exponent:
 * Φ(−37) ≈ 5.7e−300 keeps about 15 digits. log Φ uses the same pieces without exponentiating, so it stays
 * finite and accurate where Φ underflows (x < −38.5). Φ(x) for x > 0 is 1 − Φ(−x): use `normalSf(x)` for the
 * upper tail, which is exact by symmetry.
 */
import { InvalidArgumentError } from '../errors.js';

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;
/** Φ(−0.6744897501960817) = 1/4: below this |x| the central approximation is used. */
const CENTRAL = 0.67448975;

const A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356];
const A4 = 0.06568233791820745;
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978,
];
const C8 = 1.0765576773720192e-8;
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 2.9112874951168793e-5,
];
const P5 = 0.023073441764940174;
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 7.297515550839662e-5,
];

function checkX(name: string, x: number): void {
  if (Number.isNaN(x)) {
    throw new InvalidArgumentError(name, x, 'a number (±Infinity allowed)', 'Check the value for 0/0.');
  }
}

/** Φ(x) − 1/2 for |x| ≤ 0.674, with full relative accuracy. */
function centralPart(x: number): number {
  const xsq = x * x;
  let num = A4 * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * xsq;
    den = (den + B[i]) * xsq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** Φ(−y) = exp(−y²/2)·ratio(y) for y > 0.674; the ratio without the Gaussian factor. */
function tailRatio(y: number): number {
  if (y <= SQRT_32) {
    let num = C8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (num + C[7]) / (den + D[7]);
  }
  const z = 1 / (y * y);
  let num = P5 * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * z;
    den = (den + Q[i]) * z;
  }
  return (INV_SQRT_2PI - (z * (num + P[4])) / (den + Q[4])) / y;
}

/** −y²/2 split as (hi, lo) with hi exact, for exp(hi)·exp(lo) or hi + lo. */
function halfSquare(y: number): [number, number] {
  const s = Math.trunc(y * 16) / 16;
  return [-0.5 * s * s, -0.5 * (y - s) * (y + s)];
}

/** Lower tail Φ(−y) for y ≥ 0.674 (y may be +Infinity). */
function lowerTail(y: number): number {
  if (y === Number.POSITIVE_INFINITY) return 0;
  const [hi, lo] = halfSquare(y);
  return Math.exp(hi) * Math.exp(lo) * tailRatio(y);
}

/** The standard normal density φ(x) = exp(−x²/2)/√(2π), accurate in relative terms for large |x|. */
export function normalPdf(x: number): number {
  checkX('x', x);
  const y = Math.abs(x);
  if (y === Number.POSITIVE_INFINITY) return 0;
  const [hi, lo] = halfSquare(y);
  return INV_SQRT_2PI * Math.exp(hi) * Math.exp(lo);
}

/** Φ(x) = P(Z ≤ x) for Z ~ N(0, 1); relative error a few ulp for x ≤ 0 down to the underflow at x ≈ −38.5. */
export function normalCdf(x: number): number {
  checkX('x', x);
  const y = Math.abs(x);
  if (y <= CENTRAL) return 0.5 + centralPart(x);
  const tail = lowerTail(y);
  return x < 0 ? tail : 1 - tail;
}

/** 1 − Φ(x) = Φ(−x), the upper tail, as accurate for large x as `normalCdf` is for large −x. */
export function normalSf(x: number): number {
  checkX('x', x);
  return normalCdf(-x);
}

/** log Φ(x), finite and accurate for every finite x (−x²/2 − log(−x) − log√(2π) + … as x → −∞). */
export function logNormalCdf(x: number): number {
  checkX('x', x);
  const y = Math.abs(x);
  if (y <= CENTRAL) return Math.log(0.5 + centralPart(x));
  if (y === Number.POSITIVE_INFINITY) return x > 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (x > 0) return Math.log1p(-lowerTail(y));
  const [hi, lo] = halfSquare(y);
  return hi + lo + Math.log(tailRatio(y));
}

/** log(1 − Φ(x)) = log Φ(−x). */
export function logNormalSf(x: number): number {
  checkX('x', x);
  return logNormalCdf(-x);
}
