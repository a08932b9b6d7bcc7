/**
 * Euler–Maruyama and SRA1 for one-component additive noise on a block of paths at once, for problems that declare
 * `elementwise: true` (their drift maps an array of states to an array of drifts, component by component).
 * Each step calls the drift once per stage for the whole block and updates every path in one typed-array loop, so
 * the per-path cost of a step is a few loads and stores rather than a closure call.
 *
 * The block's random streams live in StreamTables, and each step draws one normal per path across the block
 * (step-major), so the draws of different paths overlap in the processor. The draws happen inside the first loop
 * over the block (Euler–Maruyama's update, SRA1's first stage), which saves a store and a load per path-step over
 * drawing a column of normals first: about a fifth of an Euler–Maruyama step.
 *
 * Every path is the same floats as the per-path kernel and as solveSde: its normals come from its own streams in
 * the same order, its step is the one AdditiveKernel writes out (the same floating-point operations in the same
 * order), and a path that leaves the bound fails at the same step with the same status and time. A failed path is
 * parked at x0 (where the drift is defined) for the rest of the block, and its later values are ignored.
 */
import { UnsupportedProblemError } from '../errors.js';
import { arenaArray } from '../parallel/threadArena.js';
import { StreamTable } from '../random/streamTable.js';
import { xoshiroNext } from '../random/xoshiro.js';
import { KW, zigguratNormal, zigguratSlowPath } from '../random/ziggurat.js';
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

/** Paths advanced together: enough to amortize the drift call, few enough that the block stays in L1 cache. */
export const BLOCK_PATHS = 256;

/**
 * The block's working arrays, one set per thread. Typed arrays reached from a module constant are known objects to
 * V8's optimizing compiler, which then drops the per-element map check and the reloads of length and data
 * pointer that it makes for arrays reached through `this` or a parameter: about a third of an Euler–Maruyama
 * path-step. V8 relies on this only while no ArrayBuffer has been detached in the thread (transferred by
 * postMessage or structuredClone); after the first detach it guards every access, and an Euler–Maruyama
 * path-step on the main thread took 9.6 instead of 7.2 ns. The arrays come from the thread's arena, whose low
 * addresses the compiled loop holds as immediates (threadArena.ts). Blocks run synchronously, one at a time per
 * thread, so one set serves every kernel; a block with fewer than BLOCK_PATHS paths pads the rest with x0 and
 * leaves them alone, so the drift always sees full arrays.
 */
const W_STREAMS = new StreamTable(BLOCK_PATHS, arenaArray(Int32Array, 4 * BLOCK_PATHS));
const Z_STREAMS = new StreamTable(BLOCK_PATHS, arenaArray(Int32Array, 4 * BLOCK_PATHS));
const SCRATCH = {
  x: arenaArray(Float64Array, BLOCK_PATHS),
  a: arenaArray(Float64Array, BLOCK_PATHS),
  /** For sra1: the second stage's state and drift, and the step's dW and sqrt(dt / 3) xi of each path. */
  h2: arenaArray(Float64Array, BLOCK_PATHS),
  a2: arenaArray(Float64Array, BLOCK_PATHS),
  dW: arenaArray(Float64Array, BLOCK_PATHS),
  zeta: arenaArray(Float64Array, BLOCK_PATHS),
  /** Per slot: 1 while the path runs, 0 once it failed. */
  alive: arenaArray(Uint8Array, BLOCK_PATHS),
  /** The W streams and, for sra1, the Z streams of the block, slot i for path first + i. */
  w: W_STREAMS,
  z: Z_STREAMS,
  /** The tables' states: a field of a class instance is not folded the way a field of this literal is. */
  wState: W_STREAMS.state,
  zState: Z_STREAMS.state,
};
/**
 * Imported bindings are live: V8 reads them through a cell, with a check, at every use inside a loop. These
 * module constants are folded into the compiled loop instead.
 */
const LAYERS = KW;
const advance = xoshiroNext;
/** Whether a block is being simulated in this thread (a drift that started another would corrupt SCRATCH). */
let busy = false;

