/**
 * The worker side of runChunks (chunkPool.ts), for worker threads reused from run to run. A run sends
 * { type: 'plan', payload }: the worker prepares a chunk simulator from it and answers { type: 'ready' } (or an
 * error). Then each { type: 'chunk', start, end } is simulated and answered with { type: 'done', start, end } or
 * { type: 'error', name, message, start, end }. { type: 'idle' } ends the run: the worker drops the simulator and
 * with it every reference to the run's buffers.
 */
import { parentPort } from 'node:worker_threads';

export type ChunkWorkerRequest =
  | { readonly type: 'plan'; readonly payload: unknown }
  | { readonly type: 'chunk'; readonly start: number; readonly end: number }
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
  let simulate: ChunkSimulator | undefined;
  const plan = async (payload: unknown) => {
    try {
      simulate = await prepare(payload);
      port.postMessage({ type: 'ready' });
    } catch (error) {
      reportError(error, -1, -1);
    }
  };
  const chunk = (start: number, end: number) => {
    try {
      if (simulate === undefined) throw new Error('the run was not prepared');
      simulate(start, end);
      port.postMessage({ type: 'done', start, end });
    } catch (error) {
      reportError(error, start, end);
    }
  };
  port.on('message', (request: ChunkWorkerRequest) => {
    if (request.type === 'plan') void plan(request.payload);
    else if (request.type === 'chunk') chunk(request.start, request.end);
    else simulate = undefined;
  });
}
