/**
 * The chunks of a run in shared memory, claimed by the workers themselves: a worker that finishes a chunk takes
 * the next with one atomic add instead of asking the main thread and waiting for its answer. On a machine whose
 * cores the workers keep busy, that answer waits until the scheduler gives the main thread a core; with the
 * queue no worker ever waits on another thread between chunks.
 *
 * Layout of the Int32Array: [next chunk, stop flag, boundary 0, ..., boundary n], chunk i being paths
 * boundary i .. boundary i+1 - 1.
 */

const NEXT = 0;
const STOP = 1;
const BOUNDS = 2;

/** Splits [0, paths) into chunks of `chunkSize` paths (the last may be shorter). */
export function chunkRanges(paths: number, chunkSize: number): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < paths; start += chunkSize)
    chunks.push({ start, end: Math.min(paths, start + chunkSize) });
  return chunks;
}

/** The chunks of chunkRanges(paths, chunkSize) as a queue in shared memory. */
export function chunkQueue(paths: number, chunkSize: number): Int32Array {
  const chunks = chunkRanges(paths, chunkSize);
  const queue = new Int32Array(new SharedArrayBuffer(4 * (BOUNDS + chunks.length + 1)));
  queue[BOUNDS] = 0;
  for (const [i, chunk] of chunks.entries()) queue[BOUNDS + i + 1] = chunk.end;
  return queue;
}

/** Number of chunks in the queue. */
export function chunkCount(queue: Int32Array): number {
  return queue.length - BOUNDS - 1;
}

/**
 * Claims the next chunk: its [start, end) paths, or undefined when the queue is empty or stopped. Each chunk is
 * claimed by exactly one caller, whichever thread it runs on.
 */
export function claimChunk(queue: Int32Array): { start: number; end: number } | undefined {
  if (Atomics.load(queue, STOP) !== 0) return undefined;
  const index = Atomics.add(queue, NEXT, 1);
  if (index >= chunkCount(queue)) return undefined;
  return { start: queue[BOUNDS + index], end: queue[BOUNDS + index + 1] };
}

/** Stops the queue: no chunk is claimed after this (chunks already claimed run to their end). */
export function stopQueue(queue: Int32Array): void {
  Atomics.store(queue, STOP, 1);
}
