/**
 * The teacher of the teacher–student setting: W* = U diag(s) Vᵀ = Σ_i s_i u_i v_iᵀ with prescribed singular
 * values and Haar-random orthonormal singular vectors (the first r columns of Haar orthogonal matrices).
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { type Mat, zeros } from '../linalg/mat.js';
import { matmulTransB } from '../linalg/matmul.js';
import { randomOrthogonal } from '../linalg/randomOrthogonal.js';
import { randomStream } from '../random/stream.js';
import { integerInRange, seedValue } from '../validate.js';

export interface TeacherOptions {
  readonly dIn: number;
  readonly dOut: number;
  /** s_1 ≥ s_2 ≥ … ≥ 0, at most min(dIn, dOut) of them; their number is the number of modes r. */
  readonly singularValues: readonly number[] | Float64Array;
  /** Seed of the singular vectors: U from stream (seed, path, 0), V from stream (seed, path, 1). */
  readonly seed: number;
  readonly path?: number;
}

export interface Teacher {
  readonly dIn: number;
  readonly dOut: number;
  /** Singular values s_1 ≥ … ≥ s_r. */
  readonly s: Float64Array;
  /** Left singular vectors u_1..u_r as the columns of a dOut×r matrix. */
  readonly u: Mat;
  /** Right singular vectors v_1..v_r as the columns of a dIn×r matrix. */
  readonly v: Mat;
  /** W* = U diag(s) Vᵀ, dOut×dIn. */
  readonly w: Mat;
}

export function createTeacher(options: TeacherOptions): Teacher {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object {dIn, dOut, singularValues, seed}');
  }
  const dIn = integerInRange('dIn', options.dIn, 1, 1 << 16);
  const dOut = integerInRange('dOut', options.dOut, 1, 1 << 16);
  const s = singularValues(options.singularValues, Math.min(dIn, dOut));
  const seed = seedValue('seed', options.seed);
  const path = integerInRange('path', options.path ?? 0, 0);
  const uFull = randomOrthogonal(dOut, randomStream(seed, path, 0));
  const vFull = randomOrthogonal(dIn, randomStream(seed, path, 1));
  return teacherFromFactors(leadingColumns(uFull, s.length), s, leadingColumns(vFull, s.length));
}

/** A teacher from given orthonormal columns u (dOut×r), v (dIn×r) and singular values s (length r). */
export function teacherFromFactors(u: Mat, s: Float64Array, v: Mat): Teacher {
  const r = s.length;
  if (u.cols !== r || v.cols !== r) {
    throw new DimensionMismatchError(
      `teacherFromFactors: u is ${u.rows}×${u.cols} and v is ${v.rows}×${v.cols} but there are ${r} singular ` +
        'values. Give u and v one column per singular value.',
    );
  }
  const us = zeros(u.rows, r);
  for (let i = 0; i < u.rows; i++) {
    for (let k = 0; k < r; k++) us.data[i * r + k] = u.data[i * r + k] * s[k];
  }
  const w = matmulTransB(us, v, zeros(u.rows, v.rows));
  return { dIn: v.rows, dOut: u.rows, s, u, v, w };
}

function singularValues(values: unknown, maxModes: number): Float64Array {
  const allowed = `a non-empty, non-increasing array of at most min(dIn, dOut) = ${maxModes} finite numbers >= 0`;
  if (!Array.isArray(values) && !(values instanceof Float64Array)) {
    throw new InvalidArgumentError('singularValues', values, allowed);
  }
  const s = Float64Array.from(values as ArrayLike<number>);
  if (s.length === 0 || s.length > maxModes)
    throw new InvalidArgumentError('singularValues', values, allowed);
  for (let i = 0; i < s.length; i++) {
    const x = (values as ArrayLike<unknown>)[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || (i > 0 && x > s[i - 1])) {
      throw new InvalidArgumentError(`singularValues[${i}]`, x, allowed, 'Sort them in decreasing order.');
    }
  }
  return s;
}

function leadingColumns(m: Mat, cols: number): Mat {
  const out = zeros(m.rows, cols);
  for (let i = 0; i < m.rows; i++) out.data.set(m.data.subarray(i * m.cols, i * m.cols + cols), i * cols);
  return out;
}

/** out[k] = u_kᵀ W v_k, the strength of teacher mode k in the end-to-end map W (dOut×dIn). */
export function modeStrengths(
  teacher: Teacher,
  w: Mat,
  out: Float64Array = new Float64Array(teacher.s.length),
): Float64Array {
  const { u, v } = teacher;
  const r = teacher.s.length;
  if (w.rows !== teacher.dOut || w.cols !== teacher.dIn || out.length !== r) {
    throw new DimensionMismatchError(
      `modeStrengths: W must be ${teacher.dOut}×${teacher.dIn} and out of length ${r}; received ` +
        `${w.rows}×${w.cols} and ${out.length}.`,
    );
  }
  for (let k = 0; k < r; k++) {
    let sum = 0;
    for (let i = 0; i < w.rows; i++) {
      let row = 0;
      for (let j = 0; j < w.cols; j++) row += w.data[i * w.cols + j] * v.data[j * r + k];
      sum += u.data[i * r + k] * row;
    }
    out[k] = sum;
  }
  return out;
}
