/**
 * The states of many random streams side by side in one Int32Array, four words per slot. A loop over slots that
 * draws one number from each stream in turn then touches one typed array instead of an object per draw, and the
 * draws of different slots are independent, so the processor overlaps them (a single stream's draws form one
 * dependency chain). Slot i also has a RandomStream over its four words, for uses of the full interface; both
 * advance the same state. Table kernels call zigguratSlowPath with the table and the slot's offset instead.
 */
import { integerInRange } from '../validate.js';
import { RandomStream, seedStreamState } from './stream.js';

export class StreamTable {
  /** Slot i's xoshiro128** state at [4 i, 4 i + 4). */
  readonly state: Int32Array;
  /** Slot i's stream, a view of the same four words. */
  readonly streams: readonly RandomStream[];

  constructor(readonly size: number) {
    integerInRange('size', size, 1);
    this.state = new Int32Array(4 * size);
    this.streams = Array.from(
      { length: size },
      (_, i) => new RandomStream(this.state.subarray(4 * i, 4 * i + 4)),
    );
  }

  /** Points slot i at the stream (seed, path, substream), from its beginning. */
  assign(slot: number, seed: number, path: number, substream = 0): void {
    integerInRange('slot', slot, 0, this.size - 1);
    seedStreamState(this.state, 4 * slot, seed, path, substream);
  }
}
