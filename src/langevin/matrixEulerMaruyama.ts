/**
 * Euler-Maruyama for the Ito SDE dx = a(x) dt + sqrt(c) A(x)^(1/2) dW with a symmetric positive semi-definite
 * matrix field A, the common core of both overdamped Langevin forms. At each step A(x) is factored by pivoted
 * Cholesky (P A P^T = L L^T) and the noise is sqrt(c dt) P^T L z with z ~ N(0, I): P^T L z has covariance A,
 * which is all the law of the Euler-Maruyama step depends on, so any square root (the symmetric one included)
 * gives the same process in distribution. The Brownian increments themselves are not exposed: the factor, and
 * with it the map from z to the noise, changes with the pivoting order from state to state.
 *
 * Per step: one evaluation of A, one of the drift (which may read the matrix just evaluated), a Cholesky
 * factorization (about d^3/3 multiply-adds) and d normals. Nothing is allocated inside the loop.
 */
import { randomStream } from '../random/stream.js';
import { choleskyPivoted, factorTimesVector } from './cholesky.js';
import { gridStep, gridTime, PathRecorder } from './pathRecorder.js';
import { type LangevinPath, type LangevinStatus, langevinOutcome } from './types.js';
import type { RunSettings } from './validateRun.js';

export interface MatrixNoiseSde {
  readonly dimension: number;
  /** The constant c in front of the noise: 2T for the Gibbs form, eta/B for the SGD form. */
  readonly noiseVariance: number;
  /** Writes A(x), row-major d x d. */
  readonly matrix: (x: Float64Array, out: Float64Array) => void;
  /** Writes the drift a(x); `matrix` holds A(x) for the same x. */
  readonly drift: (x: Float64Array, matrix: Float64Array, out: Float64Array) => void;
}

interface Failure {
  status: LangevinStatus;
  detail: string;
}

export function matrixEulerMaruyama(sde: MatrixNoiseSde, x0: Float64Array, run: RunSettings): LangevinPath {
  const d = sde.dimension;
  const { grid, blowUpBound } = run;
  // Local bindings: module-namespace imports can cost a property lookup per call in some loaders.
  const factorize = choleskyPivoted;
  const multiply = factorTimesVector;
  const stepLength = gridStep;
  const update = eulerUpdate;
  const recorder = new PathRecorder(grid, d, run.saveEvery, run.saveFrom);
  const stream = randomStream(run.seed, run.path);
  const matrix = new Float64Array(d * d);
  const factor = new Float64Array(d * d);
  const permutation = new Int32Array(d);
  const drift = new Float64Array(d);
  const z = new Float64Array(d);
  const noise = new Float64Array(d);
  let x = Float64Array.from(x0);
  let next = new Float64Array(d);
  recorder.record(0, x);
  let failure: Failure | undefined;
  let k = 0;
  for (; k < grid.steps; k++) {
    sde.matrix(x, matrix);
    const column = factorize(matrix, d, factor, permutation);
    if (column >= 0) {
      failure = matrixFailure(matrix, d, column, x);
      break;
    }
    sde.drift(x, matrix, drift);
    const h = stepLength(grid, k);
    stream.fillNormal(z, 1, 0, d);
    multiply(factor, permutation, d, z, Math.sqrt(sde.noiseVariance * h), noise);
    const trouble = update(x, drift, noise, h, next, blowUpBound);
    if (trouble !== undefined) {
      failure = stateFailure(trouble, gridTime(grid, k + 1), blowUpBound);
      break;
    }
    const swap = x;
    x = next;
    next = swap;
    recorder.record(k + 1, x);
  }
  const tReached = gridTime(grid, k);
  const result = failure
    ? langevinOutcome(failure.status, tReached, failure.detail)
    : langevinOutcome('success', tReached);
  return { ...result, dimension: d, steps: k, x, ...recorder.saved() };
}

/** Why a factorization failed: a non-finite entry, or a negative eigenvalue found at `column`. */
function matrixFailure(matrix: Float64Array, d: number, column: number, x: Float64Array): Failure {
  const state = `x = [${Array.from(x, (v) => v.toPrecision(6)).join(', ')}]`;
  for (let i = 0; i < d * d; i++) {
    if (!Number.isFinite(matrix[i])) {
      return {
        status: 'non-finite',
        detail: `The diffusion matrix has entry ${i} = ${matrix[i]} at ${state}.`,
      };
    }
  }
  return {
    status: 'not-positive-semidefinite',
    detail: `Its Cholesky factorization found a negative eigenvalue direction at coordinate ${column}, at ${state}.`,
  };
}

/** next = x + drift h + noise; returns the trouble with next, if any. */
function eulerUpdate(
  x: Float64Array,
  drift: Float64Array,
  noise: Float64Array,
  h: number,
  next: Float64Array,
  blowUpBound: number,
): 'non-finite' | 'blow-up' | undefined {
  let trouble: 'non-finite' | 'blow-up' | undefined;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] + drift[i] * h + noise[i];
    next[i] = xi;
    if (!Number.isFinite(xi)) trouble = 'non-finite';
    else if (Math.abs(xi) > blowUpBound && trouble === undefined) trouble = 'blow-up';
  }
  return trouble;
}

function stateFailure(trouble: 'non-finite' | 'blow-up', t: number, blowUpBound: number): Failure {
  return trouble === 'blow-up'
    ? { status: 'blow-up', detail: `A component exceeded ${blowUpBound} in the step ending at t = ${t}.` }
    : { status: 'non-finite', detail: `The step ending at t = ${t} produced a non-finite state.` };
}
