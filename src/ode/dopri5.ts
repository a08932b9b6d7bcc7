/**
 * Dormand-Prince 5(4): explicit Runge-Kutta of order 5 with an embedded order-4 error estimate, FSAL (six
 * evaluations per step), the order-4 continuous extension, and the PI step-size controller of Hairer's
 * DOPRI5 (safety 0.9, step ratio in [0.2, 10], beta 0.04). With `dt` it takes fixed steps instead.
 */
import { InvalidArgumentError } from '../errors.js';
import { positiveNumber } from '../validate.js';
import {
  type Dopri5Work,
  dopri5DenseBlock,
  dopri5ErrorNorm,
  dopri5Stages,
  dopri5Work,
} from './dopri5Stages.js';
import { ExplicitStepper } from './explicitStepper.js';
import { fixedStepCount, fixedStepEnd } from './fixedGrid.js';
import { evaluateDense, hermiteCoefficients } from './hermiteDense.js';
import { initialStep } from './initialStep.js';
import type { OdeMethod, OdeSystem, StepFailure, StepperSettings } from './types.js';
import { allFinite } from './vectorChecks.js';

const SAFETY = 0.9;
const MIN_RATIO = 0.2;
const MAX_RATIO = 10;
const BETA = 0.04;
const EXPONENT = 0.2 - 0.75 * BETA;
const EPS = Number.EPSILON;
const LOG_ERR_FLOOR = Math.log(1e-4);

export interface Dopri5Options {
  /** Take fixed steps of dt (the last one shortened to end at t1) instead of adapting the step. */
  readonly dt?: number;
}

/** Dormand-Prince 5(4), adaptive by default; `dopri5({ dt })` takes fixed steps (for order studies). */
export function dopri5(options: Dopri5Options = {}): OdeMethod {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('dopri5 options', options, 'an object such as { dt: 0.01 } or {}');
  }
  const dt = options.dt === undefined ? undefined : positiveNumber('dopri5 dt', options.dt);
  return {
    name: dt === undefined ? 'dopri5' : `dopri5(dt=${dt})`,
    order: 5,
    adaptive: dt === undefined,
    denseOutput: { kind: 'Dormand-Prince continuous extension', order: 4 },
    createStepper: (system, settings) => new Dopri5Stepper(system, settings, dt),
  };
}

class Dopri5Stepper extends ExplicitStepper {
  private readonly w: Dopri5Work;
  private readonly coef: Float64Array;
  private denseReady = false;
  private h = 0;
  private hLast = 0;
  /** ln of the error norm of the last accepted step, floored at 1e-4 as in DOPRI5. */
  private logErrOld = LOG_ERR_FLOOR;
  private rejectedLast = false;
  private started = false;
  private readonly fixedCount: number;

  constructor(
    system: OdeSystem,
    private readonly settings: StepperSettings,
    private readonly fixedDt: number | undefined,
  ) {
    super(system);
    this.w = dopri5Work(system.dim);
    this.coef = new Float64Array(5 * system.dim);
    this.fixedCount = fixedDt === undefined ? 0 : fixedStepCount(system.t0, system.t1, fixedDt);
  }

  step(): StepFailure | null {
    if (!this.started && !this.start()) return 'non-finite';
    return this.fixedDt === undefined ? this.adaptiveStep() : this.fixedStep(this.fixedDt);
  }

  private fixedStep(dt: number): StepFailure | null {
    const { rhs, t0, t1 } = this.system;
    const tNext = fixedStepEnd(t0, t1, dt, this.stats.steps, this.fixedCount);
    const h = tNext - this.t;
    dopri5Stages(rhs, this.t, h, this.y, this.w);
    this.stats.rhsEvaluations += 6;
    const failure = this.checkCandidate(this.w.yNew, this.w.k7, h);
    if (failure !== null) return failure;
    this.accept(h, tNext);
    return null;
  }

