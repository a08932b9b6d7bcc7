/** Reading the flat, row-major output of a solve. */
import { InvalidArgumentError } from '../errors.js';
import type { OdeSolution } from './types.js';

/** The recorded state at time solution.t[k], as a view into solution.y (no copy). */
export function savedState(solution: OdeSolution, k: number): Float64Array {
  if (!Number.isInteger(k) || k < 0 || k >= solution.t.length) {
    throw new InvalidArgumentError('k', k, `an integer from 0 to ${solution.t.length - 1}`);
  }
  return solution.y.subarray(k * solution.dim, (k + 1) * solution.dim);
}

/** Component i of every recorded state, in time order (a copy). */
export function savedComponent(solution: OdeSolution, i: number): Float64Array {
  if (!Number.isInteger(i) || i < 0 || i >= solution.dim) {
    throw new InvalidArgumentError('i', i, `an integer from 0 to ${solution.dim - 1}`);
  }
  const out = new Float64Array(solution.t.length);
  for (let k = 0; k < out.length; k++) out[k] = solution.y[k * solution.dim + i];
  return out;
}
