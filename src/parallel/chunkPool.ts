/**
 * Runs the paths of an ensemble on worker threads, in chunks. Each worker of a WorkerCache is sent the run's
 * payload (its plan and shared buffers), builds what it needs and says it is ready; once all are ready, chunks of
 * paths go to whichever worker is free. Every path writes only its own slots of the shared buffers and draws only
 * from its own streams, so the assignment changes nothing in the output. After a clean run the workers go back to
 * the cache; after a failure they are terminated, and the first worker's error rejects the run with its message.
 * The worker side of the protocol is serveChunks (chunkWorker.ts).
 */
import type { Worker } from 'node:worker_threads';
import { SaddlecheckError } from '../errors.js';
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

/** Splits [0, paths) into chunks of `chunkSize` paths (the last may be shorter). */
export function chunkRanges(paths: number, chunkSize: number): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < paths; start += chunkSize)
    chunks.push({ start, end: Math.min(paths, start + chunkSize) });
  return chunks;
}

function failure(index: number, reply: { name: string; message: string; start: number; end: number }): Error {
  const where = reply.start < 0 ? 'while preparing the run' : `on paths ${reply.start}..${reply.end - 1}`;
  return new EnsembleWorkerError(`Worker ${index} failed ${where}: ${reply.name}: ${reply.message}`);
}

/** Hands chunks to the workers once all are ready, one at a time each, and settles when all are done. */
class ChunkScheduler {
  /** When the last worker became ready. */
  readyAt = Number.NaN;
  private next = 0;
  private running = 0;
  private waiting: number;

  constructor(
    private readonly pool: readonly Worker[],
    private readonly chunks: ReadonlyArray<{ start: number; end: number }>,
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
      else {
        this.running--;
        this.onChunk(reply.end - reply.start);
        this.dispatch(this.pool[index]);
      }
    } catch (error) {
      this.reject(error);
    }
  }

  private ready(): void {
    if (--this.waiting > 0) return;
    this.readyAt = performance.now();
    for (const worker of this.pool) this.dispatch(worker);
  }

  private dispatch(worker: Worker): void {
    if (this.next < this.chunks.length) {
      worker.postMessage({ type: 'chunk', ...this.chunks[this.next++] } satisfies ChunkWorkerRequest);
      this.running++;
    } else if (this.running === 0) this.resolve();
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
  const chunks = chunkRanges(paths, chunkSize);
  const started = performance.now();
  const pool = cache.take(Math.min(workers, chunks.length));
  let readyAt = started;
  let doneAt = started;
  const detach: Array<() => void> = [];
  let clean = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const scheduler = new ChunkScheduler(
        pool,
        chunks,
        onChunk,
        () => {
          readyAt = scheduler.readyAt;
          doneAt = performance.now();
          resolve();
        },
        reject,
      );
      for (const [index, worker] of pool.entries()) {
        const onMessage = (reply: WorkerReply) => scheduler.reply(index, reply);
        const onError = (error: Error) =>
          reject(new EnsembleWorkerError(`Worker ${index} failed: ${error.message}`));
        const onExit = (code: number) =>
          reject(new EnsembleWorkerError(`Worker ${index} exited early (code ${code}).`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        worker.postMessage({ type: 'plan', payload } satisfies ChunkWorkerRequest);
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
