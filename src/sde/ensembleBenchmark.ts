/**
 * Throughput figures of the ensemble machinery on the reference problem of the C baseline:
 * dX = -X dt + 0.5 dW, X0 = 1, t in [0, 1], by default 10^5 paths x 10^3 steps. Each figure is the best of
 * `repeats` runs of wall-clock simulation time (worker startup is timed apart), the same convention as the
 * baseline's best of five. Run them with `node --import tsx` or from the compiled package.
 */
import { median } from '../analysis/orderStatistics.js';
import { integerInRange } from '../validate.js';
import { runEnsemble } from './ensemble.js';
import type { EnsembleStatistics } from './ensembleStatistics.js';
import type { SdeProblem } from './types.js';

/** Parameters of dX = (mu - theta X) dt + sigma dW on [0, t1]. */
export interface OrnsteinUhlenbeckArgs {
  readonly theta?: number;
  readonly sigma?: number;
  readonly mu?: number;
  readonly x0?: number;
  readonly t1?: number;
  readonly seed?: number;
}

/**
 * The benchmark problem, Ornstein–Uhlenbeck with additive noise; the defaults (theta 1, sigma 0.5, mu 0,
 * x0 1, t1 1, seed 42) are the C baseline's. theta = 0 gives Brownian motion with drift mu.
 */
export function benchmarkProblem(args: OrnsteinUhlenbeckArgs = {}): SdeProblem {
  const { theta = 1, sigma = 0.5, mu = 0, x0 = 1, t1 = 1, seed = 42 } = args;
  return {
    drift: (_t, x, out) => {
      // Captured constants read into locals once per call: see SdeProblem.elementwise.
      const m = mu;
      const k = theta;
      for (let i = 0, n = x.length; i < n; i++) out[i] = m - k * x[i];
    },
    diffusion: (_t, x, out) => {
      out.fill(sigma, 0, x.length);
    },
    elementwise: true,
    noise: 'additive',
    interpretation: 'ito',
    x0: Float64Array.of(x0),
    t0: 0,
    t1,
    seed,
  };
}

const BENCHMARK_SPEC = { module: import.meta.url, export: 'benchmarkProblem' };

export interface BenchmarkOptions {
  /** Default 100000. */
  readonly paths?: number;
  /** Default 1000. */
  readonly steps?: number;
  /** Runs of which the fastest counts; default 5, as the C baseline. */
  readonly repeats?: number;
}

export interface BenchmarkFigure {
  readonly method: string;
  readonly paths: number;
  readonly steps: number;
  /** Best wall-clock nanoseconds per path-step, one thread. */
  readonly nsPerPathStep: number;
  /** Best CPU (user) nanoseconds per path-step of the same runs: less sensitive to a busy machine. */
  readonly cpuNsPerPathStep: number;
  /** Ensemble mean and variance of X(1): a check that the run computed what it should. */
  readonly mean: number;
  readonly variance: number;
}

function sizes(options: BenchmarkOptions): { paths: number; steps: number; repeats: number } {
  return {
    paths: integerInRange('paths', options.paths ?? 100_000, 1),
    steps: integerInRange('steps', options.steps ?? 1000, 1),
    repeats: integerInRange('repeats', options.repeats ?? 5, 1),
  };
}

/** One run of the benchmark problem: wall-clock simulation and startup times and this process's user CPU time. */
async function timedRun(method: string, paths: number, steps: number, workers: number, statistics: boolean) {
  const cpu = process.cpuUsage();
  const result = await runEnsemble(BENCHMARK_SPEC, { method, paths, steps, workers, statistics });
  return { ...result.timing, cpuMs: process.cpuUsage(cpu).user / 1000, statistics: result.statistics };
}

