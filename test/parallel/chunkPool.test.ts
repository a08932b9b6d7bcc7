import { describe, expect, it } from 'vitest';
import { defaultChunkSize } from '../../src/parallel/chunkPool.js';

describe('chunks of paths', () => {
  it('should cut about 32 chunks per worker, in whole blocks once a chunk holds a block', () => {
    // 100 000 paths on 2 workers: 1563 evenly, rounded up to 7 blocks of 256.
    expect(defaultChunkSize(100_000, 2, 256)).toBe(1792);
    expect(defaultChunkSize(100_000, 2)).toBe(1563);
    // Below one block the even split stands; never below one path.
    expect(defaultChunkSize(5000, 2, 256)).toBe(79);
    expect(defaultChunkSize(3, 8, 256)).toBe(1);
  });
});
