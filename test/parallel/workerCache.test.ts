import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WorkerCache } from '../../src/parallel/workerCache.js';

/** A worker that stays alive until terminated and answers each message with its thread id. */
const start = () =>
  new Worker(
    `const { parentPort, threadId } = require('node:worker_threads');
     parentPort.on('message', () => parentPort.postMessage(threadId));`,
    { eval: true },
  );

async function threadIdOf(worker: Worker): Promise<number> {
  worker.postMessage('id?');
  const [id] = await once(worker, 'message');
  return id as number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WorkerCache', () => {
  it('should hand back the same threads after they were given back', async () => {
    const cache = new WorkerCache(start, 4, 60_000);
    const first = cache.take(2);
    const ids = await Promise.all(first.map(threadIdOf));
    for (const worker of first) cache.give(worker);
    expect(cache.size).toBe(2);
    const again = cache.take(3);
    expect(cache.size).toBe(0);
    const againIds = await Promise.all(again.map(threadIdOf));
    expect(againIds.slice(0, 2).sort()).toEqual([...ids].sort());
    expect(ids).not.toContain(againIds[2]);
    await Promise.all(again.map((worker) => worker.terminate()));
  });

  it('should terminate a worker given back to a full cache', async () => {
    const cache = new WorkerCache(start, 1, 60_000);
    const [a, b] = cache.take(2);
    cache.give(a);
    const exited = once(b, 'exit');
    cache.give(b);
    await exited;
    expect(cache.size).toBe(1);
    cache.clear();
    await once(a, 'exit');
    expect(cache.size).toBe(0);
  });

  it('should retire a worker that stayed idle longer than idleMs, and drop one that exits while idle', async () => {
    const cache = new WorkerCache(start, 4, 50);
    const [a] = cache.take(1);
    const exited = once(a, 'exit');
    cache.give(a);
    await exited;
    expect(cache.size).toBe(0);
    const slow = new WorkerCache(start, 4, 60_000);
    const [b] = slow.take(1);
    slow.give(b);
    await b.terminate();
    await sleep(10);
    expect(slow.size).toBe(0);
  });
});
