/**
 * One ROS34PW2 integration (see ros34pw2.ts): the four stages of a step with MINRES solves, the embedded error
 * estimate, step-size control (h ← h·clamp(0.9 err^{−1/3}, 0.2, 5)), fixed steps for order studies, and cubic
 * Hermite dense output from the end values and derivatives of the last step. (About 230 lines: these parts share
 * the stepper's buffers and state, and splitting them would pass that state around.)
 */
import { ExplicitStepper } from '../ode/explicitStepper.js';
import { fixedStepCount, fixedStepEnd } from '../ode/fixedGrid.js';
import { evaluateDense, hermiteCoefficients } from '../ode/hermiteDense.js';
import { initialStep } from '../ode/initialStep.js';
import type { OdeSystem, StepFailure, StepperSettings } from '../ode/types.js';
import { allFinite } from '../ode/vectorChecks.js';
import { Minres } from './minres.js';
import type { Ros34pw2Stats, SymmetricJacobian } from './ros34pw2.js';

export interface LinearSettings {
  readonly krylovTolerance: number;
  readonly maxKrylov: number;
  readonly dt: number | undefined;
}

const GAMMA = 0.435866521508459;
/** a_ij (strictly lower), γ_ij (strictly lower), b and b̂ (Rang & Angermann 2005, ROS34PW2). */
const A = [[], [0.871733043016918], [0.84457060015369423, -0.11299064236484185], [0, 0, 1]];
const G = [
  [],
  [-0.871733043016918],
  [-0.90338057013044082, 0.054180672388095326],
  [0.24212380706095346, -1.2232505839045147, 0.54526025533510214],
];
/** c_i = Σ_j a_ij, the stage times (the time-derivative terms are left out: f must not depend on t). */
const C = A.map((row) => row.reduce((sum, a) => sum + a, 0));
const B = [0.24212380706095346, -1.2232505839045147, 1.545260255335102, 0.435866521508459];
const B_HAT = [0.37810903145819369, -0.096042292212423178, 0.5, 0.2179332607542295];

export class Ros34pw2Stepper extends ExplicitStepper {
  private readonly k: Float64Array[];
  private f: Float64Array;
  private fNew: Float64Array;
  private yNew: Float64Array;
  private readonly stage: Float64Array;
  private readonly rhsStage: Float64Array;
  private readonly jg: Float64Array;
  private readonly coef: Float64Array;
  private readonly minres: Minres;
  private h = 0;
  private hLast = 0;
  private started = false;
  private denseReady = false;
  private pointSet = false;

  constructor(
    system: OdeSystem,
    private readonly settings: StepperSettings,
    private readonly jacobian: SymmetricJacobian,
    private readonly linear: LinearSettings,
    private readonly linearStats: Ros34pw2Stats,
  ) {
    super(system);
    const n = system.dim;
    this.k = Array.from({ length: 4 }, () => new Float64Array(n));
    [this.f, this.fNew, this.yNew, this.stage, this.rhsStage, this.jg] = Array.from(
      { length: 6 },
      () => new Float64Array(n),
    );
    this.coef = new Float64Array(5 * n);
    this.minres = new Minres(n);
  }

  step(): StepFailure | null {
    if (!this.started && !this.start()) return 'non-finite';
    const { t0, t1 } = this.system;
    const dt = this.linear.dt;
    if (dt !== undefined) {
      const tNext = fixedStepEnd(t0, t1, dt, this.stats.steps, fixedStepCount(t0, t1, dt));
      if (!Number.isFinite(this.attempt(tNext - this.t))) {
        this.detail = `The step from t = ${this.t} with dt = ${dt} failed (non-finite stage or unsolved system).`;
        return 'non-finite';
      }
      this.accept(tNext - this.t, tNext);
      return null;
    }
    for (;;) {
      let h = this.h;
      const last = this.t + 1.01 * h >= t1;
      if (last) h = t1 - this.t;
      if (0.1 * h <= Math.abs(this.t) * Number.EPSILON || this.t + h === this.t) {
        this.detail = `The step size fell to ${h} at t = ${this.t}. If a component sits at 0, give atol > 0.`;
        return 'step-size-underflow';
      }
      const err = this.attempt(h);
      if (err <= 1) {
        this.accept(h, last ? t1 : this.t + h);
        this.h = Math.min(h * Math.min(5, 0.9 * err ** (-1 / 3)), t1 - t0);
        return null;
      }
      this.stats.rejected++;
      this.h = Number.isFinite(err) ? h * Math.max(0.2, 0.9 * err ** (-1 / 3)) : h * 0.2;
    }
  }

