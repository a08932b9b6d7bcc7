import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/random/stream.js';
import { StreamTable } from '../../src/random/streamTable.js';
import { xoshiroNext, xoshiroUniform } from '../../src/random/xoshiro.js';
import { zigguratNormal } from '../../src/random/ziggurat.js';

describe('StreamTable', () => {
  it('should give each slot the numbers of its own randomStream, as integers, uniforms or normals', () => {
    const table = new StreamTable(3);
    const keys = [
      [7, 0, 0],
      [7, 12345, 1],
      [9, 2 ** 40, 2],
    ] as const;
    keys.forEach(([seed, path, sub], slot) => {
      table.assign(slot, seed, path, sub);
    });
    const references = keys.map(([seed, path, sub]) => randomStream(seed, path, sub));
    for (let draw = 0; draw < 1000; draw++)
      for (let slot = 0; slot < 3; slot++) {
        // Alternate integers and uniforms: both must advance the slot's state as its stream's do.
        const reference = references[slot];
        const same =
          draw % 2 === 0
            ? xoshiroNext(table.state, 4 * slot) === reference.nextInt32()
            : xoshiroUniform(table.state, 4 * slot) === reference.nextUniform();
        if (!same) expect.fail(`slot ${slot}, draw ${draw} differs`);
      }
    expect(zigguratNormal(table.state, 4)).toBe(references[1].nextNormal());
  });

  it('should restart a slot from its stream’s beginning when assigned again', () => {
    const table = new StreamTable(1);
    table.assign(0, 4, 2);
    const first = xoshiroUniform(table.state, 0);
    xoshiroUniform(table.state, 0);
    table.assign(0, 4, 2);
    expect(xoshiroUniform(table.state, 0)).toBe(first);
  });

  it('should keep its states in the array it is given, which must hold 4 words per slot', () => {
    const state = new Int32Array(8);
    const table = new StreamTable(2, state);
    table.assign(1, 4, 2);
    expect(table.state).toBe(state);
    expect(xoshiroUniform(state, 4)).toBe(randomStream(4, 2).nextUniform());
    expect(() => new StreamTable(2, new Int32Array(7))).toThrow(
      /state holds 7 words; a table of 2 slots needs 4 size = 8/,
    );
  });

  it('should refuse a size below 1 and a slot outside the table with a named error', () => {
    expect(() => new StreamTable(0)).toThrow(/size must be an integer >= 1/);
    expect(() => new StreamTable(2).assign(2, 1, 0)).toThrow(/slot must be an integer from 0 to 1/);
    expect(() => new StreamTable(2).assign(0, -1, 0)).toThrow(/seed must be/);
  });
});
