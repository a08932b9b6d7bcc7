/**
 * Tables of the 128-layer ziggurat for the standard normal (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000).
 * A 32-bit draw hz picks layer iz = hz & 127; when |hz| < KW[2 iz] (the layer's bound) the point lies inside the
 * layer's rectangle and hz * KW[2 iz + 1] (its width) is returned at once (about 98.8% of draws). The rest go
 * through `zigguratSlowPath`.
 */
import { arenaArray } from '../parallel/threadArena.js';
import { xoshiroNext, xoshiroUniform } from './xoshiro.js';

/** Right edge of the base layer: the tail x > R is sampled exactly by Marsaglia's exponential method. */
export const ZIGGURAT_R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const SCALE = 2147483648;

/**
 * Bound and width of each layer interleaved, layer iz at [2 iz] (the integer bound, held as a double) and
 * [2 iz + 1]: the fast branch reads one array, where two would cost V8 a second set of checks and loads per draw.
 */
export const KW = arenaArray(Float64Array, 256);
/** exp(-x^2 / 2) at each layer's right edge, for the slow path's wedge test. */
const FN = arenaArray(Float64Array, 128);

(function buildTables(): void {
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  KW[0] = Math.trunc((dn / q) * SCALE);
  KW[2] = 0;
  KW[1] = q / SCALE;
  KW[255] = dn / SCALE;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    KW[2 * (i + 1)] = Math.trunc((dn / tn) * SCALE);
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    KW[2 * i + 1] = dn / SCALE;
  }
})();

/** A standard normal from the xoshiro128** state at `state[at .. at + 4)`. */
export function zigguratNormal(state: Int32Array, at: number): number {
  const hz = xoshiroNext(state, at);
  const layer = (hz & 127) << 1;
  if (Math.abs(hz) < KW[layer]) return hz * KW[layer + 1];
  return zigguratSlowPath(state, at, hz);
}

/**
 * Rejection steps for a draw hz that fell outside its layer's rectangle, drawing further numbers from the
 * xoshiro128** state at `state[at .. at + 4)` (the stream that drew hz); exact, so the output is N(0, 1). It takes
 * the state table itself rather than a stream object, so a kernel over a StreamTable calls it with the table and
 * a slot offset and the slow path has no method calls of its own to inline.
 */
export function zigguratSlowPath(state: Int32Array, at: number, hz: number): number {
  let iz = hz & 127;
  for (;;) {
    const x = hz * KW[2 * iz + 1];
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(xoshiroUniform(state, at)) / ZIGGURAT_R;
        y = -Math.log(xoshiroUniform(state, at));
      } while (y + y < tail * tail);
      return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
    }
    if (FN[iz] + xoshiroUniform(state, at) * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = xoshiroNext(state, at);
    iz = hz & 127;
    if (Math.abs(hz) < KW[2 * iz]) return hz * KW[2 * iz + 1];
  }
}
