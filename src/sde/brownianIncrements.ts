/**
 * Where the Brownian increments of a path come from. For path p of seed s, dW is drawn from
 * randomStream(s, p, W_SUBSTREAM) and the second normal of dZ from randomStream(s, p, Z_SUBSTREAM), so the
 * W path is the same whether or not a method also needs Z. Over a step of length h, (dW, dZ) with
 * dZ = int_t^{t+h} (W_s - W_t) ds is Gaussian with Var dW = h, Var dZ = h^3/3, Cov = h^2/2; it is drawn as
 *
 *   dW = sqrt(h) xi_1,   dZ = (h/2) (dW + sqrt(h/3) xi_2)        (Kloeden & Platen 1992, §10.4)
 *
 * with xi_1, xi_2 independent standard normals. Step k takes the m normals k*m .. k*m + m - 1 of each stream.
 */
import { type RandomStream, randomStream } from '../random/stream.js';

/** Substream of the dW normals. */
export const W_SUBSTREAM = 0;
/** Substream of the second normal of dZ (substream 1 is left to other uses inside a path). */
export const Z_SUBSTREAM = 2;
/** Brownian-bridge refinement to level l draws from substream BRIDGE_SUBSTREAM_BASE + l. */
export const BRIDGE_SUBSTREAM_BASE = 256;

const INV_SQRT3 = 1 / Math.sqrt(3);

/** Writes the increments of the next step; `dZ` is filled only when given. */
export interface BrownianSource {
  next(dt: number, dW: Float64Array, dZ: Float64Array | undefined): void;
}

/** Increments drawn step by step from the streams of one path: the form an ensemble's hot loop uses. */
export class StreamIncrements implements BrownianSource {
  private w: RandomStream;
  private z: RandomStream;
  private dt = Number.NaN;
  private sqrtDt = Number.NaN;

  constructor(
    readonly m: number,
    seed: number,
    path: number,
  ) {
    this.w = randomStream(seed, path, W_SUBSTREAM);
    this.z = randomStream(seed, path, Z_SUBSTREAM);
  }

  /** Restarts at the beginning of path `path` (allocates the two streams; nothing else). */
  reset(seed: number, path: number): void {
    this.w = randomStream(seed, path, W_SUBSTREAM);
    this.z = randomStream(seed, path, Z_SUBSTREAM);
  }

  next(dt: number, dW: Float64Array, dZ: Float64Array | undefined): void {
    if (dt !== this.dt) {
      this.dt = dt;
      this.sqrtDt = Math.sqrt(dt);
    }
    const { m, sqrtDt, w } = this;
    for (let j = 0; j < m; j++) dW[j] = sqrtDt * w.nextNormal();
    if (dZ === undefined) return;
    const scale = sqrtDt * INV_SQRT3;
    for (let j = 0; j < m; j++) dZ[j] = 0.5 * dt * (dW[j] + scale * this.z.nextNormal());
  }
}

/** Increments read in order from stored arrays (step k at k*m .. k*m + m - 1), e.g. one level of a path. */
export class GridIncrements implements BrownianSource {
  private k = 0;
  constructor(
    readonly m: number,
    private readonly dWs: Float64Array,
    private readonly dZs: Float64Array | undefined,
  ) {}

  next(_dt: number, dW: Float64Array, dZ: Float64Array | undefined): void {
    const { m } = this;
    const offset = this.k * m;
    for (let j = 0; j < m; j++) dW[j] = this.dWs[offset + j];
    if (dZ !== undefined) {
      const dZs = this.dZs as Float64Array;
      for (let j = 0; j < m; j++) dZ[j] = dZs[offset + j];
    }
    this.k++;
  }
}
