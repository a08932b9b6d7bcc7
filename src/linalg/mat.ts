/**
 * Dense row-major matrices on Float64Array: entry (i, j) of an r×c matrix is data[i*c + j]. A Mat is a view:
 * several may share one buffer (the layers of a network live in one flat parameter vector), so the kernels
 * never assume they own their data and never allocate.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { integerInRange } from '../validate.js';

export interface Mat {
  readonly rows: number;
  readonly cols: number;
  /** Exactly rows·cols entries, row-major. */
  readonly data: Float64Array;
}

/** A rows×cols matrix of zeros. */
export function zeros(rows: number, cols: number): Mat {
  integerInRange('rows', rows, 0);
  integerInRange('cols', cols, 0);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The n×n identity. */
export function identity(n: number): Mat {
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** A matrix holding a copy of `values` (row-major, length rows·cols). */
export function matFrom(rows: number, cols: number, values: ArrayLike<number>): Mat {
  const out = zeros(rows, cols);
  if (values.length !== rows * cols) {
    throw new DimensionMismatchError(
      `matFrom: a ${rows}×${cols} matrix needs ${rows * cols} values; received ${values.length}. ` +
        'Pass the entries row by row.',
    );
  }
  out.data.set(values);
  return out;
}

/** A matrix built from an array of equal-length rows (copied). */
export function fromRows(rows: readonly (readonly number[])[]): Mat {
  if (!Array.isArray(rows) || rows.length === 0 || !Array.isArray(rows[0])) {
    throw new InvalidArgumentError('rows', rows, 'a non-empty array of rows', 'Pass [[a, b], [c, d]].');
  }
  const cols = rows[0].length;
  const out = zeros(rows.length, cols);
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== cols) {
      throw new DimensionMismatchError(
        `fromRows: row 0 has ${cols} entries but row ${i} has ${rows[i].length}. Give every row the same length.`,
      );
    }
    for (let j = 0; j < cols; j++) out.data[i * cols + j] = rows[i][j];
  }
  return out;
}

/** A rows×cols view of `buffer[offset .. offset + rows·cols)`; writes through the view change the buffer. */
export function matView(buffer: Float64Array, offset: number, rows: number, cols: number): Mat {
  integerInRange('rows', rows, 0);
  integerInRange('cols', cols, 0);
  integerInRange('offset', offset, 0);
  if (offset + rows * cols > buffer.length) {
    throw new DimensionMismatchError(
      `matView: a ${rows}×${cols} view at offset ${offset} needs ${offset + rows * cols} entries; the buffer has ` +
        `${buffer.length}. Use a longer buffer or a smaller view.`,
    );
  }
  return { rows, cols, data: buffer.subarray(offset, offset + rows * cols) };
}

/** Entries as an array of rows (for reports and tests). */
export function toRows(a: Mat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

/** out = aᵀ. `out` must be a.cols×a.rows and must not share memory with `a`. */
export function transpose(a: Mat, out: Mat): Mat {
  checkShape('transpose', 'out', out, a.cols, a.rows);
  checkDistinct('transpose', out, a);
  const { rows, cols } = a;
  const A = a.data;
  const T = out.data;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) T[j * rows + i] = A[i * cols + j];
  }
  return out;
}

/** Throws DimensionMismatchError unless `m` is rows×cols with rows·cols entries of data. */
export function checkShape(kernel: string, name: string, m: Mat, rows: number, cols: number): void {
  if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols) {
    throw new DimensionMismatchError(
      `${kernel}: ${name} must be ${rows}×${cols} (${rows * cols} entries); received ${m.rows}×${m.cols} with ` +
        `${m.data.length} entries. Allocate it with zeros(${rows}, ${cols}).`,
    );
  }
}

/** Throws InvalidArgumentError if `out` shares memory with `input` (the kernels read inputs after writing). */
export function checkDistinct(kernel: string, out: Mat, input: Mat): void {
  const x = out.data;
  const y = input.data;
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return;
  const xEnd = x.byteOffset + x.byteLength;
  const yEnd = y.byteOffset + y.byteLength;
  if (x.byteOffset < yEnd && y.byteOffset < xEnd) {
    throw new InvalidArgumentError(
      `${kernel} out`,
      'a matrix sharing memory with an input',
      'a matrix whose data does not overlap the inputs',
      'Write into a separate scratch matrix, then copy.',
    );
  }
}

/** Throws InvalidArgumentError at the first entry of `m` that is NaN or infinite. */
export function checkFiniteEntries(argument: string, m: Mat): void {
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i])) {
      const row = Math.floor(i / m.cols);
      throw new InvalidArgumentError(
        `${argument}[${row}][${i - row * m.cols}]`,
        m.data[i],
        'a finite number',
        'Check the matrix for overflow or NaN before passing it.',
      );
    }
  }
}