/**
 * The update loops are one method per scheme stage, called once per step for the whole block, so each stays a
 * tight monomorphic loop over typed arrays. The drift is called from the step loop of simulateBlock, not from
 * those methods: V8 inlines a compiled function's calls in order of how often they run, within one budget, and
 * inside an update method the drift (once per call) came after the ziggurat's slow path (several times per call);
 * whether it still fitted varied from process to process, and a drift left out of line cost about a fifth of an
 * Euler–Maruyama path-step. In the step loop it is among the most frequent calls.
 *
 * Steps, as AdditiveKernel rounds them:
 *
 * - eulerMaruyama: x + (a(t, x) dt + g(t) dW).
 * - sra1: H2 = x + 0.75 a1 dt + 1.5 g(t + dt) dZ / dt, then
 *   x + (((a1 + 2 a2) / 3) dt + g(t + dt) (dW - dZ / dt) + g(t) dZ / dt) with a2 = a(t + 0.75 dt, H2) and
 *   dZ = 0.5 dt (dW + sqrt(dt / 3) xi), xi from the path's Z substream.
 */
export class BlockKernel implements RangeKernel {
  private readonly c: AdditiveCoefficients;
  private readonly one = new Float64Array(1);

  constructor(
    private readonly plan: EnsemblePlan,
    problem: SdeProblem,
    private readonly recorder: PathRecorder,
    scheme: AdditiveScheme,
  ) {
    this.c = additiveCoefficients(plan, problem, scheme);
  }

  /** Simulates paths start, ..., end - 1, BLOCK_PATHS at a time. */
  simulateRange(start: number, end: number): void {
    if (busy)
      throw new UnsupportedProblemError(
        'an elementwise drift started another block-kernel ensemble in its own thread while a block was running; ' +
          'the kernel keeps one block per thread. Fix: run the inner ensemble on workers, or do not declare ' +
          'the outer problem elementwise.',
      );
    busy = true;
    try {
      for (let first = start; first < end; first += BLOCK_PATHS)
        this.simulateBlock(first, Math.min(BLOCK_PATHS, end - first));
    } finally {
      busy = false;
    }
  }

  private simulateBlock(first: number, n: number): void {
    const { plan } = this;
    const { x, a, h2, a2, alive, w, z } = SCRATCH;
    const { saveIndices, x0, sra1, drift } = this.c;
    const { t0, dt, steps } = plan;
    for (let i = 0; i < n; i++) {
      w.assign(i, plan.seed, first + i, W_SUBSTREAM);
      if (sra1) z.assign(i, plan.seed, first + i, Z_SUBSTREAM);
      alive[i] = 1;
    }
    x.fill(x0);
    h2.fill(x0);
    let nextSave = 0;
    if (saveIndices[0] === 0) this.saveBlock(first, n, nextSave++);
    for (let k = 0; k < steps; k++) {
      const t = t0 + k * dt;
      drift(t, x, a);
      let escaped: boolean;
      if (sra1) {
        this.sra1FirstStage(n, k);
        drift(t + 0.75 * dt, h2, a2);
        escaped = this.sra1Update(n, k);
      } else escaped = this.eulerUpdate(n, k);
      if (escaped) this.park(first, n, t, nextSave);
      if (k + 1 === saveIndices[nextSave]) this.saveBlock(first, n, nextSave++);
    }
    this.finishBlock(first, n);
  }

  /**
   * The Euler–Maruyama update of the block from t_k, the drift at t_k being in SCRATCH.a; returns whether a state
   * left the bound. Each path's normal is drawn in the update loop (the ziggurat's fast branch inline, as in
   * RandomStream.fillNormal); a slow-path draw leaves the inner loop, is updated below it, and the loop resumes
   * at the next path.
   */
  private eulerUpdate(n: number, k: number): boolean {
    const { x, a, wState: state } = SCRATCH;
    const kw = LAYERS;
    const { dt, blowUpBound } = this.plan;
    const sqrtDt = Math.sqrt(dt);
    const gk = this.c.gStart[k];
    let escaped = false;
    let i = 0;
    for (;;) {
      let hz = 0;
      for (; i < n; i++) {
        hz = advance(state, i << 2);
        const layer = (hz & 127) << 1;
        if (!(Math.abs(hz) < kw[layer])) break;
        const v = x[i] + (a[i] * dt + gk * (sqrtDt * (hz * kw[layer + 1])));
        x[i] = v;
        if (!(Math.abs(v) <= blowUpBound)) escaped = true;
      }
      if (i >= n) return escaped;
      const v = x[i] + (a[i] * dt + gk * (sqrtDt * zigguratSlowPath(state, i << 2, hz)));
      x[i] = v;
      if (!(Math.abs(v) <= blowUpBound)) escaped = true;
      i++;
    }
  }

