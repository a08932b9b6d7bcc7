/**
 * Gragg-Bulirsch-Stoer extrapolation of variable order and step (Hairer & Wanner's ODEX, as ported by the
 * odex package, loaded by odexSolver.ts). The wrapper makes it behave like every other method here:
 * - odex treats an end point of 0 as "no end", so it integrates in shifted time s = t - t0 over [0, t1 - t0];
 * - odex does not notice NaN (a NaN error estimate is accepted), so every evaluation of f is checked. A
 *   non-finite value stops odex; the wrapper restarts it from the last accepted state with its step capped at
 *   an eighth of the last step, and lifts the cap after a few good steps. A state whose own derivative is
 *   not finite, or a cap that falls below the resolution of t, ends the solve with status 'non-finite';
 * - odex throws when its count of step attempts passes its limit; that becomes status 'max-steps'.
 * odex hands the state over as number[] and allocates a little per step (its segment objects); its first
 * step is at least 1e-4 in time whatever initialDt says.
 */
import { createOdexSolver, type OdexSegment, type OdexSolver } from './odexSolver.js';
import type { OdeMethod, OdeStats, OdeStepper, OdeSystem, StepFailure, StepperSettings } from './types.js';

/** Highest extrapolation column odex uses by default; the order reaches 2 x 9 = 18. */
const MAX_COLUMNS = 9;
/** odex counts every attempt, rejected or not; it may try this many times the accepted-step limit. */
const ATTEMPTS_PER_STEP = 4;
/** odex's default unit roundoff, which its end-of-interval test uses. */
const ODEX_UROUND = 2.3e-16;
/** After a non-finite evaluation the step is capped at this fraction of the last accepted step ... */
const CAP_FRACTION = 1 / 8;
/** ... for this many accepted steps. */
const CAPPED_STEPS = 8;

/** Thrown through odex from the right-hand side adapter when f is not finite; never escapes gbs. */
class NonFiniteEvaluation {}

/** Adaptive GBS extrapolation with dense output (odex 3). */
export function gbs(): OdeMethod {
  return {
    name: 'gbs',
    order: 2 * MAX_COLUMNS,
    adaptive: true,
    // Degree 2 kappa + 1 in the extrapolation column kappa >= 2, and odex rejects a step whose interpolation
    // error estimate exceeds the tolerance; 4 is the order of the lowest column, a lower bound.
    denseOutput: {
      kind: 'Hermite with extrapolated midpoint derivatives, error-controlled (odex)',
      order: 4,
    },
    createStepper: (system, settings) => new GbsStepper(system, settings),
  };
}

class GbsStepper implements OdeStepper {
  t: number;
  tPrev: number;
  readonly y: Float64Array;
  readonly stats: OdeStats = { rhsEvaluations: 0, steps: 0, rejected: 0 };
  detail = '';
  private solver!: OdexSolver;
  private segments!: Generator<OdexSegment, undefined>;
  private segment: OdexSegment | undefined;
  private finished = false;
  /** Step cap of the current odex run (0: none) and accepted steps taken under it. */
  private cap = 0;
  private cappedSteps = 0;
  private rejectedBefore = 0;
  private evaluationsAtStart = 0;
  private readonly adapter: (s: number, y: number[], yp: number[]) => void;

  constructor(
    private readonly system: OdeSystem,
    private readonly settings: StepperSettings,
  ) {
    const { rhs, t0, dim } = system;
    this.t = t0;
    this.tPrev = t0;
    this.y = Float64Array.from(system.y0);
    const yIn = new Float64Array(dim);
    const fOut = new Float64Array(dim);
    const stats = this.stats;
    this.adapter = (s, y, yp) => {
      for (let i = 0; i < dim; i++) yIn[i] = y[i];
      rhs(t0 + s, yIn, fOut);
      stats.rhsEvaluations++;
      for (let i = 0; i < dim; i++) {
        const v = fOut[i];
        if (!Number.isFinite(v)) throw new NonFiniteEvaluation();
        yp[i] = v;
      }
    };
    this.startRun(0, settings.initialDt);
  }

