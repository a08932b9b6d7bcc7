/**
 * Memory for the small typed arrays that a module allocates once and its hot loops then read as constants: the
 * block kernel's working arrays and stream tables, the ziggurat's tables. On x64, V8 writes the address of such an
 * array into the compiled loop as an immediate when the address fits in 32 bits, and keeps it in a register
 * otherwise. A small allocation on the main thread comes from the C heap, low in the address space; in a worker
 * thread it comes from that thread's own malloc arena, above 4 GiB, and the block kernel's Euler–Maruyama loop,
 * short of registers there, took 7.4 instead of 6.8 ns per path-step.
 *
 * So startWorker gives each worker an arena: a SharedArrayBuffer of ARENA_BYTES that the starting thread
 * allocated from its own heap. In that worker, arenaArray carves arrays from it, 64-byte aligned; everywhere else
 * (the main thread, a worker started otherwise, an arena used up) it allocates a fresh array, as `new Type(length)`
 * does. Memory carved from the arena is never given back: it is for arrays that live as long as the thread.
 */
import { workerData } from 'node:worker_threads';

/** Below glibc's 128 KiB threshold, above which malloc maps fresh pages (high addresses) even on the main thread. */
export const ARENA_BYTES = 64 * 1024;
const ALIGNMENT = 64;
const ARENA_KEY = 'saddlecheckThreadArena';

/** The constructor of a typed array: Float64Array, Int32Array, Uint8Array, .... */
export interface TypedArrayType<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): T;
  new (buffer: SharedArrayBuffer, byteOffset: number, length: number): T;
}

/** The `workerData` that gives a new worker its arena, allocated now by this thread. */
export function arenaWorkerData(): Record<string, SharedArrayBuffer> {
  return { [ARENA_KEY]: new SharedArrayBuffer(ARENA_BYTES) };
}

/** The main thread's workerData is null; a worker started otherwise may carry anything. */
const provided: unknown = (workerData as Record<string, unknown> | null)?.[ARENA_KEY];
const arena = provided instanceof SharedArrayBuffer ? provided : undefined;
let used = 0;

/** A zero-filled array of `length` elements that lives as long as this thread, from its arena when it has room. */
export function arenaArray<T>(type: TypedArrayType<T>, length: number): T {
  const bytes = length * type.BYTES_PER_ELEMENT;
  if (arena === undefined || used + bytes > arena.byteLength) return new type(length);
  const array = new type(arena, used, length);
  used += Math.ceil(bytes / ALIGNMENT) * ALIGNMENT;
  return array;
}

/** Bytes of this thread's arena still free: 0 when it has none. */
export function arenaBytesFree(): number {
  return arena === undefined ? 0 : arena.byteLength - used;
}
