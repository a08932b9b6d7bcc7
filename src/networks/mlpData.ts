/**
 * The fixed sample on which the population loss of an MLP is estimated: N inputs x ~ N(0, I) drawn once from a
 * seeded stream, labelled by a teacher that is a linear map W* (a Teacher of teacher.ts), another network, or any
 * function of x. The empirical cross-covariance Ĉ = E_N[y xᵀ] sets the escape rate near the saddle.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { type Mat, zeros } from '../linalg/mat.js';
import { matmulTransA, matmulTransB } from '../linalg/matmul.js';
import { randomStream } from '../random/stream.js';
import { integerInRange, seedValue } from '../validate.js';
import type { Mlp } from './mlp.js';
import { MlpObjective } from './mlpObjective.js';
import type { Teacher } from './teacher.js';

/** One sample per row: x is N × dIn, y is N × dOut. */
export interface RegressionData {
  readonly x: Mat;
  readonly y: Mat;
}

/** A teacher network: labels y = f_θ(x). */
export interface NetworkTeacher {
  readonly network: Mlp;
  readonly theta: Float64Array;
}

/** A teacher function: writes f(x) (length dOut) into out. */
export interface FunctionTeacher {
  readonly dOut: number;
  readonly fn: (x: Float64Array, out: Float64Array) => void;
}

export type MlpTeacher = Teacher | NetworkTeacher | FunctionTeacher;

/** Stream path of the input sample; initial weights use other paths. */
export const SAMPLE_PATH = 1;

/** N × dIn independent standard normals from stream (seed, SAMPLE_PATH). */
export function gaussianInputs(sampleSize: number, dIn: number, seed: number): Mat {
  const x = zeros(integerInRange('sampleSize', sampleSize, 1), integerInRange('dIn', dIn, 1));
  randomStream(seedValue('seed', seed), SAMPLE_PATH).fillNormal(x.data);
  return x;
}

/** The teacher's labels on N fresh Gaussian inputs of the teacher's input dimension. */
export function teacherData(
  teacher: MlpTeacher,
  dIn: number,
  sampleSize: number,
  seed: number,
): RegressionData {
  const x = gaussianInputs(sampleSize, dIn, seed);
  return { x, y: label(teacher, x) };
}

function label(teacher: MlpTeacher, x: Mat): Mat {
  if ('w' in teacher) {
    checkInput(teacher.w.cols, x.cols);
    return matmulTransB(x, teacher.w, zeros(x.rows, teacher.w.rows));
  }
  if ('network' in teacher) {
    checkInput(teacher.network.shape.dIn, x.cols);
    const objective = new MlpObjective(teacher.network, { x, y: zeros(x.rows, teacher.network.shape.dOut) });
    const out = objective.forward(teacher.theta);
    return { rows: out.rows, cols: out.cols, data: out.data.slice() };
  }
  if (typeof teacher?.fn !== 'function') {
    throw new InvalidArgumentError('teacher', teacher, 'a Teacher, {network, theta} or {dOut, fn}');
  }
  const dOut = integerInRange('teacher dOut', teacher.dOut, 1);
  const y = zeros(x.rows, dOut);
  for (let i = 0; i < x.rows; i++) {
    teacher.fn(x.data.slice(i * x.cols, (i + 1) * x.cols), y.data.subarray(i * dOut, (i + 1) * dOut));
  }
  return y;
}

function checkInput(expected: number, received: number): void {
  if (expected !== received) {
    throw new DimensionMismatchError(
      `The teacher takes inputs of dimension ${expected} but the sample has dimension ${received}. ` +
        'Draw the sample with the teacher’s dIn.',
    );
  }
}

/** Ĉ = (1/N) Yᵀ X (dOut × dIn), the empirical E[y xᵀ]; equal to W* in expectation for a linear teacher. */
export function crossCovariance(data: RegressionData): Mat {
  const c = matmulTransA(data.y, data.x, zeros(data.y.cols, data.x.cols));
  for (let i = 0; i < c.data.length; i++) c.data[i] /= data.x.rows;
  return c;
}
