/**
 * Euler–Maruyama for one-component additive noise on a block of paths at once, for problems that declare
 * `elementwise: true` (their drift maps an array of states to an array of drifts, component by component).
 * Each step calls the drift once for the whole block and updates every path in one typed-array loop, so the
 * per-path cost of a step is a few loads and stores rather than a closure call.
 *
 * Every path is the same floats as the per-path kernel and as solveSde: its normals come from its own stream,
 * in the same order (drawn per chunk of steps so that the block's normals stay in cache), its step is
 * x + (a(t, x) dt + g(t) dW) with dW = sqrt(dt) z, and a path that leaves the bound fails at the same step with
 * the same status and time. A failed path is parked at x0 (where the drift is defined) for the rest of the block,
 * and its later values are ignored.
 */
import { type RandomStream, randomStream } from '../random/stream.js';
import { W_SUBSTREAM } from './brownianIncrements.js';
import { tabulateDiffusion } from './ensembleAdditiveKernel.js';
import { PATH_BLOW_UP, PATH_NON_FINITE } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import type { PathRecorder } from './ensembleRecorder.js';
import type { RangeKernel } from './ensembleStepperKernel.js';
import type { SdeProblem, VectorField } from './types.js';

/** Paths advanced together: enough to amortize the drift call, few enough that the block stays in cache. */
export const BLOCK_PATHS = 256;
/** Steps of normals drawn per path at a time: BLOCK_PATHS x CHUNK_STEPS doubles (128 KB) of normals. */
export const CHUNK_STEPS = 64;

export class BlockEulerKernel implements RangeKernel {
  private readonly drift: VectorField;
  private readonly x0: number;
  private readonly g: Float64Array;
  private readonly saveIndices: Int32Array;
  private readonly x = new Float64Array(BLOCK_PATHS);
  private readonly a = new Float64Array(BLOCK_PATHS);
  /** Per slot: 1 while the path runs, 0 once it failed. */
  private readonly alive = new Uint8Array(BLOCK_PATHS);
  /** The block's scaled normals dW, path-major: slot i, step j of the chunk at i * CHUNK_STEPS + j. */
  private readonly dW = new Float64Array(BLOCK_PATHS * CHUNK_STEPS);
  private readonly streams: RandomStream[] = [];
  private readonly one = new Float64Array(1);

  constructor(
    private readonly plan: EnsemblePlan,
    problem: SdeProblem,
    private readonly recorder: PathRecorder,
  ) {
    this.drift = problem.drift;
    this.x0 = problem.x0[0];
    this.g = tabulateDiffusion(problem, plan, 0);
    this.saveIndices = Int32Array.from([...plan.saveIndices, -1]);
  }

  /** Simulates paths start, ..., end - 1, BLOCK_PATHS at a time. */
  simulateRange(start: number, end: number): void {
    for (let first = start; first < end; first += BLOCK_PATHS) {
      const n = Math.min(BLOCK_PATHS, end - first);
      const full = n === BLOCK_PATHS;
      this.simulateBlock(
        first,
        n,
        full ? this.x : this.x.subarray(0, n),
        full ? this.a : this.a.subarray(0, n),
      );
    }
  }

  private simulateBlock(first: number, n: number, x: Float64Array, a: Float64Array): void {
    const { plan, drift, g, alive, dW, streams, saveIndices, x0 } = this;
    const { t0, dt, steps, blowUpBound } = plan;
    const sqrtDt = Math.sqrt(dt);
    for (let i = 0; i < n; i++) {
      streams[i] = randomStream(plan.seed, first + i, W_SUBSTREAM);
      x[i] = x0;
      alive[i] = 1;
    }
    let nextSave = 0;
    if (saveIndices[0] === 0) this.saveBlock(first, n, nextSave++);
    for (let k0 = 0; k0 < steps; k0 += CHUNK_STEPS) {
      const count = Math.min(CHUNK_STEPS, steps - k0);
      for (let i = 0; i < n; i++) streams[i].fillNormal(dW, sqrtDt, i * CHUNK_STEPS, count);
      for (let j = 0; j < count; j++) {
        const k = k0 + j;
        const t = t0 + k * dt;
        const gk = g[k];
        drift(t, x, a);
        let escaped = false;
        for (let i = 0, row = j; i < n; i++, row += CHUNK_STEPS) {
          const v = x[i] + (a[i] * dt + gk * dW[row]);
          x[i] = v;
          if (!(Math.abs(v) <= blowUpBound)) escaped = true;
        }
        if (escaped) this.park(first, n, t, nextSave);
        if (k + 1 === saveIndices[nextSave]) this.saveBlock(first, n, nextSave++);
      }
    }
    this.finishBlock(first, n);
  }

  /**
   * After a step in which some state left the bound: records the paths that failed in it (at step start t, with
   * nextSave saves made) and parks every out-of-bound slot at x0. The check runs once per step for the whole
   * block, so the update loop has no per-path branch to take.
   */
  private park(first: number, n: number, t: number, nextSave: number): void {
    const { x, alive, x0, recorder } = this;
    const bound = this.plan.blowUpBound;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (Math.abs(v) <= bound) continue;
      if (alive[i] === 1) {
        recorder.fail(first + i, Number.isFinite(v) ? PATH_BLOW_UP : PATH_NON_FINITE, t, nextSave);
        alive[i] = 0;
      }
      x[i] = x0;
    }
  }

  private saveBlock(first: number, n: number, j: number): void {
    const { x, alive, one, recorder } = this;
    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) continue;
      one[0] = x[i];
      recorder.save(first + i, j, one);
    }
  }

  private finishBlock(first: number, n: number): void {
    const { x, alive, one, recorder, plan } = this;
    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) continue;
      one[0] = x[i];
      recorder.finish(first + i, one, plan.t1);
    }
    this.streams.length = 0;
  }
}
