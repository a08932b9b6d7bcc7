/**
 * The states of many random streams side by side in one Int32Array, four words per slot. A loop over slots that
 * draws one number from each stream in turn then touches one typed array instead of an object per draw, and the
 * draws of different slots are independent, so the processor overlaps them (a single stream's draws form one
 * dependency chain). Slot i is drawn from as (state, 4 i) by xoshiroNext, xoshiroUniform, zigguratNormal and
 * zigguratSlowPath: the same numbers, in order, as the slot's randomStream.
 */
import { DimensionMismatchError } from '../errors.js';
import { integerInRange } from '../validate.js';
import { seedStreamState } from './stream.js';

export class StreamTable {
  /** Slot i's xoshiro128** state at [4 i, 4 i + 4). */
  readonly state: Int32Array;

  /** `state`, when given, is the table's memory: 4 size words, which the table overwrites slot by slot. */
  constructor(
    readonly size: number,
    state?: Int32Array,
  ) {
    integerInRange('size', size, 1);
    if (state !== undefined && state.length !== 4 * size)
      throw new DimensionMismatchError(
        `state holds ${state.length} words; a table of ${size} slots needs 4 size = ${4 * size}. ` +
          'Fix: pass an Int32Array of 4 size words, or none to have the table allocate its own.',
      );
    this.state = state ?? new Int32Array(4 * size);
  }

  /** Points slot i at the stream (seed, path, substream), from its beginning. */
  assign(slot: number, seed: number, path: number, substream = 0): void {
    integerInRange('slot', slot, 0, this.size - 1);
    seedStreamState(this.state, 4 * slot, seed, path, substream);
  }
}
