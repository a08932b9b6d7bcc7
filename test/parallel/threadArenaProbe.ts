/**
 * Worker entry of threadArena.test.ts: started by startWorker, it reports how its arena served the ziggurat's
 * tables (allocated when this module imports them) and three arrays of its own, the last larger than the arena.
 */
import { parentPort } from 'node:worker_threads';
import { ARENA_BYTES, arenaArray, arenaBytesFree } from '../../src/parallel/threadArena.js';
import { KW } from '../../src/random/ziggurat.js';

const freeAfterZiggurat = arenaBytesFree();
const a = arenaArray(Float64Array, 3);
const b = arenaArray(Uint8Array, 5);
const freeAfterAB = arenaBytesFree();
const tooLarge = arenaArray(Float64Array, ARENA_BYTES / 8);
const shared = (array: ArrayBufferView) => array.buffer instanceof SharedArrayBuffer;

parentPort?.postMessage({
  zigguratShared: shared(KW),
  freeAfterZiggurat,
  aShared: shared(a),
  sameBuffer: a.buffer === b.buffer,
  offsets: [a.byteOffset, b.byteOffset],
  lengths: [a.length, b.length],
  zeros: [...a, ...b].every((value) => value === 0),
  freeAfterAB,
  tooLargeShared: shared(tooLarge),
  tooLargeLength: tooLarge.length,
  freeAtEnd: arenaBytesFree(),
});