  private adaptiveStep(): StepFailure | null {
    const { rhs, t0, t1, dim } = this.system;
    const w = this.w;
    let nonFiniteTrial = false;
    for (;;) {
      let h = this.h;
      const last = this.t + 1.01 * h >= t1;
      if (last) h = t1 - this.t;
      if (0.1 * h <= Math.abs(this.t) * EPS || this.t + h === this.t)
        return this.underflow(h, nonFiniteTrial);
      dopri5Stages(rhs, this.t, h, this.y, w);
      this.stats.rhsEvaluations += 6;
      const err = dopri5ErrorNorm(h, this.y, w, this.settings.rtol, this.settings.atol);
      if (err <= 1) {
        this.accept(h, last ? t1 : this.t + h);
        this.h = Math.min(this.nextStep(h, err), t1 - t0);
        return null;
      }
      this.stats.rejected++;
      this.rejectedLast = true;
      nonFiniteTrial = Number.isNaN(err) || !allFinite(w.yNew, dim) || !allFinite(w.k7, dim);
      // A non-finite stage says nothing about the error's size: shrink by the largest allowed factor.
      this.h = nonFiniteTrial ? h * MIN_RATIO : h / Math.min(1 / MIN_RATIO, err ** EXPONENT / SAFETY);
    }
  }

  private underflow(h: number, nonFiniteTrial: boolean): StepFailure {
    if (nonFiniteTrial) {
      this.detail = `Every trial step from t = ${this.t} made the right-hand side non-finite, down to h = ${h}.`;
      return 'non-finite';
    }
    this.detail = `The step size fell to ${h} at t = ${this.t}. If a component sits at 0, give atol > 0.`;
    return 'step-size-underflow';
  }

  interpolate(s: number, out: Float64Array): void {
    const dim = this.system.dim;
    if (!this.denseReady) {
      // After an accepted step the buffers were swapped: w.yNew holds the old state, w.k7 the old k1.
      const { k1, k3, k4, k5, k6, k7, yNew } = this.w;
      hermiteCoefficients(this.coef, dim, this.hLast, yNew, k7, this.y, k1);
      dopri5DenseBlock(this.coef, this.hLast, k7, k3, k4, k5, k6, k1);
      this.denseReady = true;
    }
    evaluateDense(this.coef, dim, (s - this.tPrev) / this.hLast, out);
  }

  /** Evaluates f(t0, y0) and picks the first step; false when f(t0, y0) is not finite. */
  private start(): boolean {
    const { rhs, t0, t1 } = this.system;
    const w = this.w;
    if (!this.evaluateInitial(w.k1)) return false;
    this.started = true;
    const { rtol, atol, initialDt } = this.settings;
    const hMax = t1 - t0;
    if (this.fixedDt !== undefined) return true;
    if (initialDt !== undefined) {
      this.h = Math.min(initialDt, hMax);
      return true;
    }
    this.h = initialStep({
      rhs,
      t: t0,
      y: this.y,
      f0: w.k1,
      order: 5,
      hMax,
      rtol,
      atol,
      yTrial: w.yStage,
      fTrial: w.k2,
    });
    this.stats.rhsEvaluations++;
    return true;
  }

  private accept(h: number, tNext: number): void {
    const w = this.w;
    this.tPrev = this.t;
    this.t = tNext;
    this.hLast = h;
    const yOld = this.y;
    this.y = w.yNew;
    w.yNew = yOld;
    const k1Old = w.k1;
    w.k1 = w.k7;
    w.k7 = k1Old;
    this.denseReady = false;
    this.stats.steps++;
  }

  /**
   * PI control (Hairer's DOPRI5): h_new = h / clamp(err^(0.2 - 0.75 beta) / errOld^beta / safety). The
   * powers go through one log and one exp, and ln errOld is kept from the previous step: Math.pow costs as
   * much as several evaluations of a cheap right-hand side.
   */
  private nextStep(h: number, err: number): number {
    const logErr = Math.log(err);
    const fac = Math.exp(EXPONENT * logErr - BETA * this.logErrOld) / SAFETY;
    const ratio = Math.min(1 / MIN_RATIO, Math.max(1 / MAX_RATIO, fac));
    this.logErrOld = Math.max(logErr, LOG_ERR_FLOOR);
    let hNew = h / ratio;
    if (this.rejectedLast) hNew = Math.min(hNew, h);
    this.rejectedLast = false;
    return hNew;
  }
}
