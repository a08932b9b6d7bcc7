/**
 * Records a solve's output: either t0 and every accepted step's end, or the requested save times sampled
 * from the dense output of the step that covers them. Storage is flat and row-major (state k at k dim) and
 * grows by doubling, so recording allocates O(log n) times over a solve, never per step.
 */
import type { DenseSampler } from './eventLocator.js';

export class SolutionRecorder {
  private t: Float64Array;
  private y: Float64Array;
  private count = 0;
  private next = 0;
  private readonly scratch: Float64Array;

  /** saveAt: the sorted save times, or null to record every step. */
  constructor(
    private readonly dim: number,
    private readonly saveAt: Float64Array | null,
  ) {
    const capacity = saveAt === null ? 64 : saveAt.length;
    this.t = new Float64Array(capacity);
    this.y = new Float64Array(capacity * dim);
    this.scratch = new Float64Array(dim);
  }

  /** Records the initial state (and every save time equal to t0). */
  start(t0: number, y0: Float64Array): void {
    if (this.saveAt === null) {
      this.push(t0, y0);
      return;
    }
    while (this.next < this.saveAt.length && this.saveAt[this.next] <= t0)
      this.push(this.saveAt[this.next++], y0);
  }

  /**
   * Records the step that ended at (t, y): the step end itself, or each save time in (previous end, t],
   * read from `sample` except at t itself, where y is exact.
   */
  afterStep(t: number, y: Float64Array, sample: DenseSampler): void {
    const saveAt = this.saveAt;
    if (saveAt === null) {
      this.push(t, y);
      return;
    }
    while (this.next < saveAt.length && saveAt[this.next] <= t) {
      const s = saveAt[this.next++];
      if (s === t) {
        this.push(s, y);
      } else {
        sample(s, this.scratch);
        this.push(s, this.scratch);
      }
    }
  }

  /** The recorded times and states, trimmed to their length. */
  finish(): { t: Float64Array; y: Float64Array } {
    return { t: this.t.slice(0, this.count), y: this.y.slice(0, this.count * this.dim) };
  }

  private push(t: number, y: Float64Array): void {
    const row = this.reserve();
    this.t[row] = t;
    const offset = row * this.dim;
    for (let i = 0; i < this.dim; i++) this.y[offset + i] = y[i];
  }

  private reserve(): number {
    if (this.count === this.t.length) {
      const t = new Float64Array(2 * this.t.length + 1);
      t.set(this.t);
      const y = new Float64Array(t.length * this.dim);
      y.set(this.y);
      this.t = t;
      this.y = y;
    }
    return this.count++;
  }
}
