/**
 * The states of many random streams side by side in one Int32Array, four words per slot. A loop over slots that
 * draws one number from each stream in turn then touches one typed array instead of an object per draw, and the
 * draws of different slots are independent, so the processor overlaps them (a single stream's draws form one
 * dependency chain). Slot i is drawn from as (state, 4 i) by xoshiroNext, xoshiroUniform, zigguratNormal and
 * zigguratSlowPath: the same numbers, in order, as the slot's randomStream.
 */
import { integerInRange } from '../validate.js';
import { seedStreamState } from './stream.js';

export class StreamTable {
  /** Slot i's xoshiro128** state at [4 i, 4 i + 4). */
  readonly state: Int32Array;

  constructor(readonly size: number) {
    integerInRange('size', size, 1);
    this.state = new Int32Array(4 * size);
  }

  /** Points slot i at the stream (seed, path, substream), from its beginning. */
  assign(slot: number, seed: number, path: number, substream = 0): void {
    integerInRange('slot', slot, 0, this.size - 1);
    seedStreamState(this.state, 4 * slot, seed, path, substream);
  }
}
