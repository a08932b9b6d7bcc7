/**
 * Finds the first crossing of each event's level. After every accepted step [tPrev, t] it compares the sign
 * of g = fn(t, y) - level with its sign at tPrev; on a crossing in the event's direction it locates the root
 * with Brent's method on the method's dense output. Each event fires once. When several cross within one
 * step they are taken in time order, and nothing after a terminal event's time is recorded.
 */
import { InvalidArgumentError } from '../errors.js';
import { brentRoot } from './brentRoot.js';
import type { OdeEvent, OdeEventRecord } from './types.js';

/** Writes the state (in the problem's coordinates) at time s of the last step into out. */
export type DenseSampler = (s: number, out: Float64Array) => void;

export class EventLocator {
  readonly records: OdeEventRecord[] = [];
  private readonly gPrev: Float64Array;
  private readonly rootTime: Float64Array;
  private readonly fired: Uint8Array;
  private readonly yScratch: Float64Array;

  constructor(
    private readonly events: readonly OdeEvent[],
    dim: number,
  ) {
    this.gPrev = new Float64Array(events.length);
    this.rootTime = new Float64Array(events.length);
    this.fired = new Uint8Array(events.length);
    this.yScratch = new Float64Array(dim);
  }

  /** Records g at the initial state. */
  start(t0: number, y0: Float64Array): void {
    for (let k = 0; k < this.events.length; k++) this.gPrev[k] = this.value(k, t0, y0);
  }

  /**
   * Looks for crossings in the step that ended at (t, y); returns the terminal event that stops the solve,
   * or null. Allocates only when an event fires.
   */
  afterStep(tPrev: number, t: number, y: Float64Array, sample: DenseSampler): OdeEventRecord | null {
    const events = this.events;
    let crossings = 0;
    for (let k = 0; k < events.length; k++) {
      if (this.fired[k]) continue;
      const g = this.value(k, t, y);
      const gOld = this.gPrev[k];
      this.gPrev[k] = g;
      this.rootTime[k] = Number.NaN;
      const direction = events[k].direction ?? 'either';
      const up = gOld < 0 && g >= 0 && direction !== 'down';
      const down = gOld > 0 && g <= 0 && direction !== 'up';
      if (!up && !down) continue;
      this.rootTime[k] = brentRoot((s) => this.valueAt(k, s, sample), tPrev, t, gOld, g);
      crossings++;
    }
    for (; crossings > 0; crossings--) {
      const k = this.earliest();
      const record = this.fire(k, this.rootTime[k], sample);
      if (record.terminal) return record;
    }
    return null;
  }

  private earliest(): number {
    let best = -1;
    for (let k = 0; k < this.events.length; k++) {
      const time = this.rootTime[k];
      if (!Number.isNaN(time) && (best < 0 || time < this.rootTime[best])) best = k;
    }
    return best;
  }

  private fire(k: number, time: number, sample: DenseSampler): OdeEventRecord {
    sample(time, this.yScratch);
    const event = this.events[k];
    const record = { name: event.name, t: time, y: this.yScratch.slice(), terminal: event.terminal ?? false };
    this.records.push(record);
    this.fired[k] = 1;
    this.rootTime[k] = Number.NaN;
    return record;
  }

  private valueAt(k: number, s: number, sample: DenseSampler): number {
    sample(s, this.yScratch);
    return this.value(k, s, this.yScratch);
  }

  private value(k: number, t: number, y: Float64Array): number {
    const event = this.events[k];
    const g = event.fn(t, y) - event.level;
    if (!Number.isFinite(g)) {
      throw new InvalidArgumentError(
        `event "${event.name}" fn`,
        g,
        'a function returning finite numbers for every finite state',
        `It returned this at t = ${t}.`,
      );
    }
    return g;
  }
}
