/**
 * Cholesky factor of a symmetric positive semi-definite matrix, written for small d on Float64Array with no
 * allocation. Only the lower triangle of the input is read.
 *
 * Semi-definite matrices are accepted: a pivot within rounding of zero gives a zero column, which is legitimate
 * only if the rest of that column of the Schur complement is within rounding of zero too (for a PSD matrix
 * |s_ij|^2 <= s_ii s_jj). Rounding is measured against tol = 8 d eps max_i |a_ii|, a bound on the backward
 * error of the factorization (Higham, Accuracy and Stability, Thm 10.3, with a factor 2 to spare).
 */

const EPS = 2 ** -52;

/**
 * Writes the lower-triangular L with L L^T = A into `l` (row-major d x d, upper triangle zeroed) and returns
 * -1; or, if A has a negative eigenvalue beyond rounding, returns the index of the column where the
 * factorization found it (`l` is then partly written).
 */
export function choleskyLower(a: Float64Array, d: number, l: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < d; i++) scale = Math.max(scale, Math.abs(a[i * d + i]));
  const tol = 8 * d * EPS * scale;
  const offTol = Math.sqrt(tol * scale);
  for (let j = 0; j < d; j++) {
    const rowJ = j * d;
    let pivot = a[rowJ + j];
    for (let k = 0; k < j; k++) pivot -= l[rowJ + k] * l[rowJ + k];
    if (!(pivot >= -tol)) return j;
    const zero = pivot <= tol;
    const ljj = zero ? 0 : Math.sqrt(pivot);
    l[rowJ + j] = ljj;
    for (let k = j + 1; k < d; k++) l[rowJ + k] = 0;
    for (let i = j + 1; i < d; i++) {
      const rowI = i * d;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= l[rowI + k] * l[rowJ + k];
      if (zero) {
        if (!(Math.abs(s) <= offTol)) return j;
        l[rowI + j] = 0;
      } else {
        l[rowI + j] = s / ljj;
      }
    }
  }
  return -1;
}

/** out = scale * L z for a lower-triangular L (row-major d x d). */
export function lowerTimesVector(
  l: Float64Array,
  d: number,
  z: Float64Array,
  scale: number,
  out: Float64Array,
): void {
  for (let i = 0; i < d; i++) {
    const row = i * d;
    let s = 0;
    for (let k = 0; k <= i; k++) s += l[row + k] * z[k];
    out[i] = scale * s;
  }
}
