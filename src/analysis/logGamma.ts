/**
 * log Γ(x) for x > 0 and Stirling's remainder, the building blocks of the gamma, chi-square and binomial
 * probabilities used by the tests.
 *
 * For x ≥ 10, Stirling's series (x − ½)log x − x + ½log 2π + Σ B₂ₖ/(2k(2k−1)x^(2k−1)) with seven terms has
 * truncation error below 3e−17, and the result is within a few ulp of its largest term. For 0 < x < 10 the
 * recurrence Γ(x) = Γ(x + k)/(x(x+1)…(x+k−1)) is applied to Γ itself (not its logarithm), which keeps the
 * absolute error of log Γ near 1e−15 where its value is small; integers up to 24 are exact factorials.
 */
import { InvalidArgumentError } from '../errors.js';

const HALF_LOG_2PI = 0.9189385332046728;
const SQRT_2PI = 2.5066282746310007;

/** B₂ₖ/(2k(2k−1)) for k = 1..7: 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

/** Σ B₂ₖ/(2k(2k−1)x^(2k−1)) for x ≥ 10: Stirling's remainder log Γ(x) − (x−½)log x + x − ½log 2π. */
function stirlingSeries(x: number): number {
  const z = 1 / (x * x);
  let sum = STIRLING[6];
  for (let k = 5; k >= 0; k--) sum = sum * z + STIRLING[k];
  return sum / x;
}

/** Γ(z) for 10 ≤ z ≤ 20 as √(2π)·z^(z−½)·e^(−z)·e^(series): each factor to about 1 ulp. */
function gammaDirect(z: number): number {
  return SQRT_2PI * z ** (z - 0.5) * Math.exp(-z) * Math.exp(stirlingSeries(z));
}

/** log Γ(x) for x > 0 (x may be +Infinity). */
export function logGamma(x: number): number {
  if (typeof x !== 'number' || !(x > 0)) {
    throw new InvalidArgumentError(
      'x',
      x,
      'a number > 0',
      'log Γ is evaluated here only on the positive axis.',
    );
  }
  if (x === Number.POSITIVE_INFINITY) return x;
  if (Number.isInteger(x) && x <= 24) {
    // (x − 1)! is exact in double precision up to 23!, so the logarithm is correctly rounded.
    let factorial = 1;
    for (let k = 2; k < x; k++) factorial *= k;
    return Math.log(factorial);
  }
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingSeries(x);
  // Γ(x) = Γ(x + k)/(x(x+1)…(x+k−1)) with x + k in [10, 11): a product of about 15 roundings, so
  // log Γ(x) is within about 8 ulp in absolute terms instead of the 10+ a difference of logs would lose.
  let product = 1;
  let z = x;
  while (z < 10) {
    product *= z;
    z += 1;
  }
  return Math.log(gammaDirect(z) / product);
}

/**
 * log(n!) − (n + ½)log n + n − ½log 2π for integer or real n ≥ 1: the error of Stirling's formula for n!.
 * Exact constants for the integers 1..15 (where the subtraction would cancel), the series above them.
 */
const STIRLING_ERROR_SMALL = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

export function stirlingError(n: number): number {
  if (n <= 15) {
    if (Number.isInteger(n)) return STIRLING_ERROR_SMALL[n];
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
  }
  // Stirling's series at n + 1 shifted to n: log Γ(n + 1) = log n + log Γ(n), and the remainder of
  // log Γ(n) is the same series evaluated at n.
  return stirlingSeries(n);
}
