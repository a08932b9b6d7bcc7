/**
 * Per-path outputs of an ensemble, ordered by path index. With worker threads the arrays live in
 * SharedArrayBuffers: each worker writes only the slots of the paths in its chunks, and the main thread reads
 * them after the worker reports the chunk done (the message orders the writes before the reads).
 */
import type { SolveStatus } from '../solution.js';
import type { EnsemblePlan } from './ensemblePlan.js';

/** Path status codes stored in `status`; a path stops at its first failure. */
export const PATH_SUCCESS = 0;
export const PATH_NON_FINITE = 1;
export const PATH_BLOW_UP = 2;
export const PATH_STATUS: readonly SolveStatus[] = ['success', 'non-finite', 'blow-up'];

export interface EnsembleBuffers {
  /** End state of path p at index p * d + i; NaN for a failed path. */
  readonly end: Float64Array;
  /** State of path p at save time j at index (p * saves + j) * d + i; NaN from a path's failure on. */
  readonly saved: Float64Array;
  /** PATH_SUCCESS, PATH_NON_FINITE or PATH_BLOW_UP per path. */
  readonly status: Uint8Array;
  /** The last grid time at which the path was finite and within the bound. */
  readonly tReached: Float64Array;
  /** First-passage time per path (only with passage monitoring; length 0 otherwise). */
  readonly passageTimes: Float64Array;
  /** 1 when the path left the interval, per path (only with passage monitoring). */
  readonly crossed: Uint8Array;
  /** Through which barrier: 1 upper, -1 lower, 0 none (only with passage monitoring). */
  readonly exitSide: Int8Array;
}

export function allocateBuffers(plan: EnsemblePlan, shared: boolean): EnsembleBuffers {
  const monitored = plan.passage === undefined ? 0 : plan.paths;
  const floats = (length: number): Float64Array =>
    shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
  const bytes = (length: number): Uint8Array =>
    shared ? new Uint8Array(new SharedArrayBuffer(length)) : new Uint8Array(length);
  return {
    end: floats(plan.paths * plan.dimension),
    saved: floats(plan.paths * plan.saveIndices.length * plan.dimension),
    status: bytes(plan.paths),
    tReached: floats(plan.paths),
    passageTimes: floats(monitored),
    crossed: bytes(monitored),
    exitSide: new Int8Array(bytes(monitored).buffer),
  };
}

/** Counts of paths by status code. */
export function statusCounts(status: Uint8Array): Record<SolveStatus, number> {
  const counts: Record<SolveStatus, number> = {
    success: 0,
    'non-finite': 0,
    'blow-up': 0,
    'max-steps': 0,
    'step-size-underflow': 0,
  };
  for (let p = 0; p < status.length; p++) counts[PATH_STATUS[status[p]]]++;
  return counts;
}
