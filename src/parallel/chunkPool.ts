/**
 * Runs the paths of an ensemble on worker threads, in chunks. Each worker of a WorkerCache is sent the run's
 * payload (its plan and shared buffers) with a shared queue of chunks (chunkQueue.ts), builds what it needs and
 * says it is ready; once all are ready, each claims chunks from the queue until it is empty. Every path writes
 * only its own slots of the shared buffers and draws only from its own streams, so which worker runs which chunk
 * changes nothing in the output. After a clean run the workers go back to the cache; after a failure the queue is
 * stopped, the workers are terminated, and the first worker's error rejects the run with its message.
 * The worker side of the protocol is serveChunks (chunkWorker.ts).
 */
import type { Worker } from 'node:worker_threads';
import { SaddlecheckError } from '../errors.js';
import { chunkCount, chunkQueue, stopQueue } from './chunkQueue.js';
import type { ChunkWorkerRequest } from './chunkWorker.js';
import type { WorkerCache } from './workerCache.js';

/** A worker thread failed while simulating; the message carries the worker's own error. */
export class EnsembleWorkerError extends SaddlecheckError {
  override readonly name: string = 'EnsembleWorkerError';
}

/** Wall-clock milliseconds spent starting the workers and simulating once all were ready. */
export interface PoolTiming {
  readonly startupMs: number;
  readonly simulationMs: number;
}

type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; start: number; end: number }
  | { type: 'drained' }
  | { type: 'error'; name: string; message: string; start: number; end: number };

/**
 * About 32 chunks per worker, whole multiples of `block` paths when a chunk holds one or more (the block kernel
 * pads a partial block and wastes its drift work). A worker that runs out of chunks waits for the others' last
 * one: on two workers and 10^8 path-steps that wait averaged 5.6% of the run with 8 chunks per worker and 1.6%
 * with 32.
 */
export function defaultChunkSize(paths: number, workers: number, block = 1): number {
  const even = Math.max(1, Math.ceil(paths / (32 * workers)));
  return even < block ? even : Math.ceil(even / block) * block;
}

function failure(index: number, reply: { name: string; message: string; start: number; end: number }): Error {
  const where = reply.start < 0 ? 'while preparing the run' : `on paths ${reply.start}..${reply.end - 1}`;
  return new EnsembleWorkerError(`Worker ${index} failed ${where}: ${reply.name}: ${reply.message}`);
}

/** Starts the workers once all are ready and settles when all have drained the queue. */
class ChunkScheduler {
  /** When the last worker became ready. */
  readyAt = Number.NaN;
  private waiting: number;
  private working = 0;

  constructor(
    private readonly pool: readonly Worker[],
    private readonly onChunk: (count: number) => void,
    private readonly resolve: () => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.waiting = pool.length;
  }

  /** Handles a worker's message; an exception (from onChunk) rejects the run. */
  reply(index: number, reply: WorkerReply): void {
    try {
      if (reply.type === 'error') this.reject(failure(index, reply));
      else if (reply.type === 'ready') this.ready();
      else if (reply.type === 'done') this.onChunk(reply.end - reply.start);
      else if (--this.working === 0) this.resolve();
    } catch (error) {
      this.reject(error);
    }
  }

  private ready(): void {
    if (--this.waiting > 0) return;
    this.readyAt = performance.now();
    this.working = this.pool.length;
    for (const worker of this.pool) worker.postMessage({ type: 'go' } satisfies ChunkWorkerRequest);
  }
}

/**
 * Simulates paths [0, paths) in chunks of `chunkSize` on `workers` threads from `cache`, each sent `payload`
 * first; calls `onChunk(count)` on the main thread after each finished chunk. Resolves with the timing when all
 * chunks are done; rejects on the first worker failure.
 */
export async function runChunks(
  cache: WorkerCache,
  payload: unknown,
  paths: number,
  workers: number,
  chunkSize: number,
  onChunk: (count: number) => void,
): Promise<PoolTiming> {
  const queue = chunkQueue(paths, chunkSize);
  const started = performance.now();
  const pool = cache.take(Math.min(workers, chunkCount(queue)));
  let readyAt = started;
  let doneAt = started;
  const detach: Array<() => void> = [];
  let clean = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        stopQueue(queue);
        reject(error);
      };
      const scheduler = new ChunkScheduler(
        pool,
        onChunk,
        () => {
          readyAt = scheduler.readyAt;
          doneAt = performance.now();
          resolve();
        },
        fail,
      );
      for (const [index, worker] of pool.entries()) {
        const onMessage = (reply: WorkerReply) => scheduler.reply(index, reply);
        const onError = (error: Error) =>
          fail(new EnsembleWorkerError(`Worker ${index} failed: ${error.message}`));
        const onExit = (code: number) =>
          fail(new EnsembleWorkerError(`Worker ${index} exited early (code ${code}).`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        worker.postMessage({ type: 'plan', payload, queue } satisfies ChunkWorkerRequest);
      }
    });
    clean = true;
  } finally {
    for (const off of detach) off();
    for (const worker of pool) {
      if (clean) {
        worker.postMessage({ type: 'idle' } satisfies ChunkWorkerRequest);
        cache.give(worker);
      } else void worker.terminate();
    }
  }
  return { startupMs: readyAt - started, simulationMs: doneAt - readyAt };
}
