import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ARENA_BYTES, arenaArray, arenaBytesFree } from '../../src/parallel/threadArena.js';
import { startWorker } from '../../src/parallel/workerScript.js';

describe('thread arena', () => {
  it('should allocate fresh arrays on the main thread, which has no arena', () => {
    const array = arenaArray(Float64Array, 4);
    expect(array.buffer instanceof SharedArrayBuffer).toBe(false);
    expect(array.length).toBe(4);
    expect(arenaBytesFree()).toBe(0);
  });

  it("should carve a worker's arrays from its arena, 64-byte aligned, and fall back when it is full", async () => {
    const worker = startWorker(import.meta.url, 'threadArenaProbe');
    try {
      const [report] = await once(worker, 'message');
      // The ziggurat's tables: 256 and 128 doubles, 2048 + 1024 bytes, each a multiple of 64.
      expect(report.zigguratShared).toBe(true);
      expect(report.freeAfterZiggurat).toBe(ARENA_BYTES - 3072);
      expect(report.aShared).toBe(true);
      expect(report.sameBuffer).toBe(true);
      // Three doubles (24 bytes) round up to one 64-byte line; five bytes to another.
      expect(report.offsets).toEqual([3072, 3136]);
      expect(report.lengths).toEqual([3, 5]);
      expect(report.zeros).toBe(true);
      expect(report.freeAfterAB).toBe(ARENA_BYTES - 3072 - 128);
      // An array as large as the whole arena no longer fits: it gets a buffer of its own and takes nothing.
      expect(report.tooLargeShared).toBe(false);
      expect(report.tooLargeLength).toBe(ARENA_BYTES / 8);
      expect(report.freeAtEnd).toBe(report.freeAfterAB);
    } finally {
      await worker.terminate();
    }
  });
});
