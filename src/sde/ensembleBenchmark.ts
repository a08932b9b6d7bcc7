/**
 * Throughput figures of the ensemble machinery on the reference problem of the C baseline:
 * dX = -X dt + 0.5 dW, X0 = 1, t in [0, 1], by default 10^5 paths x 10^3 steps. Each figure is the best of
 * `repeats` runs of wall-clock simulation time (worker startup is timed apart), the same convention as the
 * baseline's best of five. Run them with `node --import tsx` or from the compiled package.
 */
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
      for (let i = 0, n = x.length; i < n; i++) out[i] = mu - theta * x[i];
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

async function bestRun(method: string, options: BenchmarkOptions, workers: number) {
  const { paths, steps, repeats } = sizes(options);
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let startup = Number.POSITIVE_INFINITY;
  let statistics: EnsembleStatistics | undefined;
  for (let run = 0; run < repeats; run++) {
    const cpu = process.cpuUsage();
    const result = await runEnsemble(BENCHMARK_SPEC, {
      method,
      paths,
      steps,
      workers,
      statistics: run === 0,
    });
    bestCpu = Math.min(bestCpu, process.cpuUsage(cpu).user / 1000);
    best = Math.min(best, result.timing.simulationMs);
    startup = Math.min(startup, result.timing.startupMs);
    statistics ??= result.statistics;
  }
  const mean = statistics?.mean[0] ?? Number.NaN;
  return { paths, steps, best, bestCpu, startup, mean, variance: statistics?.variance[0] ?? Number.NaN };
}

async function methodBenchmark(method: string, options: BenchmarkOptions): Promise<BenchmarkFigure> {
  const run = await bestRun(method, options, 1);
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
  /** Best simulation time in this thread, ms. */
  readonly oneThreadMs: number;
  /** Best simulation time on the workers once all were ready, ms. */
  readonly workersMs: number;
  /** Fastest pool startup (workers building problem and method), ms. */
  readonly startupMs: number;
  /** oneThreadMs / workersMs. */
  readonly speedup: number;
  /** oneThreadMs / (startupMs + workersMs): what a single run of this size gains. */
  readonly speedupWithStartup: number;
}

/** Euler–Maruyama on `workers` threads (default 2) against one thread. */
export async function workerSpeedup(
  options: BenchmarkOptions & { workers?: number } = {},
): Promise<SpeedupFigure> {
  const workers = integerInRange('workers', options.workers ?? 2, 2, 256);
  const one = await bestRun('eulerMaruyama', options, 1);
  const many = await bestRun('eulerMaruyama', options, workers);
  return {
    workers,
    oneThreadMs: one.best,
    workersMs: many.best,
    startupMs: many.startup,
    speedup: one.best / many.best,
    speedupWithStartup: one.best / (many.startup + many.best),
  };
}
