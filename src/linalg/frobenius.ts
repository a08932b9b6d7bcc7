/** Frobenius inner product and norm, ⟨A, B⟩ = Σ_ij A_ij B_ij and ‖A‖_F = √⟨A, A⟩. */
import { type Entries, entriesOf, sameLength } from './axpy.js';

/** ⟨x, y⟩_F with pairwise-independent partial sums (four accumulators). */
export function frobeniusInner(x: Entries, y: Entries): number {
  const [xs, ys] = sameLength('frobeniusInner', x, y);
  const n = xs.length;
  const n4 = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n4; i += 4) {
    s0 += xs[i] * ys[i];
    s1 += xs[i + 1] * ys[i + 1];
    s2 += xs[i + 2] * ys[i + 2];
    s3 += xs[i + 3] * ys[i + 3];
  }
  for (let i = n4; i < n; i++) s0 += xs[i] * ys[i];
  return s0 + s1 + (s2 + s3);
}

/**
 * ‖x‖_F, scaled so that it neither overflows for entries near 1e200 nor underflows for entries near 1e-200
 * (parameters of size ε^L can be tiny): the sum of squares runs on x / max|x_i|.
 */
export function frobeniusNorm(x: Entries): number {
  const xs = entriesOf(x);
  let big = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = Math.abs(xs[i]);
    if (v > big || Number.isNaN(v)) big = v;
  }
  if (big === 0 || !Number.isFinite(big)) return big;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i] / big;
    sum += v * v;
  }
  return big * Math.sqrt(sum);
}
