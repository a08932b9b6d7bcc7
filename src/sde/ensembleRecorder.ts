/**
 * Writes one path's outcome into the ensemble buffers: its saved states, its end state and status, and its
 * passage time when a barrier is monitored. Shared by every path kernel so that all of them record alike.
 */
import { type EnsembleBuffers, PATH_BLOW_UP, PATH_NON_FINITE, PATH_SUCCESS } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import type { PassageMonitor } from './firstPassageMonitor.js';

/**
 * 0 when every component is finite and |x_i| <= bound, else PATH_NON_FINITE or PATH_BLOW_UP. One comparison
 * per component: NaN fails `<=` as well.
 */
export function stateCode(x: Float64Array, bound: number): number {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(Math.abs(v) <= bound)) return Number.isFinite(v) ? PATH_BLOW_UP : PATH_NON_FINITE;
  }
  return PATH_SUCCESS;
}

export class PathRecorder {
  private readonly buffers: EnsembleBuffers;
  private readonly dimension: number;
  private readonly saves: number;
  private readonly monitored: boolean;

  constructor(plan: EnsemblePlan, buffers: EnsembleBuffers) {
    this.buffers = buffers;
    this.dimension = plan.dimension;
    this.saves = plan.saveIndices.length;
    this.monitored = plan.passage !== undefined;
  }

  /** Stores x as save j of path p. */
  save(path: number, j: number, x: Float64Array): void {
    this.buffers.saved.set(x, (path * this.saves + j) * this.dimension);
  }

  /** The path reached t1: end state, success, and censored (+Infinity) when a barrier is monitored. */
  finish(path: number, x: Float64Array, t1: number): void {
    this.close(path, PATH_SUCCESS, t1, this.saves);
    this.buffers.end.set(x, path * this.dimension);
    if (this.monitored) this.buffers.passageTimes[path] = Number.POSITIVE_INFINITY;
  }

  /**
   * The path left the monitored interval (at monitor.time, through monitor.side), detected at grid time
   * `tDetected`; it stops there. Its
   * end state is the state at detection and its later saves are NaN.
   */
  passage(path: number, monitor: PassageMonitor, x: Float64Array, tDetected: number, nextSave: number): void {
    this.close(path, PATH_SUCCESS, tDetected, nextSave);
    this.buffers.end.set(x, path * this.dimension);
    this.buffers.passageTimes[path] = monitor.time;
    this.buffers.crossed[path] = 1;
    this.buffers.exitSide[path] = monitor.side;
  }

  /** The path failed after `tReached`: status code, NaN end state, NaN saves and passage time from then on. */
  fail(path: number, code: number, tReached: number, nextSave: number): void {
    this.close(path, code, tReached, nextSave);
    this.buffers.end.fill(Number.NaN, path * this.dimension, (path + 1) * this.dimension);
    if (this.monitored) this.buffers.passageTimes[path] = Number.NaN;
  }

  private close(path: number, code: number, tReached: number, nextSave: number): void {
    const { buffers, dimension, saves } = this;
    buffers.status[path] = code;
    buffers.tReached[path] = tReached;
    if (this.monitored) {
      buffers.crossed[path] = 0;
      buffers.exitSide[path] = 0;
    }
    if (nextSave < saves) {
      buffers.saved.fill(Number.NaN, (path * saves + nextSave) * dimension, (path + 1) * saves * dimension);
    }
  }
}
