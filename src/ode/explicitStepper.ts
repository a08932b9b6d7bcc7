/**
 * What the Runge-Kutta steppers share: the last accepted time and state, the counters, the first evaluation
 * f(t0, y0) (whose failure no step size can cure) and the report of a step that left the finite numbers.
 */
import type { OdeStats, OdeStepper, OdeSystem, StepFailure } from './types.js';
import { allFinite } from './vectorChecks.js';

export abstract class ExplicitStepper implements OdeStepper {
  t: number;
  tPrev: number;
  y: Float64Array;
  readonly stats: OdeStats = { rhsEvaluations: 0, steps: 0, rejected: 0 };
  detail = '';

  constructor(protected readonly system: OdeSystem) {
    this.t = system.t0;
    this.tPrev = system.t0;
    this.y = Float64Array.from(system.y0);
  }

  abstract step(): StepFailure | null;
  abstract interpolate(s: number, out: Float64Array): void;

  /** Writes f(t0, y0) into f0; false, with the detail set, when it is not finite. */
  protected evaluateInitial(f0: Float64Array): boolean {
    const { rhs, t0, dim } = this.system;
    rhs(t0, this.y, f0);
    this.stats.rhsEvaluations++;
    if (allFinite(f0, dim)) return true;
    this.detail = `The right-hand side is not finite at the initial state (t = ${t0}).`;
    return false;
  }

  /** 'non-finite' unless the candidate state and its derivative are both finite. */
  protected checkCandidate(yNew: Float64Array, fNew: Float64Array, h: number): StepFailure | null {
    const dim = this.system.dim;
    if (allFinite(yNew, dim) && allFinite(fNew, dim)) return null;
    this.detail = `The step from t = ${this.t} with dt = ${h} produced a non-finite state.`;
    return 'non-finite';
  }
}
