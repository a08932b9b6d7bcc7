/**
 * The three dense products the network kernels need, writing into a caller-provided `out`:
 *   matmul(a, b, out)        out = a·b
 *   matmulTransA(a, b, out)  out = aᵀ·b   (without forming aᵀ)
 *   matmulTransB(a, b, out)  out = a·bᵀ   (without forming bᵀ)
 * Loops run i-k-j (or k-i-j) so the innermost loop walks rows of b and out contiguously; the middle index is
 * blocked (two rows of `out` by four values of the inner index) so each load of b feeds eight products. Shapes are checked in O(1)
 * per call; `out` may not share memory with an input. No allocation.
 */
import { DimensionMismatchError } from '../errors.js';
import { checkDistinct, checkShape, type Mat } from './mat.js';

function checkProduct(kernel: string, a: Mat, b: Mat, out: Mat, rule: string, inner: boolean) {
  checkShape(kernel, 'a', a, a.rows, a.cols);
  checkShape(kernel, 'b', b, b.rows, b.cols);
  if (!inner) {
    throw new DimensionMismatchError(
      `${kernel}: a is ${a.rows}×${a.cols} and b is ${b.rows}×${b.cols}, but ${rule}. Pass factors whose ` +
        'inner dimensions agree.',
    );
  }
  checkDistinct(kernel, out, a);
  checkDistinct(kernel, out, b);
}

/** out (m×p) = a (m×n) · b (n×p). */
export function matmul(a: Mat, b: Mat, out: Mat): Mat {
  checkProduct('matmul', a, b, out, 'a.cols must equal b.rows', a.cols === b.rows);
  checkShape('matmul', 'out', out, a.rows, b.cols);
  rowTimesRows(a.data, a.rows, a.cols, 1, a.cols, b.data, b.cols, out.data);
  return out;
}

/** out (m×p) = aᵀ · b, where a is n×m and b is n×p. */
export function matmulTransA(a: Mat, b: Mat, out: Mat): Mat {
  checkProduct('matmulTransA', a, b, out, 'a.rows must equal b.rows', a.rows === b.rows);
  checkShape('matmulTransA', 'out', out, a.cols, b.cols);
  rowTimesRows(a.data, a.cols, a.rows, a.cols, 1, b.data, b.cols, out.data);
  return out;
}

/**
 * C (m×p) = Σ_k A(i, k) B(k, :) with A(i, k) = A[i·si + k·sk]: the i-k-j loop for a (si = n, sk = 1) and for
 * aᵀ (si = 1, sk = m). Rows of C go two at a time and k four at a time, so each load of B feeds eight
 * products; an odd last row and the k remainder go one by one. (One function: it is the hot loop.)
 */
function rowTimesRows(
  A: Float64Array,
  m: number,
  n: number,
  sk: number,
  si: number,
  B: Float64Array,
  p: number,
  C: Float64Array,
): void {
  C.fill(0);
  const n4 = n - (n % 4);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const c0 = i * p;
    const c1 = c0 + p;
    const a0 = i * si;
    const a1 = a0 + si;
    for (let k = 0; k < n4; k += 4) {
      const x0 = A[a0 + k * sk];
      const x1 = A[a0 + (k + 1) * sk];
      const x2 = A[a0 + (k + 2) * sk];
      const x3 = A[a0 + (k + 3) * sk];
      const y0 = A[a1 + k * sk];
      const y1 = A[a1 + (k + 1) * sk];
      const y2 = A[a1 + (k + 2) * sk];
      const y3 = A[a1 + (k + 3) * sk];
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const q0 = B[b0 + j];
        const q1 = B[b1 + j];
        const q2 = B[b2 + j];
        const q3 = B[b3 + j];
        C[c0 + j] += x0 * q0 + x1 * q1 + x2 * q2 + x3 * q3;
        C[c1 + j] += y0 * q0 + y1 * q1 + y2 * q2 + y3 * q3;
      }
    }
    for (let k = n4; k < n; k++) {
      const x = A[a0 + k * sk];
      const y = A[a1 + k * sk];
      const b0 = k * p;
      for (let j = 0; j < p; j++) {
        const q = B[b0 + j];
        C[c0 + j] += x * q;
        C[c1 + j] += y * q;
      }
    }
  }
  for (let k = 0; i < m && k < n; k++) {
    const x = A[i * si + k * sk];
    for (let j = 0; j < p; j++) C[i * p + j] += x * B[k * p + j];
  }
}

/** out (m×p) = a (m×n) · bᵀ, where b is p×n: each entry is a dot product of two contiguous rows. */
export function matmulTransB(a: Mat, b: Mat, out: Mat): Mat {
  checkProduct('matmulTransB', a, b, out, 'a.cols must equal b.cols', a.cols === b.cols);
  checkShape('matmulTransB', 'out', out, a.rows, b.rows);
  const m = a.rows;
  const n = a.cols;
  const p = b.rows;
  const A = a.data;
  const B = b.data;
  const C = out.data;
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < p; j++) {
      const bj = j * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n4; k += 4) {
        s0 += A[ai + k] * B[bj + k];
        s1 += A[ai + k + 1] * B[bj + k + 1];
        s2 += A[ai + k + 2] * B[bj + k + 2];
        s3 += A[ai + k + 3] * B[bj + k + 3];
      }
      for (let k = n4; k < n; k++) s0 += A[ai + k] * B[bj + k];
      C[i * p + j] = s0 + s1 + (s2 + s3);
    }
  }
  return out;
}
