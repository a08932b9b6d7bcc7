/**
 * Tables of the 128-layer ziggurat for the standard normal (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000).
 * A 32-bit draw hz picks layer iz = hz & 127; when |hz| < KN[iz] the point lies inside the layer's rectangle
 * and hz * WN[iz] is returned at once (about 98.8% of draws). The rest go through `zigguratSlowPath`.
 */

/** Right edge of the base layer: the tail x > R is sampled exactly by Marsaglia's exponential method. */
export const ZIGGURAT_R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const SCALE = 2147483648;

export const KN = new Int32Array(128);
export const WN = new Float64Array(128);
export const FN = new Float64Array(128);
/**
 * KN and WN interleaved, layer iz at [2 iz] (the bound, as a double) and [2 iz + 1] (the width): the fast branch
 * reads one array, where two cost V8 a second set of checks and loads per draw.
 */
export const KW = new Float64Array(256);

(function buildTables(): void {
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  KN[0] = Math.trunc((dn / q) * SCALE);
  KN[1] = 0;
  WN[0] = q / SCALE;
  WN[127] = dn / SCALE;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = Math.trunc((dn / tn) * SCALE);
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / SCALE;
  }
  for (let i = 0; i < 128; i++) {
    KW[2 * i] = KN[i];
    KW[2 * i + 1] = WN[i];
  }
})();

/** Source of 32-bit signed integers and uniforms on (0, 1) used by the slow path. */
export interface BitSource {
  nextInt32(): number;
  nextUniform(): number;
}

/** Rejection steps for a draw that fell outside its layer's rectangle; exact, so the output is N(0, 1). */
export function zigguratSlowPath(source: BitSource, hz: number, iz: number): number {
  for (;;) {
    const x = hz * WN[iz];
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(source.nextUniform()) / ZIGGURAT_R;
        y = -Math.log(source.nextUniform());
      } while (y + y < tail * tail);
      return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
    }
    if (FN[iz] + source.nextUniform() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = source.nextInt32();
    iz = hz & 127;
    if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
  }
}
