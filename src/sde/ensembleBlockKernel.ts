/**
 * Euler–Maruyama and SRA1 for one-component additive noise on a block of paths at once, for problems that declare
 * `elementwise: true` (their drift maps an array of states to an array of drifts, component by component).
 * Each step calls the drift once per stage for the whole block and updates every path in one typed-array loop, so
 * the per-path cost of a step is a few loads and stores rather than a closure call.
 *
 * Every path is the same floats as the per-path kernel and as solveSde: its normals come from its own streams,
 * in the same order (drawn per chunk of steps so that the block's normals stay in cache), its step is the one
 * AdditiveKernel writes out (the same floating-point operations in the same order), and a path that leaves the
 * bound fails at the same step with the same status and time. A failed path is parked at x0 (where the drift is
 * defined) for the rest of the block, and its later values are ignored.
 */
import { type RandomStream, randomStream } from '../random/stream.js';
import { W_SUBSTREAM, Z_SUBSTREAM } from './brownianIncrements.js';
import {
  type AdditiveCoefficients,
  type AdditiveScheme,
  additiveCoefficients,
} from './ensembleAdditiveKernel.js';
import { PATH_BLOW_UP, PATH_NON_FINITE } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import type { PathRecorder } from './ensembleRecorder.js';
import type { RangeKernel } from './ensembleStepperKernel.js';
import type { SdeProblem } from './types.js';

/** Paths advanced together: enough to amortize the drift call, few enough that the block stays in cache. */
export const BLOCK_PATHS = 256;
/** Steps of normals drawn per path at a time: BLOCK_PATHS x CHUNK_STEPS doubles (128 KB) per substream. */
export const CHUNK_STEPS = 64;

/** The arrays the drift sees for a block of n paths: views of length n of the kernel's scratch. */
interface BlockArrays {
  readonly x: Float64Array;
  readonly a: Float64Array;
  readonly h2: Float64Array;
  readonly a2: Float64Array;
}

/**
 * The step loops are one method per scheme, called once per step for the whole block, so each stays a tight
 * monomorphic loop over typed arrays. Steps, as AdditiveKernel rounds them:
 *
 * - eulerMaruyama: x + (a(t, x) dt + g(t) dW).
 * - sra1: H2 = x + 0.75 a1 dt + 1.5 g(t + dt) dZ / dt, then
 *   x + (((a1 + 2 a2) / 3) dt + g(t + dt) (dW - dZ / dt) + g(t) dZ / dt) with a2 = a(t + 0.75 dt, H2) and
 *   dZ = 0.5 dt (dW + sqrt(dt / 3) xi), xi from the path's Z substream.
 */
export class BlockKernel implements RangeKernel {
  private readonly c: AdditiveCoefficients;
  private readonly x = new Float64Array(BLOCK_PATHS);
  private readonly full: BlockArrays;
  /** Per slot: 1 while the path runs, 0 once it failed. */
  private readonly alive = new Uint8Array(BLOCK_PATHS);
  /** The block's scaled normals dW, path-major: slot i, step j of the chunk at i * CHUNK_STEPS + j. */
  private readonly dW = new Float64Array(BLOCK_PATHS * CHUNK_STEPS);
  /** For sra1, sqrt(dt / 3) xi in the same layout (empty for Euler–Maruyama). */
  private readonly zeta: Float64Array;
  private readonly streams: RandomStream[] = [];
  private readonly zStreams: RandomStream[] = [];
  private readonly one = new Float64Array(1);

  constructor(
    private readonly plan: EnsemblePlan,
    problem: SdeProblem,
    private readonly recorder: PathRecorder,
    scheme: AdditiveScheme,
  ) {
    this.c = additiveCoefficients(plan, problem, scheme);
    const scratch = this.c.sra1 ? BLOCK_PATHS : 0;
    this.full = {
      x: this.x,
      a: new Float64Array(BLOCK_PATHS),
      h2: new Float64Array(scratch),
      a2: new Float64Array(scratch),
    };
    this.zeta = new Float64Array(scratch * CHUNK_STEPS);
  }

  /** Simulates paths start, ..., end - 1, BLOCK_PATHS at a time. */
  simulateRange(start: number, end: number): void {
    const { full } = this;
    const { sra1 } = this.c;
    for (let first = start; first < end; first += BLOCK_PATHS) {
      const n = Math.min(BLOCK_PATHS, end - first);
      const arrays =
        n === BLOCK_PATHS
          ? full
          : {
              x: full.x.subarray(0, n),
              a: full.a.subarray(0, n),
              h2: sra1 ? full.h2.subarray(0, n) : full.h2,
              a2: sra1 ? full.a2.subarray(0, n) : full.a2,
            };
      this.simulateBlock(first, n, arrays);
    }
  }

