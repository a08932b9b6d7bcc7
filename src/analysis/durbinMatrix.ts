/**
 * The exact distribution of the two-sided Kolmogorov–Smirnov statistic by Durbin's matrix formula, in the
 * form of Marsaglia, Tsang & Wang ("Evaluating Kolmogorov's distribution", J. Stat. Softw. 8(18), 2003):
 *
 *   P(D_n < d) = n!/nⁿ · (Hⁿ)_{kk},   k = ⌊nd⌋ + 1, h = k − nd, H of size m = 2k − 1,
 *
 * H_ij = 1/(i−j+1)! for i − j + 1 ≥ 0 (else 0), with the first column and the last row corrected by powers
 * of h. Every entry of Hⁿ is a sum of non-negative terms, so nothing cancels; the cost is m³·2log₂n, and the
 * powers are rescaled by exact powers of two to stay in range. Accurate to about 13 digits of P(D_n < d).
 */

const SCALE_EXPONENT = 400;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

function buildMatrix(m: number, h: number): Float64Array {
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 >= 0 ? 1 : 0;
  }
  for (let i = 0; i < m; i++) {
    H[i * m] -= h ** (i + 1);
    H[(m - 1) * m + i] -= h ** (m - i);
  }
  if (2 * h - 1 > 0) H[(m - 1) * m] += (2 * h - 1) ** m;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let g = 2; g <= i - j + 1; g++) H[i * m + j] /= g;
    }
  }
  return H;
}

/** out = a·b for m×m row-major matrices (out must not alias a or b). */
function multiply(a: Float64Array, b: Float64Array, out: Float64Array, m: number): void {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const row = i * m;
    for (let l = 0; l < m; l++) {
      const ail = a[row + l];
      if (ail === 0) continue;
      const other = l * m;
      for (let j = 0; j < m; j++) out[row + j] += ail * b[other + j];
    }
  }
}

/** Rescales a by 2^−400 while its largest entry exceeds 2^400; returns how many times. */
function rescale(a: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]));
  let times = 0;
  while (largest > SCALE_UP) {
    for (let i = 0; i < a.length; i++) a[i] *= SCALE_DOWN;
    largest *= SCALE_DOWN;
    times++;
  }
  return times;
}

/** x·2^e without intermediate overflow or underflow. */
function scaleByPowerOfTwo(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** P(D_n < d), exact, for an integer n ≥ 1 and 0 < d < 1. Cost grows as (nd)³·log n. */
export function durbinCdf(n: number, d: number): number {
  const nd = n * d;
  const k = Math.floor(nd) + 1;
  const m = 2 * k - 1;
  let base: Float64Array = buildMatrix(m, k - nd);
  let result: Float64Array | undefined;
  let baseExponent = 0;
  let resultExponent = 0;
  let scratch: Float64Array = new Float64Array(m * m);
  for (let power = n; power > 0; power = Math.floor(power / 2)) {
    if (power % 2 === 1) {
      if (result === undefined) {
        result = base.slice();
      } else {
        multiply(result, base, scratch, m);
        [result, scratch] = [scratch, result];
      }
      resultExponent += baseExponent + SCALE_EXPONENT * rescale(result);
    }
    if (power > 1) {
      multiply(base, base, scratch, m);
      [base, scratch] = [scratch, base];
      baseExponent = 2 * baseExponent + SCALE_EXPONENT * rescale(base);
    }
  }
  let s = (result as Float64Array)[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    s = (s * i) / n;
    if (s < SCALE_DOWN) {
      s *= SCALE_UP;
      resultExponent -= SCALE_EXPONENT;
    }
  }
  return scaleByPowerOfTwo(s, resultExponent);
}