  /**
   * SRA1's first stage from t_k, the drift a1 at t_k being in SCRATCH.a: draws each path's W and Z normals and
   * forms H2. When either draw needs the ziggurat's slow path the loop leaves, that path's draws are finished
   * below it (a W draw that failed first leaves the Z draw still to make), and the loop resumes.
   */
  private sra1FirstStage(n: number, k: number): void {
    const { x, a, h2, dW, zeta, wState, zState } = SCRATCH;
    const kw = LAYERS;
    const { dt } = this.plan;
    const invDt = 1 / dt;
    const sqrtDt = Math.sqrt(dt);
    const zScale = sqrtDt * (1 / Math.sqrt(3));
    const ge = this.c.gEnd[k];
    let i = 0;
    for (;;) {
      let hw = 0;
      let hz = 0;
      let wSlow = false;
      for (; i < n; i++) {
        hw = advance(wState, i << 2);
        const lw = (hw & 127) << 1;
        if (!(Math.abs(hw) < kw[lw])) {
          wSlow = true;
          break;
        }
        hz = advance(zState, i << 2);
        const lz = (hz & 127) << 1;
        dW[i] = sqrtDt * (hw * kw[lw + 1]);
        if (!(Math.abs(hz) < kw[lz])) break;
        zeta[i] = zScale * (hz * kw[lz + 1]);
        const dZ = 0.5 * dt * (dW[i] + zeta[i]);
        h2[i] = x[i] + 0.75 * a[i] * dt + 1.5 * ge * dZ * invDt;
      }
      if (i >= n) return;
      if (wSlow) {
        dW[i] = sqrtDt * zigguratSlowPath(wState, i << 2, hw);
        zeta[i] = zScale * zigguratNormal(zState, i << 2);
      } else zeta[i] = zScale * zigguratSlowPath(zState, i << 2, hz);
      const dZ = 0.5 * dt * (dW[i] + zeta[i]);
      h2[i] = x[i] + 0.75 * a[i] * dt + 1.5 * ge * dZ * invDt;
      i++;
    }
  }

  /** SRA1's update from t_k, with a2 = a(t_k + 0.75 dt, H2) in SCRATCH.a2; returns whether a state left the bound. */
  private sra1Update(n: number, k: number): boolean {
    const { x, a, a2, dW, zeta } = SCRATCH;
    const { dt, blowUpBound } = this.plan;
    const invDt = 1 / dt;
    const gs = this.c.gStart[k];
    const ge = this.c.gEnd[k];
    let escaped = false;
    for (let i = 0; i < n; i++) {
      const dw = dW[i];
      const zOverDt = 0.5 * dt * (dw + zeta[i]) * invDt;
      const v = x[i] + (((a[i] + 2 * a2[i]) / 3) * dt + ge * (dw - zOverDt) + gs * zOverDt);
      x[i] = v;
      if (!(Math.abs(v) <= blowUpBound)) escaped = true;
    }
    return escaped;
  }

  /**
   * After a step in which some state left the bound: records the paths that failed in it (at step start t, with
   * nextSave saves made) and parks every out-of-bound slot at x0. The check runs once per step for the whole
   * block, so the update loop has no per-path branch to take.
   */
  private park(first: number, n: number, t: number, nextSave: number): void {
    const { x, alive } = SCRATCH;
    const { recorder } = this;
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
    const { x, alive } = SCRATCH;
    const { one, recorder } = this;
    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) continue;
      one[0] = x[i];
      recorder.save(first + i, j, one);
    }
  }

  private finishBlock(first: number, n: number): void {
    const { x, alive } = SCRATCH;
    const { one, recorder, plan } = this;
    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) continue;
      one[0] = x[i];
      recorder.finish(first + i, one, plan.t1);
    }
  }
}