  private simulateBlock(first: number, n: number, arrays: BlockArrays): void {
    const { plan, x, alive, dW, zeta, streams, zStreams } = this;
    const { saveIndices, x0, sra1 } = this.c;
    const { t0, dt, steps } = plan;
    const sqrtDt = Math.sqrt(dt);
    const zScale = sqrtDt * (1 / Math.sqrt(3));
    for (let i = 0; i < n; i++) {
      streams[i] = randomStream(plan.seed, first + i, W_SUBSTREAM);
      if (sra1) zStreams[i] = randomStream(plan.seed, first + i, Z_SUBSTREAM);
      x[i] = x0;
      alive[i] = 1;
    }
    let nextSave = 0;
    if (saveIndices[0] === 0) this.saveBlock(first, n, nextSave++);
    for (let k0 = 0; k0 < steps; k0 += CHUNK_STEPS) {
      const count = Math.min(CHUNK_STEPS, steps - k0);
      for (let i = 0; i < n; i++) {
        streams[i].fillNormal(dW, sqrtDt, i * CHUNK_STEPS, count);
        if (sra1) zStreams[i].fillNormal(zeta, zScale, i * CHUNK_STEPS, count);
      }
      for (let j = 0; j < count; j++) {
        const k = k0 + j;
        const t = t0 + k * dt;
        const escaped = sra1 ? this.sra1Step(arrays, n, t, k, j) : this.eulerStep(arrays, n, t, k, j);
        if (escaped) this.park(first, n, t, nextSave);
        if (k + 1 === saveIndices[nextSave]) this.saveBlock(first, n, nextSave++);
      }
    }
    this.finishBlock(first, n);
  }

  /** One Euler–Maruyama step of the block from t = t_k (normals at column j); returns whether a state left the bound. */
  private eulerStep(arrays: BlockArrays, n: number, t: number, k: number, j: number): boolean {
    const { x, a } = arrays;
    const { dW } = this;
    const { drift } = this.c;
    const dt = this.plan.dt;
    const gk = this.c.gStart[k];
    drift(t, x, a);
    const bound = this.plan.blowUpBound;
    let escaped = false;
    for (let i = 0, row = j; i < n; i++, row += CHUNK_STEPS) {
      const v = x[i] + (a[i] * dt + gk * dW[row]);
      x[i] = v;
      if (!(Math.abs(v) <= bound)) escaped = true;
    }
    return escaped;
  }

  /** One SRA1 step of the block from t = t_k (normals at column j); returns whether a state left the bound. */
  private sra1Step(arrays: BlockArrays, n: number, t: number, k: number, j: number): boolean {
    const { x, a, h2, a2 } = arrays;
    const { dW, zeta } = this;
    const { drift } = this.c;
    const dt = this.plan.dt;
    const invDt = 1 / dt;
    const gs = this.c.gStart[k];
    const ge = this.c.gEnd[k];
    drift(t, x, a);
    for (let i = 0, row = j; i < n; i++, row += CHUNK_STEPS) {
      const dZ = 0.5 * dt * (dW[row] + zeta[row]);
      h2[i] = x[i] + 0.75 * a[i] * dt + 1.5 * ge * dZ * invDt;
    }
    drift(t + 0.75 * dt, h2, a2);
    const bound = this.plan.blowUpBound;
    let escaped = false;
    for (let i = 0, row = j; i < n; i++, row += CHUNK_STEPS) {
      const w = dW[row];
      const zOverDt = 0.5 * dt * (w + zeta[row]) * invDt;
      const v = x[i] + (((a[i] + 2 * a2[i]) / 3) * dt + ge * (w - zOverDt) + gs * zOverDt);
      x[i] = v;
      if (!(Math.abs(v) <= bound)) escaped = true;
    }
    return escaped;
  }

  /**
   * After a step in which some state left the bound: records the paths that failed in it (at step start t, with
   * nextSave saves made) and parks every out-of-bound slot at x0. The check runs once per step for the whole
   * block, so the update loop has no per-path branch to take.
   */
  private park(first: number, n: number, t: number, nextSave: number): void {
    const { x, alive, recorder } = this;
    const { x0 } = this.c;
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
    this.zStreams.length = 0;
  }
}