async function bestRun(method: string, options: BenchmarkOptions) {
  const { paths, steps, repeats } = sizes(options);
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let statistics: EnsembleStatistics | undefined;
  for (let run = 0; run < repeats; run++) {
    const timed = await timedRun(method, paths, steps, 1, run === 0);
    bestCpu = Math.min(bestCpu, timed.cpuMs);
    best = Math.min(best, timed.simulationMs);
    statistics ??= timed.statistics;
  }
  const mean = statistics?.mean[0] ?? Number.NaN;
  return { paths, steps, best, bestCpu, mean, variance: statistics?.variance[0] ?? Number.NaN };
}

async function methodBenchmark(method: string, options: BenchmarkOptions): Promise<BenchmarkFigure> {
  const run = await bestRun(method, options);
  const perPathStep = 1e6 / (run.paths * run.steps);
  return {
    method,
    paths: run.paths,
    steps: run.steps,
    nsPerPathStep: run.best * perPathStep,
    cpuNsPerPathStep: run.bestCpu * perPathStep,
    mean: run.mean,
    variance: run.variance,
  };
}

/** Euler–Maruyama, one thread (the tabulated additive-noise kernel is chosen automatically). */
export function emBenchmark(options: BenchmarkOptions = {}): Promise<BenchmarkFigure> {
  return methodBenchmark('eulerMaruyama', options);
}

/** SRA1, one thread. */
export function sra1Benchmark(options: BenchmarkOptions = {}): Promise<BenchmarkFigure> {
  return methodBenchmark('sra1', options);
}

export interface SpeedupFigure {
  readonly workers: number;
  /**
   * Median over `repeats` pairs of runs, each a run in this thread then one on the workers, of the ratio of
   * their simulation times. Pairing keeps a slow drift of the machine's speed (other tenants of a shared host)
   * out of the ratio; short spells that slow the two-core run more than the one-core run still pull it down.
   */
  readonly speedup: number;
  /** The smallest and the largest ratio of a pair. */
  readonly speedupRange: readonly [number, number];
  /**
   * The fastest one-thread run over the fastest run on the workers, the convention of every other figure of the
   * bench (best of its runs): the runs least disturbed by short spells, but exposed to drift between them.
   */
  readonly bestOverBest: number;
  /** Median simulation times of the counted pairs, ms. */
  readonly oneThreadMs: number;
  readonly workersMs: number;
  /**
   * A first pair, not counted above, whose workers start cold (unless an earlier run in this process left
   * workers idle): one-thread time over worker startup plus simulation, what a single run of this size gains.
   */
  readonly coldSpeedup: number;
  readonly coldStartupMs: number;
}

/** Euler–Maruyama on `workers` threads (default 2) against one thread, in pairs of runs (see SpeedupFigure). */
export async function workerSpeedup(
  options: BenchmarkOptions & { workers?: number } = {},
): Promise<SpeedupFigure> {
  const workers = integerInRange('workers', options.workers ?? 2, 2, 256);
  const { paths, steps, repeats } = sizes(options);
  const pair = async () => ({
    one: await timedRun('eulerMaruyama', paths, steps, 1, false),
    many: await timedRun('eulerMaruyama', paths, steps, workers, false),
  });
  const cold = await pair();
  const pairs = [];
  for (let i = 0; i < repeats; i++) pairs.push(await pair());
  const ratios = pairs.map(({ one, many }) => one.simulationMs / many.simulationMs);
  return {
    workers,
    speedup: median(ratios),
    speedupRange: [Math.min(...ratios), Math.max(...ratios)],
    bestOverBest:
      Math.min(...pairs.map(({ one }) => one.simulationMs)) /
      Math.min(...pairs.map(({ many }) => many.simulationMs)),
    oneThreadMs: median(pairs.map(({ one }) => one.simulationMs)),
    workersMs: median(pairs.map(({ many }) => many.simulationMs)),
    coldSpeedup: cold.one.simulationMs / (cold.many.startupMs + cold.many.simulationMs),
    coldStartupMs: cold.many.startupMs,
  };
}
