/**
 * The shapes of the ODE module: a problem is plain data, a method declares its theory as data and binds to a
 * problem as a stepper, and a solve returns a solution whose status says how it ended.
 */
import type { SolveOutcome } from '../solution.js';

/** The right-hand side f(t, y) of dy/dt = f(t, y); it writes all of `out` and must not keep `y`. */
export type OdeRhs = (t: number, y: Float64Array, out: Float64Array) => void;

export interface OdeProblem {
  readonly rhs: OdeRhs;
  /** The initial state: non-empty, finite. */
  readonly y0: Float64Array | readonly number[];
  readonly t0: number;
  /** The end time, finite and greater than t0. */
  readonly t1: number;
}

/** Which crossings of an event's level count: increasing through it, decreasing through it, or both. */
export type EventDirection = 'up' | 'down' | 'either';

/**
 * A level crossing to locate: the first time `fn(t, y)` crosses `level` in the given direction (default
 * 'either'). The state passed to `fn` is in the problem's own coordinates, also for solveOdeLog. A crossing is
 * a strict change of side: a function that starts exactly on its level fires only after it has left it.
 */
export interface OdeEvent {
  readonly name: string;
  readonly fn: (t: number, y: Float64Array) => number;
  readonly level: number;
  readonly direction?: EventDirection;
  /** Stop the solve at this event; the solution then ends at the event time. Default false. */
  readonly terminal?: boolean;
}

/** A located event: its time, the state there (a copy) and whether it stopped the solve. */
export interface OdeEventRecord {
  readonly name: string;
  readonly t: number;
  readonly y: Float64Array;
  readonly terminal: boolean;
}

export interface OdeOptions {
  /** Relative tolerance, scalar or one per component, each > 0. Default 1e-8. */
  readonly rtol?: number | readonly number[];
  /**
   * Absolute tolerance, scalar or one per component, each >= 0. Default 0: pure relative control, so a state
   * of 1e-12 is resolved to rtol of itself. A component that starts at or passes through 0 needs atol > 0
   * (relative error means nothing at 0); a y0 component equal to 0 with atol 0 is refused.
   */
  readonly atol?: number | readonly number[];
  /** Accepted steps allowed before the solve stops with status 'max-steps'. Default 100000. */
  readonly maxSteps?: number;
  /**
   * The solve stops with status 'blow-up' when max_i |y_i| exceeds this. Default 1e12 * max(1, max_i |y0_i|):
   * the reductions this module serves have bounded solutions, so twelve orders of magnitude of growth past
   * the initial scale means a finite-time singularity, caught while every number is still accurate.
   */
  readonly blowUpBound?: number;
  /** First trial step of adaptive methods. Default: chosen from the problem (gbs: odex's rule, >= 1e-4). */
  readonly initialDt?: number;
  /**
   * The times at which the solution is recorded, strictly increasing in [t0, t1], sampled from each method's
   * dense output. Default: t0 and the end of every accepted step. An empty array records nothing (yEnd and
   * tReached still give the final state). After an early stop only the times reached are recorded.
   */
  readonly saveAt?: readonly number[];
  readonly events?: readonly OdeEvent[];
}

export interface OdeStats {
  rhsEvaluations: number;
  /** Accepted steps. */
  steps: number;
  /** Rejected step attempts (always 0 for fixed-step methods). */
  rejected: number;
}

/**
 * The result of a solve. States are stored flat and row-major: component i at time t[k] is y[k * dim + i]
 * (see savedState). yEnd is the state at tReached, the last time the solve reached with a finite, accepted
 * state: t1 on success, the event time after a terminal event, earlier after a failure.
 */
export interface OdeSolution extends SolveOutcome {
  readonly method: string;
  readonly dim: number;
  readonly t: Float64Array;
  readonly y: Float64Array;
  readonly yEnd: Float64Array;
  readonly stats: Readonly<OdeStats>;
  readonly events: readonly OdeEventRecord[];
}

/** How a method's dense output is built and its order in the step size. */
export interface DenseOutputKind {
  readonly kind: string;
  readonly order: number;
}

/** The problem after validation, as steppers receive it. */
export interface OdeSystem {
  readonly rhs: OdeRhs;
  readonly y0: Float64Array;
  readonly t0: number;
  readonly t1: number;
  readonly dim: number;
}

/** Tolerances and limits after validation, one tolerance per component. */
export interface StepperSettings {
  readonly rtol: Float64Array;
  readonly atol: Float64Array;
  readonly maxSteps: number;
  readonly initialDt: number | undefined;
}

/** Why a stepper could not take its next step. */
export type StepFailure = 'non-finite' | 'step-size-underflow' | 'max-steps';

/**
 * One method bound to one problem. `t` and `y` are the last accepted time and state (y is owned by the
 * stepper and overwritten by the next step); `tPrev` is where the last step began.
 */
export interface OdeStepper {
  readonly t: number;
  readonly tPrev: number;
  readonly y: Float64Array;
  readonly stats: OdeStats;
  /**
   * Takes one accepted step toward t1 and returns null, or returns why it could not; after a failure t and y
   * are still the last accepted time and state. `detail` explains the last failure.
   */
  step(): StepFailure | null;
  readonly detail: string;
  /** Writes the dense output at time s in [tPrev, t] into out. */
  interpolate(s: number, out: Float64Array): void;
}

/** A method declares its theory as data and binds itself to a problem. */
export interface OdeMethod {
  readonly name: string;
  /** Order of the propagated solution (gbs: the highest order its extrapolation table reaches). */
  readonly order: number;
  readonly adaptive: boolean;
  readonly denseOutput: DenseOutputKind;
  createStepper(system: OdeSystem, settings: StepperSettings): OdeStepper;
}