  interpolate(s: number, out: Float64Array): void {
    const dim = this.system.dim;
    if (!this.denseReady) {
      // After an accepted step yNew/fNew hold the previous state and derivative (the buffers were swapped).
      hermiteCoefficients(this.coef, dim, this.hLast, this.yNew, this.fNew, this.y, this.f);
      this.denseReady = true;
    }
    evaluateDense(this.coef, dim, (s - this.tPrev) / this.hLast, out);
  }

  /** One trial step of size h from (t, y); returns its weighted error norm (Infinity if a stage failed). */
  private attempt(h: number): number {
    const { rhs, dim } = this.system;
    const { k, stage, rhsStage, jg, y } = this;
    if (!this.pointSet) {
      this.jacobian.setPoint(y);
      this.pointSet = true;
    }
    for (let i = 0; i < 4; i++) {
      if (i === 0) rhsStage.set(this.f);
      else {
        combine(stage, y, A[i], k);
        rhs(this.t + C[i] * h, stage, rhsStage);
        this.stats.rhsEvaluations++;
        combine(stage, null, G[i], k);
        this.jacobian.apply(stage, jg);
        this.linearStats.jacobianProducts++;
        for (let j = 0; j < dim; j++) rhsStage[j] += jg[j];
      }
      for (let j = 0; j < dim; j++) rhsStage[j] *= h;
      if (!allFinite(rhsStage, dim) || !this.solveStage(h, rhsStage, k[i])) return Number.POSITIVE_INFINITY;
    }
    return this.errorNorm();
  }

  /** k = (I − γhJ)^{−1} r by MINRES; false when it did not converge. */
  private solveStage(h: number, r: Float64Array, out: Float64Array): boolean {
    const gh = GAMMA * h;
    const { jacobian, linearStats } = this;
    const result = this.minres.solve(
      (v, av) => {
        jacobian.apply(v, av);
        for (let i = 0; i < v.length; i++) av[i] = v[i] - gh * av[i];
      },
      r,
      out,
      this.linear.krylovTolerance,
      this.linear.maxKrylov,
    );
    linearStats.jacobianProducts += result.iterations;
    if (!result.converged) linearStats.unconverged++;
    return result.converged;
  }

  /** Writes y + Σ b_i k_i into yNew and returns the weighted RMS norm of Σ (b_i − b̂_i) k_i. */
  private errorNorm(): number {
    const { dim } = this.system;
    const { rtol, atol } = this.settings;
    const { k, y, yNew } = this;
    let sum = 0;
    for (let j = 0; j < dim; j++) {
      let next = y[j];
      let err = 0;
      for (let i = 0; i < 4; i++) {
        next += B[i] * k[i][j];
        err += (B[i] - B_HAT[i]) * k[i][j];
      }
      yNew[j] = next;
      const scale = atol[j] + rtol[j] * Math.max(Math.abs(y[j]), Math.abs(next));
      sum += (err / scale) ** 2;
    }
    const norm = Math.sqrt(sum / dim);
    return Number.isNaN(norm) ? Number.POSITIVE_INFINITY : norm;
  }

  private accept(h: number, tNext: number): void {
    const { rhs } = this.system;
    rhs(tNext, this.yNew, this.fNew);
    this.stats.rhsEvaluations++;
    this.tPrev = this.t;
    this.t = tNext;
    this.hLast = h;
    [this.y, this.yNew] = [this.yNew, this.y];
    [this.f, this.fNew] = [this.fNew, this.f];
    this.denseReady = false;
    this.pointSet = false;
    this.stats.steps++;
  }

  private start(): boolean {
    if (!this.evaluateInitial(this.f)) return false;
    this.started = true;
    if (this.linear.dt !== undefined) return true;
    const { rhs, t0, t1 } = this.system;
    const { rtol, atol, initialDt } = this.settings;
    if (initialDt !== undefined) {
      this.h = Math.min(initialDt, t1 - t0);
      return true;
    }
    const [yTrial, fTrial] = [this.stage, this.jg];
    this.h = initialStep({
      rhs,
      t: t0,
      y: this.y,
      f0: this.f,
      order: 3,
      hMax: t1 - t0,
      rtol,
      atol,
      yTrial,
      fTrial,
    });
    this.stats.rhsEvaluations++;
    return true;
  }
}

/** out = (base ?? 0) + Σ_j coefficients[j] k_j. */
function combine(
  out: Float64Array,
  base: Float64Array | null,
  coefficients: readonly number[],
  k: Float64Array[],
) {
  if (base === null) out.fill(0);
  else out.set(base);
  for (let j = 0; j < coefficients.length; j++) {
    const c = coefficients[j];
    if (c === 0) continue;
    const kj = k[j];
    for (let i = 0; i < out.length; i++) out[i] += c * kj[i];
  }
}
