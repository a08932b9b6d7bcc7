import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/random/stream.js';
import { StreamTable } from '../../src/random/streamTable.js';
import { xoshiroNext } from '../../src/random/xoshiro.js';

describe('StreamTable', () => {
  it('should give each slot the numbers of its own randomStream, whether drawn in the table or by the stream', () => {
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
        // Alternate the two ways of drawing: both must advance the one shared state.
        const value = draw % 2 === 0 ? xoshiroNext(table.state, 4 * slot) : table.streams[slot].nextInt32();
        if (value !== references[slot].nextInt32()) expect.fail(`slot ${slot}, draw ${draw} differs`);
      }
    expect(table.streams[1].nextNormal()).toBe(references[1].nextNormal());
  });

  it('should restart a slot from its stream’s beginning when assigned again', () => {
    const table = new StreamTable(1);
    table.assign(0, 4, 2);
    const first = table.streams[0].nextUniform();
    table.streams[0].nextUniform();
    table.assign(0, 4, 2);
    expect(table.streams[0].nextUniform()).toBe(first);
  });

  it('should refuse a size below 1 and a slot outside the table with a named error', () => {
    expect(() => new StreamTable(0)).toThrow(/size must be an integer >= 1/);
    expect(() => new StreamTable(2).assign(2, 1, 0)).toThrow(/slot must be an integer from 0 to 1/);
    expect(() => new StreamTable(2).assign(0, -1, 0)).toThrow(/seed must be/);
  });
});
