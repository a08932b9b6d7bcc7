import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkCount, chunkQueue, chunkRanges, claimChunk, stopQueue } from '../../src/parallel/chunkQueue.js';

function drain(queue: Int32Array): Array<{ start: number; end: number }> {
  const claimed = [];
  for (let chunk = claimChunk(queue); chunk !== undefined; chunk = claimChunk(queue)) claimed.push(chunk);
  return claimed;
}

describe('shared chunk queue', () => {
  it('should live in shared memory, so that every worker claims from the same counter', () => {
    expect(chunkQueue(10, 3).buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('should hand out [0, paths) exactly once, in order, the last chunk shorter, then nothing', () => {
    const queue = chunkQueue(1000, 300);
    expect(chunkCount(queue)).toBe(4);
    expect(drain(queue)).toEqual([
      { start: 0, end: 300 },
      { start: 300, end: 600 },
      { start: 600, end: 900 },
      { start: 900, end: 1000 },
    ]);
    expect(claimChunk(queue)).toBeUndefined();
  });

  it('should tile any number of paths with ceil(paths / chunkSize) chunks, claimed as chunkRanges lists them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 700 }), (paths, size) => {
        const chunks = drain(chunkQueue(paths, size));
        expect(chunkRanges(paths, size)).toEqual(chunks);
        expect(chunks.length).toBe(Math.ceil(paths / size));
        expect(chunks[0].start).toBe(0);
        expect(chunks.at(-1)?.end).toBe(paths);
        for (const [i, chunk] of chunks.entries()) {
          expect(chunk.end - chunk.start).toBe(i < chunks.length - 1 ? size : paths - i * size);
          if (i > 0) expect(chunk.start).toBe(chunks[i - 1].end);
        }
      }),
      { seed: 10 },
    );
  });

  it('should hand out nothing once stopped, though chunks remain', () => {
    const queue = chunkQueue(100, 10);
    expect(claimChunk(queue)).toEqual({ start: 0, end: 10 });
    stopQueue(queue);
    expect(claimChunk(queue)).toBeUndefined();
  });
});
