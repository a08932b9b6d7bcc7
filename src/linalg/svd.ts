/**
 * Thin singular value decomposition through ml-matrix, and the numerical rank of a spectrum. These run at save
 * times, not in hot loops, so they may allocate.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { InvalidArgumentError } from '../errors.js';
import { checkFiniteEntries, checkShape, type Mat, zeros } from './mat.js';

/** m = u · diag(s) · vᵀ with k = min(rows, cols): u is rows×k, v is cols×k, s descending and ≥ 0. */
export interface SvdResult {
  readonly u: Mat;
  readonly s: Float64Array;
  readonly v: Mat;
}

/** Thin SVD of `m` (any shape; entries must be finite). */
export function svd(m: Mat): SvdResult {
  checkShape('svd', 'm', m, m.rows, m.cols);
  checkFiniteEntries('m', m);
  const k = Math.min(m.rows, m.cols);
  if (k === 0) return { u: zeros(m.rows, 0), s: new Float64Array(0), v: zeros(m.cols, 0) };
  const dec = new SingularValueDecomposition(Matrix.from1DArray(m.rows, m.cols, m.data), {
    autoTranspose: true,
  });
  const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => dec.diagonal[j] - dec.diagonal[i]);
  const left = dec.leftSingularVectors;
  const right = dec.rightSingularVectors;
  const u = zeros(m.rows, k);
  const v = zeros(m.cols, k);
  const s = new Float64Array(k);
  order.forEach((src, dst) => {
    s[dst] = Math.max(0, dec.diagonal[src]);
    for (let i = 0; i < m.rows; i++) u.data[i * k + dst] = left.get(i, src);
    for (let j = 0; j < m.cols; j++) v.data[j * k + dst] = right.get(j, src);
  });
  return { u, s, v };
}

/**
 * Number of singular values strictly above `tol`. The default is numpy's `matrix_rank` rule,
 * tol = maxDim · ε · s_1 with ε = 2^-52 the machine epsilon and maxDim = max(rows, cols) of the decomposed matrix
 * (s.length, i.e. min(rows, cols), when not given): values below it are indistinguishable from rounding noise
 * of the decomposition. Pass an explicit `tol` (for instance 1e-3 · s_1) to count only modes that are
 * numerically large, as when reading off the rank of a saddle during a plateau. `s` must be descending.
 */
export function numericalRank(s: Float64Array, tol?: number, maxDim = s.length): number {
  if (!(s instanceof Float64Array)) {
    throw new InvalidArgumentError('s', s, 'a Float64Array of singular values', 'Pass svd(m).s.');
  }
  if (tol !== undefined && (typeof tol !== 'number' || Number.isNaN(tol) || tol < 0)) {
    throw new InvalidArgumentError('tol', tol, 'a number >= 0 (or omitted for maxDim·ε·s_1)');
  }
  for (let i = 0; i < s.length; i++) {
    if (!(s[i] >= 0) || !Number.isFinite(s[i]) || (i > 0 && s[i] > s[i - 1])) {
      throw new InvalidArgumentError(`s[${i}]`, s[i], 'finite, >= 0 and not above s[i-1]', 'Pass svd(m).s.');
    }
  }
  if (s.length === 0) return 0;
  const threshold = tol ?? maxDim * Number.EPSILON * s[0];
  let rank = 0;
  while (rank < s.length && s[rank] > threshold) rank++;
  return rank;
}
