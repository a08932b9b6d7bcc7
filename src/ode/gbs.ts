/**
 * Gragg-Bulirsch-Stoer extrapolation of variable order and step (Hairer & Wanner's ODEX, as ported by the
 * odex package, loaded by odexSolver.ts). The wrapper makes it behave like every other method here:
 * - odex treats an end point of 0 as "no end", so it integrates in shifted time s = t - t0 over [0, t1 - t0];
 * - odex does not notice NaN (a NaN error estimate is accepted), so every evaluation of f is checked and the
 *   first non-finite one stops the solve at the last accepted step with status 'non-finite';
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

/** Thrown through odex from the right-hand side adapter when f is not finite; never escapes gbs. */
class NonFiniteEvaluation {}

/** Adaptive GBS extrapolation with dense output (odex 3). */
export function gbs(): OdeMethod {
  return {
    name: 'gbs',
    order: 2 * MAX_COLUMNS,
    adaptive: true,
    denseOutput: { kind: 'extrapolated Hermite with interpolation error control (odex)', order: 5 },
    createStepper: (system, settings) => new GbsStepper(system, settings),
  };
}

class GbsStepper implements OdeStepper {
  t: number;
  tPrev: number;
  readonly y: Float64Array;
  readonly stats: OdeStats = { rhsEvaluations: 0, steps: 0, rejected: 0 };
  detail = '';
  private readonly solver: OdexSolver;
  private readonly segments: Generator<OdexSegment, undefined>;
  private segment: OdexSegment | undefined;
  private finished = false;

  constructor(
    private readonly system: OdeSystem,
    settings: StepperSettings,
  ) {
    const { rhs, t0, dim } = system;
    this.t = t0;
    this.tPrev = t0;
    this.y = Float64Array.from(system.y0);
    const yIn = new Float64Array(dim);
    const fOut = new Float64Array(dim);
    const stats = this.stats;
    const adapter = (s: number, y: number[], yp: number[]): void => {
      for (let i = 0; i < dim; i++) yIn[i] = y[i];
      rhs(t0 + s, yIn, fOut);
      stats.rhsEvaluations++;
      for (let i = 0; i < dim; i++) {
        const v = fOut[i];
        if (!Number.isFinite(v)) throw new NonFiniteEvaluation();
        yp[i] = v;
      }
    };
    this.solver = createOdexSolver(adapter, dim, {
      denseOutput: true,
      maxExtrapolationColumns: MAX_COLUMNS,
      relativeTolerance: Array.from(settings.rtol),
      absoluteTolerance: Array.from(settings.atol),
      maxSteps: ATTEMPTS_PER_STEP * settings.maxSteps + 10,
      ...(settings.initialDt === undefined ? {} : { initialStepSize: settings.initialDt }),
    });
    this.segments = this.solver.solutionSegments(0, Array.from(system.y0), system.t1 - t0);
  }

  step(): StepFailure | null {
    const { t0, t1, dim } = this.system;
    let next: IteratorResult<OdexSegment, undefined>;
    try {
      next = this.segments.next();
    } catch (error) {
      return this.failure(error);
    }
    this.syncRejected();
    if (next.done) {
      // odex stops within a few ulps of the end: the remaining gap is below the resolution of t.
      this.finished = true;
      this.tPrev = this.t;
      this.t = t1;
      return null;
    }
    const segment = next.value;
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
    return null;
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

  private failure(error: unknown): StepFailure {
    this.syncRejected();
    if (error instanceof NonFiniteEvaluation) {
      this.detail =
        'gbs evaluated the right-hand side to a non-finite value and cannot retry with a smaller step; ' +
        'try dopri5 or log coordinates.';
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
    this.stats.rejected = (this.solver as unknown as { nReject: number }).nReject;
  }
}
