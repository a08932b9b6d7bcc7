/**
 * Shapes shared by the Langevin integrators: the callbacks a user supplies, the fixed-step options and the
 * path a run returns. A run never throws on numerical trouble: it stops with a status and the time reached.
 */
import { type SolveStatus, STATUS_MESSAGES } from '../solution.js';

/** grad U(x) -> out; `out` has the length of x and must be fully written. */
export type GradientField = (x: Float64Array, out: Float64Array) => void;

/** A symmetric d x d matrix field A(x) -> out, row-major (out[i*d + j]); all d^2 entries must be written. */
export type MatrixField = (x: Float64Array, out: Float64Array) => void;

/** A vector field without time dependence, v(x) -> out. */
export type StateField = (x: Float64Array, out: Float64Array) => void;

/**
 * The statuses of src/solution.ts plus one of the Langevin integrators: the diffusion (or covariance) matrix
 * had a negative eigenvalue at a visited state, so its square root, and hence the SDE, is undefined there.
 */
export type LangevinStatus = SolveStatus | 'not-positive-semidefinite';

export const LANGEVIN_STATUS_MESSAGES: Readonly<Record<LangevinStatus, string>> = {
  ...STATUS_MESSAGES,
  'not-positive-semidefinite':
    'The diffusion matrix lost positive semi-definiteness at a visited state, so it has no square root there. ' +
    'Check the matrix field at that state (symmetry, sign of its eigenvalues), or keep the state in its domain.',
};

export interface LangevinOutcome {
  readonly status: LangevinStatus;
  /** What happened and what to do about it. */
  readonly message: string;
  /** The last time at which the state was finite, within bounds and accepted. */
  readonly tReached: number;
}

export function langevinOutcome(status: LangevinStatus, tReached: number, detail?: string): LangevinOutcome {
  const base = LANGEVIN_STATUS_MESSAGES[status];
  return { status, message: detail ? `${base} ${detail}` : base, tReached };
}

/** Fixed-step options shared by every Langevin integrator. */
export interface LangevinOptions {
  /** The step; the last step is shortened so the run ends exactly at t1. */
  readonly dt: number;
  /** Which Brownian path of the problem's seed to use: path k replays alone. Default 0. */
  readonly path?: number;
  /** Save the state every `saveEvery` steps (counted from t0). Default 1. */
  readonly saveEvery?: number;
  /** Save only states at times >= saveFrom (a burn-in). Default t0. */
  readonly saveFrom?: number;
  /** A component whose absolute value exceeds this bound stops the run with 'blow-up'. Default 1e12. */
  readonly blowUpBound?: number;
}

/** A run: its status, the state at tReached and the saved states. */
export interface LangevinPath extends LangevinOutcome {
  readonly dimension: number;
  /** Number of steps taken (accepted). */
  readonly steps: number;
  /** The state at tReached. */
  readonly x: Float64Array;
  /** The times of the saved states. */
  readonly times: Float64Array;
  /** The saved states, row-major: row k is the state at times[k], of length `dimension`. */
  readonly states: Float64Array;
}
