/**
 * Throughput of per-mode SDE ensembles: by default 10^5 paths of the per-layer SDE (L = 3, s = 1, η = 0.02,
 * B = 1, σ_ξ = 0.5, a(0) = 0.3) over 10^4 Euler–Maruyama steps of dt = 0.01 on 2 worker threads: the escape
 * from the small initialization and then the stationary law, whose variance (about 9e-4: the exact 8.83e-4 plus
 * the scheme's O(dt) bias) is returned as a check that the run computed what it should. Wall-clock simulation
 * time is timed apart from worker startup. Three engines give the same floats path for path: 'kernel' (the
 * dedicated loop of perModeSdeEnsemble, the default), 'perModeEulerMaruyama' (the generic ensemble with the
 * inline stepper) and 'eulerMaruyama' (the generic ensemble and stepper).
 */
import { runEnsemble } from '../sde/ensemble.js';
import { integerInRange, oneOf } from '../validate.js';
import { perModeSdeEnsemble } from './perModeSdeEnsemble.js';
import { PER_MODE_EULER_SPEC } from './perModeSdeMethod.js';
import { type PerModeSdeArgs, perModeSdeSpec } from './perModeSdeProblem.js';

export interface PerModeBenchmarkOptions {
  /** Default 100000. */
  readonly paths?: number;
  /** Default 10000. */
  readonly steps?: number;
  /** Worker threads; default 2. */
  readonly workers?: number;
  /** 'kernel' (default), 'perModeEulerMaruyama' or 'eulerMaruyama' (see the header). */
  readonly method?: 'kernel' | 'perModeEulerMaruyama' | 'eulerMaruyama';
}

export interface PerModeBenchmarkFigure {
  readonly method: string;
  readonly paths: number;
  readonly steps: number;
  readonly workers: number;
  /** Wall-clock milliseconds of the simulation once the workers were ready. */
  readonly simulationMs: number;
  /** Wall-clock milliseconds to start the workers. */
  readonly startupMs: number;
  /** Wall-clock nanoseconds per path-step over all threads: simulationMs · 10^6 / (paths · steps). */
  readonly nsPerPathStep: number;
  /** Ensemble mean and variance of a at the end (stationary: about 0.997 and 8.8e-4). */
  readonly mean: number;
  readonly variance: number;
  readonly failed: number;
}

/** The benchmark problem: the setting of THEORY.md §2's check, from a small initialization. */
export const BENCHMARK_MODE: Omit<PerModeSdeArgs, 't1'> = {
  depth: 3,
  s: 1,
  lr: 0.02,
  batch: 1,
  labelNoise: 0.5,
  x0: 0.3,
  seed: 2026,
};

const DT = 0.01;

/** Runs the ensemble once and returns its timing and end statistics. */
export async function perModeSdeBenchmark(
  options: PerModeBenchmarkOptions = {},
): Promise<PerModeBenchmarkFigure> {
  const paths = integerInRange('paths', options.paths ?? 100_000, 1);
  const steps = integerInRange('steps', options.steps ?? 10_000, 1);
  const workers = integerInRange('workers', options.workers ?? 2, 1, 256);
  const name = oneOf('method', options.method ?? 'kernel', [
    'kernel',
    'perModeEulerMaruyama',
    'eulerMaruyama',
  ]);
  const args = { ...BENCHMARK_MODE, t1: steps * DT };
  const result =
    name === 'kernel'
      ? { method: 'kernel', ...(await perModeSdeEnsemble({ args, paths, steps, workers })) }
      : await runEnsemble(perModeSdeSpec('per-layer', args), {
          method: name === 'eulerMaruyama' ? name : PER_MODE_EULER_SPEC,
          paths,
          steps,
          workers,
        });
  const { simulationMs, startupMs } = result.timing;
  return {
    method: result.method,
    paths,
    steps,
    workers,
    simulationMs,
    startupMs,
    nsPerPathStep: (simulationMs * 1e6) / (paths * steps),
    mean: result.statistics?.mean[0] ?? Number.NaN,
    variance: result.statistics?.variance[0] ?? Number.NaN,
    failed: result.failed,
  };
}
