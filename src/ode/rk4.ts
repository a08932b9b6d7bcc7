/**
 * The classical fourth-order Runge-Kutta method with fixed steps of dt (the last one ends exactly at t1).
 * f at the end of a step is both the first stage of the next step and the end derivative of the step's cubic
 * Hermite dense output, so a solve of n steps costs 4 n + 1 evaluations.
 */
import { positiveNumber } from '../validate.js';
import { ExplicitStepper } from './explicitStepper.js';
import { fixedStepCount, fixedStepEnd } from './fixedGrid.js';
import { evaluateDense, hermiteCoefficients } from './hermiteDense.js';
import type { OdeMethod, OdeSystem, StepFailure } from './types.js';

/** Fixed-step RK4; dt > 0. Tolerances do not apply to it. */
export function rk4(dt: number): OdeMethod {
  positiveNumber('rk4 dt', dt, 'Pass the step size, for example rk4(0.01).');
  return {
    name: `rk4(dt=${dt})`,
    order: 4,
    adaptive: false,
    denseOutput: { kind: 'cubic Hermite', order: 3 },
    createStepper: (system) => new Rk4Stepper(system, dt),
  };
}

class Rk4Stepper extends ExplicitStepper {
  private yOld: Float64Array;
  /** f(t, y) at the current state; after a step, fOld holds f at the previous one. */
  private f: Float64Array;
  private fOld: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly yStage: Float64Array;
  private readonly coef: Float64Array;
  private readonly count: number;
  private denseReady = false;
  private started = false;

  constructor(
    system: OdeSystem,
    private readonly dt: number,
  ) {
    super(system);
    const dim = system.dim;
    this.yOld = new Float64Array(dim);
    this.f = new Float64Array(dim);
    this.fOld = new Float64Array(dim);
    this.k2 = new Float64Array(dim);
    this.k3 = new Float64Array(dim);
    this.k4 = new Float64Array(dim);
    this.yStage = new Float64Array(dim);
    this.coef = new Float64Array(5 * dim);
    this.count = fixedStepCount(system.t0, system.t1, dt);
  }

  step(): StepFailure | null {
    const { rhs, t0, t1, dim } = this.system;
    if (!this.started) {
      if (!this.evaluateInitial(this.f)) return 'non-finite';
      this.started = true;
    }
    const t = this.t;
    const tNext = fixedStepEnd(t0, t1, this.dt, this.stats.steps, this.count);
    const h = tNext - t;
    const { y, f: k1, k2, k3, k4, yStage: ys, yOld: yNew, fOld: fNew } = this;
    for (let i = 0; i < dim; i++) ys[i] = y[i] + 0.5 * h * k1[i];
    rhs(t + 0.5 * h, ys, k2);
    for (let i = 0; i < dim; i++) ys[i] = y[i] + 0.5 * h * k2[i];
    rhs(t + 0.5 * h, ys, k3);
    for (let i = 0; i < dim; i++) ys[i] = y[i] + h * k3[i];
    rhs(tNext, ys, k4);
    for (let i = 0; i < dim; i++) yNew[i] = y[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    rhs(tNext, yNew, fNew);
    this.stats.rhsEvaluations += 4;
    const failure = this.checkCandidate(yNew, fNew, h);
    if (failure !== null) return failure;
    // Swap so that y, f are the new state and yOld, fOld the step's start, kept for the dense output.
    this.yOld = y;
    this.y = yNew;
    this.fOld = k1;
    this.f = fNew;
    this.tPrev = t;
    this.t = tNext;
    this.denseReady = false;
    this.stats.steps++;
    return null;
  }

  interpolate(s: number, out: Float64Array): void {
    const h = this.t - this.tPrev;
    if (!this.denseReady) {
      hermiteCoefficients(this.coef, this.system.dim, h, this.yOld, this.fOld, this.y, this.f);
      this.denseReady = true;
    }
    evaluateDense(this.coef, this.system.dim, (s - this.tPrev) / h, out);
  }
}
