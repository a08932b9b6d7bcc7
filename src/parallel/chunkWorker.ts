/**
 * The worker side of runChunks (chunkPool.ts), for worker threads reused from run to run. A run sends
 * { type: 'plan', payload, queue }: the worker prepares a chunk simulator from the payload and answers
 * { type: 'ready' } (or an error). On { type: 'go' } it claims chunks from the shared queue (chunkQueue.ts) until
 * it is empty, answering { type: 'done', start, end } after each, then { type: 'drained' }; a failure is
 * answered with { type: 'error', name, message, start, end } and ends the worker's part of the run.
 * { type: 'idle' } ends the run: the worker drops the simulator and with it every reference to the run's buffers.
 */
import { parentPort } from 'node:worker_threads';
import { claimChunk } from './chunkQueue.js';

export type ChunkWorkerRequest =
  | { readonly type: 'plan'; readonly payload: unknown; readonly queue: Int32Array }
  | { readonly type: 'go' }
  | { readonly type: 'idle' };

/** Simulates paths start, ..., end - 1 into the run's shared buffers. */
export type ChunkSimulator = (start: number, end: number) => void;

/** Serves runChunks from this worker thread, preparing each run's simulator with `prepare`. */
export function serveChunks(prepare: (payload: unknown) => ChunkSimulator | Promise<ChunkSimulator>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveChunks must run in a worker thread.');
  const reportError = (error: unknown, start: number, end: number) => {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'error', name, message, start, end });
  };
  let run: { simulate: ChunkSimulator; queue: Int32Array } | undefined;
  const plan = async (payload: unknown, queue: Int32Array) => {
    try {
      run = { simulate: await prepare(payload), queue };
      port.postMessage({ type: 'ready' });
    } catch (error) {
      reportError(error, -1, -1);
    }
  };
  const drain = () => {
    if (run === undefined) return reportError(new Error('the run was not prepared'), -1, -1);
    const { simulate, queue } = run;
    for (let chunk = claimChunk(queue); chunk !== undefined; chunk = claimChunk(queue)) {
      try {
        simulate(chunk.start, chunk.end);
      } catch (error) {
        return reportError(error, chunk.start, chunk.end);
      }
      port.postMessage({ type: 'done', start: chunk.start, end: chunk.end });
    }
    port.postMessage({ type: 'drained' });
  };
  port.on('message', (request: ChunkWorkerRequest) => {
    if (request.type === 'plan') void plan(request.payload, request.queue);
    else if (request.type === 'go') drain();
    else run = undefined;
  });
}
