/**
 * Level-1 updates on matrices or flat vectors, in place and without allocation. Both operands must have the
 * same number of entries (a matrix and its flattened vector count as the same shape).
 */
import { DimensionMismatchError } from '../errors.js';
import type { Mat } from './mat.js';

/** A matrix, or a flat vector such as the parameter vector of a network. */
export type Entries = Mat | Float64Array;

/** The Float64Array behind a matrix or vector. */
export function entriesOf(x: Entries): Float64Array {
  return x instanceof Float64Array ? x : x.data;
}

/** Returns the two arrays after checking they have the same length. */
export function sameLength(kernel: string, x: Entries, y: Entries): [Float64Array, Float64Array] {
  const xs = entriesOf(x);
  const ys = entriesOf(y);
  if (xs.length !== ys.length) {
    throw new DimensionMismatchError(
      `${kernel}: x has ${xs.length} entries and y has ${ys.length}. Pass operands of the same shape.`,
    );
  }
  return [xs, ys];
}

/** y ← y + alpha·x. */
export function axpy<T extends Entries>(alpha: number, x: Entries, y: T): T {
  const [xs, ys] = sameLength('axpy', x, y);
  for (let i = 0; i < xs.length; i++) ys[i] += alpha * xs[i];
  return y;
}

/** x ← alpha·x. */
export function scale<T extends Entries>(alpha: number, x: T): T {
  const xs = entriesOf(x);
  for (let i = 0; i < xs.length; i++) xs[i] *= alpha;
  return x;
}

/** out ← x − y (out may be x or y). */
export function subtract<T extends Entries>(x: Entries, y: Entries, out: T): T {
  const [xs, ys] = sameLength('subtract', x, y);
  const [, os] = sameLength('subtract', x, out);
  for (let i = 0; i < xs.length; i++) os[i] = xs[i] - ys[i];
  return out;
}

/** dst ← src. */
export function copy<T extends Entries>(src: Entries, dst: T): T {
  const [xs, ys] = sameLength('copy', src, dst);
  ys.set(xs);
  return dst;
}
