/**
 * One Brownian path of m motions on nested uniform grids over [t0, t1]. Level l has 2^l steps of
 * dt = (t1 - t0) / 2^l. `sample(seed, path)` draws the finest level from the path's streams, exactly as
 * solveSde draws it with 2^l steps, and builds every coarser level as an exact composition of pairs of steps:
 *
 *   dW = dW_1 + dW_2,   dZ = dZ_1 + dZ_2 + h dW_1        (h the fine step),
 *
 * since int_t^{t+2h} (W_s - W_t) ds = dZ_1 + int_{t+h}^{t+2h} (W_s - W_{t+h} + dW_1) ds. So a solve at every
 * level sees the same path, which is what a strong-convergence sweep needs. `refine()` adds a finer level by
 * the Brownian bridge (brownianBridge.ts). Level 0 holds W(t1) - W(t0) and int_{t0}^{t1} (W_s - W_{t0}) ds.
 */
import { InvalidArgumentError } from '../errors.js';
import { randomStream } from '../random/stream.js';
import { finiteNumber, integerInRange, intervalEnd, seedValue } from '../validate.js';
import { bridgeMidpoints } from './brownianBridge.js';
import { BRIDGE_SUBSTREAM_BASE, GridIncrements, StreamIncrements } from './brownianIncrements.js';

/** The increments of one level: step k of motion j at index k * m + j. */
interface LevelArrays {
  readonly level: number;
  readonly steps: number;
  readonly m: number;
  readonly t0: number;
  readonly t1: number;
  readonly dt: number;
  readonly dW: Float64Array;
  /** The time integrals, when the path was built with `timeIntegral: true`. */
  readonly dZ: Float64Array | undefined;
}

/** One level of a sampled path; its arrays are the path's own, so the next `sample` overwrites them. */
export interface BrownianLevel extends LevelArrays {
  readonly seed: number;
  readonly path: number;
}

export interface BrownianPathOptions {
  /** Number m of Brownian motions. */
  readonly brownianDim: number;
  /** The finest level l (2^l steps), 0 to 24. */
  readonly finestLevel: number;
  /** Defaults 0 and 1. */
  readonly t0?: number;
  readonly t1?: number;
  /** Whether to keep dZ = int (W_s - W_t) ds on every level (needed by sra1); default false. */
  readonly timeIntegral?: boolean;
}

/** Finer than 2^24 steps the arrays of one path alone pass a hundred megabytes per motion. */
const MAX_LEVEL = 24;

export class BrownianPath {
  readonly m: number;
  readonly t0: number;
  readonly t1: number;
  readonly timeIntegral: boolean;
  private readonly sampledLevel: number;
  private levels: LevelArrays[] = [];
  private seed = -1;
  private path = -1;

  constructor(options: BrownianPathOptions) {
    this.m = integerInRange('brownianDim', options.brownianDim, 1);
    this.sampledLevel = integerInRange('finestLevel', options.finestLevel, 0, MAX_LEVEL);
    this.t0 = finiteNumber('t0', options.t0 ?? 0);
    this.t1 = intervalEnd('t1', options.t1 ?? 1, this.t0);
    this.timeIntegral = options.timeIntegral ?? false;
    for (let l = 0; l <= this.sampledLevel; l++) this.levels.push(this.emptyLevel(l));
  }

  get finestLevel(): number {
    return this.levels.length - 1;
  }

  /** Draws path `path` of `seed` on the finest sampled level and composes every coarser level from it. */
  sample(seed: number, path: number): this {
    this.seed = seedValue('seed', seed);
    this.path = integerInRange('path', path, 0);
    this.levels.length = this.sampledLevel + 1;
    const finest = this.levels[this.sampledLevel];
    const source = new StreamIncrements(this.m, seed, path);
    const dW = new Float64Array(this.m);
    const dZ = this.timeIntegral ? new Float64Array(this.m) : undefined;
    for (let k = 0; k < finest.steps; k++) {
      source.next(finest.dt, dW, dZ);
      finest.dW.set(dW, k * this.m);
      if (dZ !== undefined) (finest.dZ as Float64Array).set(dZ, k * this.m);
    }
    for (let l = this.sampledLevel - 1; l >= 0; l--) this.coarsen(this.levels[l + 1], this.levels[l]);
    return this;
  }

  /** Adds the level below the finest by the Brownian bridge, drawing from the path's bridge substream. */
  refine(): this {
    if (this.seed < 0)
      throw new InvalidArgumentError('BrownianPath', 'not sampled', 'sampled', 'Call sample first.');
    integerInRange('refined level', this.finestLevel + 1, 1, MAX_LEVEL);
    const coarse = this.levels[this.finestLevel];
    const fine = this.emptyLevel(coarse.level + 1);
    const stream = randomStream(this.seed, this.path, BRIDGE_SUBSTREAM_BASE + fine.level);
    bridgeMidpoints(this.m, coarse.steps, coarse.dt, coarse.dW, coarse.dZ, stream, fine.dW, fine.dZ);
    this.levels.push(fine);
    return this;
  }

  level(l: number): BrownianLevel {
    integerInRange('level', l, 0, this.finestLevel);
    if (this.seed < 0)
      throw new InvalidArgumentError('BrownianPath', 'not sampled', 'sampled', 'Call sample first.');
    return { ...this.levels[l], seed: this.seed, path: this.path };
  }

  /** A source that replays level l step by step (for solveSde's `brownian` option or a custom loop). */
  source(l: number): GridIncrements {
    const level = this.level(l);
    return new GridIncrements(this.m, level.dW, level.dZ);
  }

  private emptyLevel(level: number): LevelArrays {
    const steps = 2 ** level;
    const size = steps * this.m;
    const dZ = this.timeIntegral ? new Float64Array(size) : undefined;
    const dt = (this.t1 - this.t0) / steps;
    return { level, steps, m: this.m, t0: this.t0, t1: this.t1, dt, dW: new Float64Array(size), dZ };
  }

  private coarsen(fine: LevelArrays, coarse: LevelArrays): void {
    const { m } = this;
    const h = fine.dt;
    for (let k = 0; k < coarse.steps; k++) {
      for (let j = 0; j < m; j++) {
        const first = 2 * k * m + j;
        const dW1 = fine.dW[first];
        coarse.dW[k * m + j] = dW1 + fine.dW[first + m];
        if (coarse.dZ !== undefined && fine.dZ !== undefined) {
          coarse.dZ[k * m + j] = fine.dZ[first] + fine.dZ[first + m] + h * dW1;
        }
      }
    }
  }
}
