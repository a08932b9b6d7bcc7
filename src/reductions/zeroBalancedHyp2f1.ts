/**
 * The Gauss hypergeometric function ₂F₁(1, b; 1 + b; x) for 0 ≤ x < 1: the case a = 1, c = 1 + b met by the
 * per-mode closed form of a depth-L linear network (b = (2 − L)/L, c = 2/L). With a = 1 the series
 * coefficients collapse, (1)_n (b)_n / ((1 + b)_n n!) = b/(b + n), so
 *
 *   ₂F₁(1, b; 1 + b; x) = Σ_{n≥0} b xⁿ / (b + n).
 *
 * The parameters are zero-balanced (c − a − b = 0), so the function has a logarithmic singularity at x = 1 and
 * the series converges like Σ xⁿ/n there. It is summed directly for x ≤ 1/2 (at most about 55 terms). For
 * x > 1/2 the transformation to 1 − x for the zero-balanced case (Abramowitz & Stegun 15.3.10) is used; with
 * a = 1 and y = 1 − x it reads
 *
 *   ₂F₁(1, b; 1 + b; x) = b Σ_{n≥0} ((b)_n / n!) [ψ(n + 1) − ψ(b + n) − ln y] yⁿ,
 *
 * which again converges at least like 2^{−n}. The coefficients follow by recurrence:
 * (b)_{n+1}/(n+1)! = (b)_n/n! · (b + n)/(n + 1) and ψ(n + 2) − ψ(b + n + 1) = ψ(n + 1) − ψ(b + n) + 1/(n + 1) −
 * 1/(b + n). Both sums stop when a term no longer changes the sum in double precision.
 */

import { digamma } from '../analysis/digamma.js';
import { InvalidArgumentError } from '../errors.js';

const MAX_TERMS = 400;

/**
 * ₂F₁(1, b; 1 + b; x) for −1 < b ≤ 1 and 0 ≤ x < 1 (equal to 1 when b = 0). The range of b covers every depth
 * (b = (2 − L)/L lies in (−1, 0]) and keeps the coefficients (b)_n/n! bounded, so no sum cancels.
 */
export function zeroBalancedHyp2f1(b: number, x: number): number {
  if (typeof b !== 'number' || !(b > -1 && b <= 1)) {
    throw new InvalidArgumentError('b', b, 'a number in (−1, 1]', 'For a depth-L network b = (2 − L)/L.');
  }
  if (typeof x !== 'number' || !(x >= 0 && x < 1)) {
    throw new InvalidArgumentError(
      'x',
      x,
      'a number in [0, 1) (the function has a logarithmic singularity at 1)',
    );
  }
  if (b === 0 || x === 0) return 1;
  return x <= 0.5 ? directSeries(b, x) : nearOne(b, 1 - x);
}

function directSeries(b: number, x: number): number {
  let sum = 1;
  let power = 1;
  for (let n = 1; n < MAX_TERMS; n++) {
    power *= x;
    const term = (b * power) / (b + n);
    const next = sum + term;
    if (next === sum) return sum;
    sum = next;
  }
  return sum;
}

function nearOne(b: number, y: number): number {
  const logY = Math.log(y);
  let coefficient = 1;
  // ψ(1) − ψ(b), with ψ(1) = −γ.
  let h = digamma(1) - digamma(b);
  let power = 1;
  let sum = h - logY;
  // h − ln y may pass through 0 once, so the sum stops only after two negligible terms in a row.
  let negligible = 0;
  for (let n = 0; n < MAX_TERMS && negligible < 2; n++) {
    coefficient *= (b + n) / (n + 1);
    h += 1 / (n + 1) - 1 / (b + n);
    power *= y;
    const next = sum + coefficient * (h - logY) * power;
    negligible = next === sum ? negligible + 1 : 0;
    sum = next;
  }
  return b * sum;
}
