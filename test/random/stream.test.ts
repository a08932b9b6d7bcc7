import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { RandomStream, randomStream } from '../../src/random/stream.js';
import { xoshiroNext } from '../../src/random/xoshiro.js';
import xoshiroReference from '../fixtures/xoshiro128.json' with { type: 'json' };

describe('randomStream', () => {
  it('should fill in bulk exactly the numbers that single draws give, slow-path draws included', () => {
    const bulk = new Float64Array(200_000);
    randomStream(3, 17).fillNormal(bulk, 2.5);
    const single = randomStream(3, 17);
    // 200 000 draws include about 2 400 slow-path ones (1.2%), so both branches are exercised.
    for (let i = 0; i < bulk.length; i++)
      if (bulk[i] !== 2.5 * single.nextNormal()) expect.fail(`draw ${i} differs`);
    expect(single.nextNormal()).toBe(
      (() => {
        const s = randomStream(3, 17);
        s.fillNormal(new Float64Array(200_000));
        return s.nextNormal();
      })(),
    );
  });

  it('should fill only the requested slice', () => {
    const out = new Float64Array(10);
    randomStream(1, 0).fillNormal(out, 1, 3, 4);
    expect([...out.slice(0, 3), ...out.slice(7)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(out.slice(3, 7).every((v) => v !== 0)).toBe(true);
  });

  it('should refuse a negative or fractional path and an out-of-range seed with a named error', () => {
    expect(() => randomStream(1, -1)).toThrow(/path must be an integer >= 0/);
    expect(() => randomStream(1, 0.5)).toThrow(/path must be/);
    expect(() => randomStream(-3, 0)).toThrow(/seed must be an integer from 0 to 4294967295/);
  });

  it('should refuse a state that is not four Int32 words with a named error', () => {
    for (const state of [new Int32Array(3), new Int32Array(5), Float64Array.of(1, 2, 3, 4), [1, 2, 3, 4]])
      expect(() => new RandomStream(state as Int32Array), String(state)).toThrow(InvalidArgumentError);
    expect(() => new RandomStream(new Int32Array(3))).toThrow(/state must be an Int32Array of 4 words/);
    // xoshiro128**'s first output is rotl(s1 * 5, 7) * 9: from s1 = 2, rotl(10, 7) * 9 = 1280 * 9.
    expect(new RandomStream(Int32Array.of(1, 2, 3, 4)).nextInt32()).toBe(11520);
  });

  it('should follow the published xoshiro128** for twelve steps, outputs and state (xoshiro128.py)', () => {
    const state = Int32Array.from(xoshiroReference.state);
    const outputs = xoshiroReference.outputs.map(() => xoshiroNext(state, 0));
    expect(outputs).toEqual(xoshiroReference.outputs);
    expect([...state]).toEqual(xoshiroReference.finalState);
    const stream = new RandomStream(Int32Array.from(xoshiroReference.state));
    expect(xoshiroReference.outputs.map(() => stream.nextInt32())).toEqual(xoshiroReference.outputs);
  });
});