  step(): StepFailure | null {
    for (;;) {
      let next: IteratorResult<OdexSegment, undefined>;
      try {
        next = this.segments.next();
      } catch (error) {
        if (error instanceof NonFiniteEvaluation && this.retryWithCap()) continue;
        return this.failure(error);
      }
      this.syncRejected();
      if (next.done) {
        // odex stops within a few ulps of the end: the remaining gap is below the resolution of t.
        this.finished = true;
        this.tPrev = this.t;
        this.t = this.system.t1;
        return null;
      }
      return this.accept(next.value);
    }
  }

  interpolate(s: number, out: Float64Array): void {
    const segment = this.segment;
    if (this.finished || segment === undefined) {
      out.set(this.y);
      return;
    }
    const x = Math.min(segment.x1, Math.max(segment.x0, s - this.system.t0));
    for (let i = 0; i < this.system.dim; i++) out[i] = segment.f(i, x);
  }

  private accept(segment: OdexSegment): StepFailure | null {
    const { t0, t1, dim } = this.system;
    const end = t0 + segment.x1;
    if (!(segment.x1 > segment.x0) || end === this.t) {
      this.detail = `The step size fell to ${segment.x1 - segment.x0} at t = ${this.t}.`;
      return 'step-size-underflow';
    }
    this.segment = segment;
    for (let i = 0; i < dim; i++) this.y[i] = segment.y[i];
    this.tPrev = this.t;
    // odex's own end test: within ten rounding units of the end, the step has reached it.
    const gap = t1 - t0 - segment.x1;
    this.t = 0.1 * gap <= segment.x1 * ODEX_UROUND ? t1 : end;
    this.stats.steps++;
    if (this.cap > 0 && ++this.cappedSteps >= CAPPED_STEPS && this.t < t1)
      this.startRun(0, this.t - this.tPrev);
    return null;
  }

  /** A fresh odex run from the last accepted state; cap 0 lets the step grow to the whole interval. */
  private startRun(cap: number, initialDt: number | undefined): void {
    const { t0, t1, dim } = this.system;
    if (this.solver !== undefined) this.rejectedBefore = this.stats.rejected;
    this.cap = cap;
    this.cappedSteps = 0;
    this.evaluationsAtStart = this.stats.rhsEvaluations;
    this.solver = createOdexSolver(this.adapter, dim, {
      denseOutput: true,
      maxExtrapolationColumns: MAX_COLUMNS,
      relativeTolerance: Array.from(this.settings.rtol),
      absoluteTolerance: Array.from(this.settings.atol),
      maxSteps: ATTEMPTS_PER_STEP * this.settings.maxSteps + 10,
      ...(cap > 0 ? { maxStepSize: cap } : {}),
      ...(initialDt === undefined ? {} : { initialStepSize: initialDt }),
    });
    this.segments = this.solver.solutionSegments(this.t - t0, Array.from(this.y), t1 - t0);
  }

  /** After a non-finite evaluation: restarts with a smaller step cap, or false when no step can help. */
  private retryWithCap(): boolean {
    this.syncRejected();
    // odex's first evaluation of a run is f at the accepted state itself: no step size avoids it.
    if (this.stats.rhsEvaluations - this.evaluationsAtStart <= 1) return false;
    const last = this.t > this.tPrev ? this.t - this.tPrev : this.system.t1 - this.system.t0;
    const cap = CAP_FRACTION * (this.cap > 0 ? this.cap : last);
    if (this.t + cap === this.t || cap <= 16 * Number.EPSILON * Math.abs(this.t)) return false;
    this.startRun(cap, cap);
    return true;
  }

  private failure(error: unknown): StepFailure {
    this.syncRejected();
    if (error instanceof NonFiniteEvaluation) {
      this.detail =
        this.stats.rhsEvaluations - this.evaluationsAtStart <= 1
          ? `The right-hand side is not finite at the state reached at t = ${this.t}.`
          : `The right-hand side was not finite for every step tried from t = ${this.t}, down to ${this.cap}.`;
      return 'non-finite';
    }
    if (error instanceof Error && error.message.startsWith('maximum allowed steps exceeded')) {
      this.detail = `odex made more than ${ATTEMPTS_PER_STEP} attempts per allowed step.`;
      return 'max-steps';
    }
    throw error;
  }

  /** odex keeps its rejection count private; it is read, never written. */
  private syncRejected(): void {
    this.stats.rejected = this.rejectedBefore + (this.solver as unknown as { nReject: number }).nReject;
  }
}
