/**
 * Speed of the typed-array product against ml-matrix's `mmul` on the same square matrices, measured in the
 * same run. A figure to print, not a test: timings depend on the machine and its load.
 */
import { Matrix } from 'ml-matrix';
import { randomStream } from '../random/stream.js';
import { integerInRange, seedValue } from '../validate.js';
import { zeros } from './mat.js';
import { matmul } from './matmul.js';

export interface LinalgBenchmarkOptions {
  /** Side of the square matrices (default 64). */
  readonly size?: number;
  /** Products per timed round (default 200). */
  readonly repeats?: number;
  /** Rounds, alternating the two methods; each reports its fastest round (default 7). */
  readonly rounds?: number;
  /** Seed of the random entries (default 1). */
  readonly seed?: number;
}

export interface LinalgBenchmarkResult {
  readonly size: number;
  readonly repeats: number;
  readonly rounds: number;
  /** Fastest round's mean wall time of one product, in microseconds. */
  readonly kernelMicroseconds: number;
  readonly mlMatrixMicroseconds: number;
  /** mlMatrixMicroseconds / kernelMicroseconds: how many times faster the kernel is. */
  readonly speedup: number;
  /** Largest entrywise difference between the two products (a check that both computed the same thing). */
  readonly maxAbsDifference: number;
}

/** Mean microseconds per call of `body` over `repeats` calls. */
function timeLoop(repeats: number, body: () => void): number {
  const start = performance.now();
  for (let r = 0; r < repeats; r++) body();
  return ((performance.now() - start) * 1000) / repeats;
}

/**
 * Fastest round of each body, rounds alternating between them so that a burst of load from other processes
 * hits both; the first round of each is a warm-up and is discarded.
 */
function fastestRounds(
  rounds: number,
  repeats: number,
  first: () => void,
  second: () => void,
): [number, number] {
  let best = [Infinity, Infinity];
  for (let r = 0; r <= rounds; r++) {
    const times = [timeLoop(repeats, first), timeLoop(repeats, second)];
    if (r > 0) best = [Math.min(best[0], times[0]), Math.min(best[1], times[1])];
  }
  return [best[0], best[1]];
}

/** Times size×size products by `matmul` and by ml-matrix's `mmul` on the same entries. */
export function linalgBenchmark(options: LinalgBenchmarkOptions = {}): LinalgBenchmarkResult {
  const size = integerInRange('size', options.size ?? 64, 1, 2048);
  const repeats = integerInRange('repeats', options.repeats ?? 200, 1);
  const rounds = integerInRange('rounds', options.rounds ?? 7, 1);
  const stream = randomStream(seedValue('seed', options.seed ?? 1));
  const a = zeros(size, size);
  const b = zeros(size, size);
  const out = zeros(size, size);
  stream.fillNormal(a.data);
  stream.fillNormal(b.data);
  const ma = Matrix.from1DArray(size, size, a.data);
  const mb = Matrix.from1DArray(size, size, b.data);
  let product = ma;
  const [kernelMicroseconds, mlMatrixMicroseconds] = fastestRounds(
    rounds,
    repeats,
    () => matmul(a, b, out),
    () => {
      product = ma.mmul(mb);
    },
  );
  let maxAbsDifference = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      maxAbsDifference = Math.max(maxAbsDifference, Math.abs(product.get(i, j) - out.data[i * size + j]));
    }
  }
  const speedup = mlMatrixMicroseconds / kernelMicroseconds;
  return { size, repeats, rounds, kernelMicroseconds, mlMatrixMicroseconds, speedup, maxAbsDifference };
}
