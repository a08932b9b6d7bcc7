/**
 * The null distribution of the Anderson–Darling statistic A²_n for a fully specified continuous F.
 *
 * Limit n → ∞: A² = Σ_k Y_k²/(k(k+1)) with Y_k iid N(0, 1).
 * - z < 3.857 (p > 0.0102): G. & J. Marsaglia's short approximation of the CDF ("Evaluating the
 *   Anderson–Darling distribution", J. Stat. Softw. 9(2), 2004). Against the exact series of Anderson &
 *   Darling (1954) its error is at most 2e−5 absolute (near z = 1).
 * - z ≥ 3.857: their fit turns wrong in relative terms beyond (−51% at z = 10, −99% at z = 12), so the tail
 *   comes from the largest eigenvalue 1/2. Conditioning on the rest R = Σ_{k≥2} Y_k²/(k(k+1)) gives
 *   P(A² > z) = √3·erfc(√z)·(1 + 11/(36z) + O(z⁻²)), where √3 = E[e^R] = Π_{k≥2}(1 − 2/(k(k+1)))^(−1/2) and
 *   11/18 = E[R e^R]/E[e^R] = Σ_{k≥2} 1/((k−1)(k+2)). Its relative error is below 1e−3: about
 *   1.3e−4 at z = 3.857, 9.7e−4 near z = 5.5–6, 2.0e−4 at z = 20 (against a numerical inversion of the
 *   exact characteristic function).
 *
 * Finite n: Marsaglia's correction errfix(n, x) is added to x = P(A²_∞ ≤ z); with it the p-values agree with
 * 2·10⁶-sample simulations at n = 10, 20, 50 (accuracy about 1e−5 absolute for n ≥ 7, 3 digits below).
 * Where p < 0.01 the correction, fitted only for p ≥ 0.01, is continued as the relative factor
 * 1 + 0.4705/n it has at p = 0.01, so tail p-values keep their relative accuracy instead of being shifted
 * by a constant.
 */
import { normalCdf } from './normal.js';

const SQRT3 = 1.7320508075688772;
/** −errfix's polynomial over (1 − x) at x = 0.99, the relative finite-n factor used in the far tail. */
const TAIL_FACTOR = 0.47053499581295455;

/** P(A²_∞ > z): the upper tail of the limiting distribution, accurate in relative terms. */
export function andersonDarlingLimitSf(z: number): number {
  if (!(z > 0)) return 1;
  if (z < 2) {
    const cdf =
      (Math.exp(-1.2337141 / z) / Math.sqrt(z)) *
      (2.00012 + (0.247105 - (0.0649821 - (0.0347962 - (0.011672 - 0.00168691 * z) * z) * z) * z) * z);
    return 1 - cdf;
  }
  if (z < 3.857) {
    const g = 1.0776 - (2.30695 - (0.43424 - (0.082433 - (0.008056 - 0.0003146 * z) * z) * z) * z) * z;
    return -Math.expm1(-Math.exp(g));
  }
  const erfcRoot = 2 * normalCdf(-Math.sqrt(2 * z));
  return SQRT3 * erfcRoot * (1 + 11 / (36 * z));
}

/** Marsaglia's errfix(n, x): P(A²_n ≤ z) ≈ x + errfix(n, x) with x = P(A²_∞ ≤ z), for x ≤ 0.99. */
function errfix(n: number, x: number): number {
  if (x > 0.8) {
    return (-130.2137 + (745.2337 - (1705.091 - (1950.646 - (1116.36 - 255.7844 * x) * x) * x) * x) * x) / n;
  }
  const c = 0.01265 + 0.1757 / n;
  if (x < c) {
    const t = x / c;
    const shape = Math.sqrt(t) * (1 - t) * (49 * t - 102);
    return (shape * (0.0037 / (n * n) + 0.00078 / n + 0.00006)) / n;
  }
  const t = (x - c) / (0.8 - c);
  const shape = -0.00022633 + (6.54034 - (14.6538 - (14.458 - (8.259 - 1.91864 * t) * t) * t) * t) * t;
  return (shape * (0.04213 + 0.01365 / n)) / n;
}

/** P(A²_n ≥ z) for a sample of n ≥ 1 points from the hypothesised continuous distribution. */
export function andersonDarlingSf(n: number, z: number): number {
  const tail = andersonDarlingLimitSf(z);
  if (tail <= 0.01) return tail * (1 + TAIL_FACTOR / n);
  return Math.min(1, Math.max(0, tail - errfix(n, 1 - tail)));
}
