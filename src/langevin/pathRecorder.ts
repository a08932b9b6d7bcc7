/**
 * The fixed-step time grid of a Langevin run and the buffer that keeps the saved states. Both are sized once,
 * before the loop, so the loop itself never allocates.
 */
import { InvalidArgumentError } from '../errors.js';

/** At most this many saved numbers (1 GiB of doubles): beyond it the caller must save less often. */
const MAX_SAVED_VALUES = 2 ** 27;

export interface StepGrid {
  readonly t0: number;
  readonly t1: number;
  readonly dt: number;
  /** Number of steps: all of length dt except the last, which ends exactly at t1. */
  readonly steps: number;
}

/** Steps of length dt from t0 to t1; a last step shorter than dt by less than 1e-9 dt is not split off. */
export function stepGrid(t0: number, t1: number, dt: number): StepGrid {
  const ratio = (t1 - t0) / dt;
  const steps = Math.max(1, Math.ceil(ratio - 1e-9 * Math.max(1, ratio)));
  if (!Number.isSafeInteger(steps)) {
    throw new InvalidArgumentError(
      'dt',
      dt,
      `a step giving a safe integer number of steps over [${t0}, ${t1}]`,
    );
  }
  return { t0, t1, dt, steps };
}

/** Time after k steps: t0 + k dt, and exactly t1 after the last step. */
export function gridTime(grid: StepGrid, k: number): number {
  return k >= grid.steps ? grid.t1 : grid.t0 + k * grid.dt;
}

/** Length of step k (from step k to k + 1). */
export function gridStep(grid: StepGrid, k: number): number {
  return gridTime(grid, k + 1) - gridTime(grid, k);
}

/** Saves the state at steps k = multiple of saveEvery with time >= saveFrom. */
export class PathRecorder {
  readonly times: Float64Array;
  readonly states: Float64Array;
  private count = 0;

  constructor(
    private readonly grid: StepGrid,
    private readonly dimension: number,
    private readonly saveEvery: number,
    private readonly saveFrom: number,
  ) {
    const first = this.firstSavedStep();
    const saves = first > grid.steps ? 0 : Math.floor((grid.steps - first) / saveEvery) + 1;
    if (saves * dimension > MAX_SAVED_VALUES) {
      throw new InvalidArgumentError(
        'saveEvery',
        saveEvery,
        `large enough to keep at most ${MAX_SAVED_VALUES} saved numbers (this run would save ${saves} states of dimension ${dimension})`,
        'Increase saveEvery, raise saveFrom, or shorten [t0, t1].',
      );
    }
    this.times = new Float64Array(saves);
    this.states = new Float64Array(saves * dimension);
  }

  /** The first step index that is saved (may exceed grid.steps when nothing is). */
  private firstSavedStep(): number {
    const { grid, saveEvery, saveFrom } = this;
    if (saveFrom <= grid.t0) return 0;
    let k = Math.ceil((saveFrom - grid.t0) / grid.dt / saveEvery) * saveEvery;
    // Correct the rounding of the division: step to the first multiple whose time really is >= saveFrom.
    while (k >= saveEvery && gridTime(grid, k - saveEvery) >= saveFrom) k -= saveEvery;
    while (k <= grid.steps && gridTime(grid, k) < saveFrom) k += saveEvery;
    return k;
  }

  /** Called after step k (k = 0 for the initial state) with the state at that step. */
  record(k: number, x: Float64Array): void {
    if (k % this.saveEvery !== 0 || this.count >= this.times.length) return;
    const t = gridTime(this.grid, k);
    if (t < this.saveFrom) return;
    const d = this.dimension;
    this.times[this.count] = t;
    const offset = this.count * d;
    for (let i = 0; i < d; i++) this.states[offset + i] = x[i];
    this.count++;
  }

  /** The saved times and states so far (views, trimmed when the run stopped early). */
  saved(): { times: Float64Array; states: Float64Array } {
    return {
      times: this.times.subarray(0, this.count),
      states: this.states.subarray(0, this.count * this.dimension),
    };
  }
}
