/**
 * Cholesky factorization with diagonal pivoting, P A P^T = L L^T, of a symmetric positive semi-definite
 * matrix, written for small d on Float64Array with no allocation. Only the lower triangle of A is read.
 *
 * Why pivoting: without it, a semi-definite matrix whose leading block is nearly singular amplifies rounding
 * by the inverse of that block, and a perfectly valid rank-deficient matrix can show a "negative pivot" of
 * size 1e-7. Choosing the largest remaining diagonal entry at each step makes the factorization stable for
 * semi-definite matrices (Higham, Accuracy and Stability of Numerical Algorithms, ch. 10.3).
 *
 * Stopping: once the largest remaining diagonal entry of the Schur complement is at most
 * tol = 8 d eps max_i |a_ii| (the backward error bound of the factorization, with a factor 2 to spare), the
 * remaining block is taken as zero. That is legitimate when its diagonal is >= -tol and its off-diagonal
 * entries are within rounding, |s_ij| <= sqrt(tol) sqrt(max |a_ii|); otherwise A has a negative eigenvalue.
 *
 * The factor F = P^T L satisfies F F^T = A, so F z with z ~ N(0, I) has covariance A: see factorTimesVector.
 */

const EPS = 2 ** -52;

/**
 * Writes L (row-major d x d, upper triangle zeroed) and the permutation (`perm[i]` is the original index of
 * row i) and returns -1; or, when A is not positive semi-definite beyond rounding (or has a non-finite
 * diagonal entry), returns the original index of the coordinate where that was found. `l` is scratch too.
 */
export function choleskyPivoted(a: Float64Array, d: number, l: Float64Array, perm: Int32Array): number {
  let scale = 0;
  for (let i = 0; i < d; i++) {
    const aii = a[i * d + i];
    if (!Number.isFinite(aii)) return i;
    scale = Math.max(scale, Math.abs(aii));
    perm[i] = i;
    // Symmetric working copy from the lower triangle.
    for (let j = 0; j <= i; j++) l[i * d + j] = l[j * d + i] = a[i * d + j];
  }
  const tol = 8 * d * EPS * scale;
  // sqrt(tol) sqrt(scale), not sqrt(tol * scale): the product underflows for matrices with tiny entries.
  const offTol = Math.sqrt(tol) * Math.sqrt(scale);
  for (let j = 0; j < d; j++) {
    let p = j;
    for (let i = j + 1; i < d; i++) if (l[i * d + i] > l[p * d + p]) p = i;
    if (p !== j) swapSymmetric(l, d, j, p, perm);
    const pivot = l[j * d + j];
    if (!(pivot > tol)) return remainderIsZero(l, d, j, tol, offTol, perm);
    const ljj = Math.sqrt(pivot);
    l[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) l[i * d + j] /= ljj;
    for (let i = j + 1; i < d; i++) {
      const lij = l[i * d + j];
      for (let k = j + 1; k <= i; k++) {
        const v = l[i * d + k] - lij * l[k * d + j];
        l[i * d + k] = v;
        l[k * d + i] = v;
      }
    }
  }
  zeroUpper(l, d);
  return -1;
}

/** Swaps rows and columns j and p of the symmetric working matrix, and the permutation entries. */
function swapSymmetric(l: Float64Array, d: number, j: number, p: number, perm: Int32Array): void {
  for (let k = 0; k < d; k++) {
    const t = l[j * d + k];
    l[j * d + k] = l[p * d + k];
    l[p * d + k] = t;
  }
  for (let k = 0; k < d; k++) {
    const t = l[k * d + j];
    l[k * d + j] = l[k * d + p];
    l[k * d + p] = t;
  }
  const t = perm[j];
  perm[j] = perm[p];
  perm[p] = t;
}

/** Checks that the Schur complement from column j on is zero to rounding; zeroes it and returns -1 if so. */
function remainderIsZero(
  l: Float64Array,
  d: number,
  j: number,
  tol: number,
  offTol: number,
  perm: Int32Array,
): number {
  for (let i = j; i < d; i++) {
    if (!(l[i * d + i] >= -tol)) return perm[i];
    for (let k = j; k < i; k++) if (!(Math.abs(l[i * d + k]) <= offTol)) return perm[i];
  }
  for (let i = j; i < d; i++) for (let k = j; k <= i; k++) l[i * d + k] = 0;
  zeroUpper(l, d);
  return -1;
}

function zeroUpper(l: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) for (let k = i + 1; k < d; k++) l[i * d + k] = 0;
}

/** out = scale * P^T L z: a vector with covariance scale^2 A when z ~ N(0, I). */
export function factorTimesVector(
  l: Float64Array,
  perm: Int32Array,
  d: number,
  z: Float64Array,
  scale: number,
  out: Float64Array,
): void {
  for (let i = 0; i < d; i++) {
    const row = i * d;
    let s = 0;
    for (let k = 0; k <= i; k++) s += l[row + k] * z[k];
    out[perm[i]] = scale * s;
  }
}
