/**
 * What every training run records at its save times: the population loss ½‖W − W*‖², the singular values of the
 * end-to-end map W and its rank, and the strength u_kᵀ W v_k of each teacher mode. Save times are t = kη for
 * discrete training and the requested times for gradient flow. Recording runs an SVD, so it allocates; it runs
 * at save times only.
 */
import { numericalRank, svd } from '../linalg/svd.js';
import type { DeepLinearShape } from '../networks/deepLinearShape.js';
import { PopulationObjective } from '../networks/populationLoss.js';
import { modeStrengths, type Teacher } from '../networks/teacher.js';
import type { SolveOutcome } from '../solution.js';
import { nonNegativeNumber } from '../validate.js';

export interface RecordOptions {
  /**
   * A singular value of W counts toward its rank when it exceeds rankTolerance · s_1 (s_1 the teacher's largest
   * singular value). Default 0.01: a mode counts once it holds 1% of the teacher's scale, which separates the
   * saddles' ranks (unlearned modes sit near ε^L during a plateau) from the learned ones.
   */
  readonly rankTolerance?: number;
  /** Keep the full parameter vector at every save time (memory: saves × parameters). Default false. */
  readonly keepParameters?: boolean;
}

export interface Trajectory extends SolveOutcome {
  /** How the trajectory was produced: 'gradient flow (gbs)', 'gradient descent', 'online SGD'. */
  readonly method: string;
  /** Save times (t = kη for discrete training). */
  readonly t: Float64Array;
  /** Population loss ½‖W − W*‖² at each save time. */
  readonly loss: Float64Array;
  /** Singular values of W, descending, min(dIn, dOut) per save time: entry k·spectrumSize + i. */
  readonly singularValues: Float64Array;
  readonly spectrumSize: number;
  /** Number of singular values above rankTolerance · s_1(W*) at each save time (−1 where W is not finite). */
  readonly rank: Int32Array;
  /** Teacher-mode strengths u_kᵀ W v_k, `modes` per save time: entry k·modes + i. */
  readonly modeStrengths: Float64Array;
  readonly modes: number;
  /** Parameters at each save time (entry k·size + i) when keepParameters was set. */
  readonly parameters?: Float64Array;
  /** Parameters at tReached. */
  readonly thetaEnd: Float64Array;
  /** Gradient evaluations (for gradient flow: right-hand-side evaluations) and steps taken. */
  readonly gradientEvaluations: number;
  readonly steps: number;
  /** Hessian-vector products spent by a stiff gradient-flow solver (0 otherwise). */
  readonly hessianProducts: number;
}

/** Accumulates the save-time records of one run. */
export class TrajectoryRecorder {
  private readonly objective: PopulationObjective;
  private readonly threshold: number;
  private readonly keep: boolean;
  private readonly t: number[] = [];
  private readonly loss: number[] = [];
  private readonly spectra: number[] = [];
  private readonly ranks: number[] = [];
  private readonly strengths: number[] = [];
  private readonly saved: Float64Array<ArrayBufferLike>[] = [];
  private readonly strengthScratch: Float64Array;

  constructor(
    readonly shape: DeepLinearShape,
    readonly teacher: Teacher,
    options: RecordOptions,
  ) {
    this.objective = new PopulationObjective(shape, teacher);
    this.threshold = nonNegativeNumber('rankTolerance', options.rankTolerance ?? 0.01) * teacher.s[0];
    this.keep = options.keepParameters === true;
    this.strengthScratch = new Float64Array(teacher.s.length);
  }

  /** The population loss at theta, without recording it. */
  lossAt(theta: Float64Array): number {
    return this.objective.loss(theta);
  }

  /** Records the state theta at time t; returns the population loss there. */
  record(t: number, theta: Float64Array): number {
    const loss = this.objective.loss(theta);
    const w = this.objective.products.prefix[this.shape.depth - 1];
    const finite = w.data.every(Number.isFinite);
    const s = finite ? svd(w).s : new Float64Array(Math.min(w.rows, w.cols)).fill(Number.NaN);
    this.t.push(t);
    this.loss.push(loss);
    for (const value of s) this.spectra.push(value);
    this.ranks.push(finite ? numericalRank(s, this.threshold) : -1);
    for (const value of modeStrengths(this.teacher, w, this.strengthScratch)) this.strengths.push(value);
    if (this.keep) this.saved.push(theta.slice());
    return loss;
  }

  /** The trajectory so far, with the run's outcome and counts. */
  finish(
    method: string,
    outcome: SolveOutcome,
    thetaEnd: Float64Array,
    counts: { gradientEvaluations: number; steps: number; hessianProducts?: number },
  ): Trajectory {
    const size = this.shape.size;
    const parameters = this.keep ? new Float64Array(this.saved.length * size) : undefined;
    for (let k = 0; k < this.saved.length; k++) parameters?.set(this.saved[k], k * size);
    return {
      ...outcome,
      method,
      t: Float64Array.from(this.t),
      loss: Float64Array.from(this.loss),
      singularValues: Float64Array.from(this.spectra),
      spectrumSize: Math.min(this.shape.dIn, this.shape.dOut),
      rank: Int32Array.from(this.ranks),
      modeStrengths: Float64Array.from(this.strengths),
      modes: this.teacher.s.length,
      ...(parameters ? { parameters } : {}),
      thetaEnd: thetaEnd.slice(),
      hessianProducts: 0,
      ...counts,
    };
  }
}
