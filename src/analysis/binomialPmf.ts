/**
 * The binomial probability C(n, x) pˣ qⁿ⁻ˣ with full relative accuracy for any n, by Loader's saddle-point
 * form (C. Loader, "Fast and accurate computation of binomial probabilities", 2000):
 *
 *   C(n,x) pˣ qⁿ⁻ˣ = √(n / (2π x (n−x))) · exp(δ(n) − δ(x) − δ(n−x) − D(x, np) − D(n−x, nq)),
 *
 * δ the Stirling error and D(x, M) = x log(x/M) + M − x ≥ 0 the deviance, summed by its series when x is
 * close to M so that no large logarithms cancel. Taking p and q separately (not q = 1 − p) keeps q exact when
 * it is tiny.
 */
import { stirlingError } from './logGamma.js';

const LOG_2PI = 1.8378770664093456;

/** D(x, M) = x log(x/M) + M − x, without cancellation when x ≈ M. */
export function deviance(x: number, M: number): number {
  const diff = x - M;
  if (Math.abs(diff) < 0.1 * (x + M)) {
    let v = diff / (x + M);
    let sum = diff * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / M) + M - x;
}

/**
 * P(X = x) for X ~ Binomial(n, p), given p and q = 1 − p separately; x an integer in [0, n]. No validation:
 * callers pass values they computed.
 */
export function binomialPmf(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return p < 0.1 ? Math.exp(n * Math.log1p(-p)) : Math.exp(n * Math.log(q));
  if (x === n) return q < 0.1 ? Math.exp(n * Math.log1p(-q)) : Math.exp(n * Math.log(p));
  const exponent =
    stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q);
  const logScale = LOG_2PI + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(exponent - 0.5 * logScale);
}
