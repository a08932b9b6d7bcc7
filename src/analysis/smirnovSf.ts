/**
 * The exact upper tail of the one-sided Kolmogorov–Smirnov statistic D⁺_n = sup(F_n − F) (Smirnov 1944;
 * Birnbaum & Tingey 1951):
 *
 *   P(D⁺_n ≥ d) = d · Σ_{j=0}^{⌊n(1−d)⌋} C(n, j) (d + j/n)^(j−1) (1 − d − j/n)^(n−j).
 *
 * Since (d + j/n) + (1 − d − j/n) = 1, the j-th term is a binomial probability divided by its success
 * probability p_j = d + j/n; each is evaluated by Loader's saddle-point form, so every term is accurate to a
 * few ulp for any n and the sum of positive terms loses nothing. Cost: one term per j, O(n).
 */
import { binomialPmf } from './binomialPmf.js';

/** P(D⁺_n ≥ d) for an integer n ≥ 1; 1 for d ≤ 0 and 0 for d > 1. */
export function smirnovSf(n: number, d: number): number {
  if (d <= 0) return 1;
  if (d > 1) return 0;
  const nd = n * d;
  const last = Math.floor(n - nd);
  let sum = 0;
  for (let j = 0; j <= last; j++) {
    const q = (n - j - nd) / n;
    if (q <= 0) break;
    const p = (j + nd) / n;
    sum += binomialPmf(j, n, p, q) / p;
  }
  // d = 1 exactly: only the all-above path remains, P(D⁺ ≥ 1) = 0 for a continuous F.
  return d * sum;
}
