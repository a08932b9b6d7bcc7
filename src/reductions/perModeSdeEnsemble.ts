/**
 * Large ensembles of the per-layer SDE of one mode, end states only, on the dedicated loop of
 * perModeSdeKernel.ts: the same floats as runEnsemble with 'eulerMaruyama' on perLayerModeSde, path for path,
 * at a fraction of the cost per step. With workers > 1 the paths go out in chunks (runChunks) to worker threads
 * that write into shared buffers; path p's numbers do not depend on which thread ran it.
 */
import { defaultChunkSize, runChunks } from '../parallel/chunkPool.js';
import { WorkerCache } from '../parallel/workerCache.js';
import { startWorker } from '../parallel/workerScript.js';
import { type EnsembleStatistics, ensembleStatistics } from '../sde/ensembleStatistics.js';
import { finiteNumber, integerInRange, intervalEnd, positiveNumber, seedValue } from '../validate.js';
import { perModeParameters } from './perModeSde.js';
import {
  type PerModeKernelBuffers,
  type PerModeKernelPlan,
  simulatePerLayerPaths,
} from './perModeSdeKernel.js';
import type { PerModeSdeArgs } from './perModeSdeProblem.js';

/** The per-mode kernel's worker threads, kept between runs (see WorkerCache). */
const cache = new WorkerCache(() => startWorker(import.meta.url, 'perModeSdeWorker'));

export interface PerModeEnsembleOptions {
  /** The per-layer problem's arguments (x0 is a(t0)). */
  readonly args: PerModeSdeArgs;
  readonly paths: number;
  readonly steps: number;
  /** Worker threads; default 1 (this thread). */
  readonly workers?: number;
  /** Default 1e100, as the generic ensembles. */
  readonly blowUpBound?: number;
}

export interface PerModeEnsembleResult {
  readonly paths: number;
  readonly steps: number;
  readonly dt: number;
  /** a(t1) of every path (NaN for a failed one). */
  readonly end: Float64Array;
  readonly status: Uint8Array;
  readonly tReached: Float64Array;
  readonly failed: number;
  /** Of the end states over the successful paths. */
  readonly statistics: EnsembleStatistics;
  /** Wall-clock ms to start the workers (0 in this thread) and to simulate once they were ready. */
  readonly timing: { readonly startupMs: number; readonly simulationMs: number };
}

function planOf(options: PerModeEnsembleOptions): { plan: PerModeKernelPlan; paths: number } {
  const { args } = options;
  const parameters = perModeParameters(args);
  const t0 = finiteNumber('t0', args.t0 ?? 0);
  const t1 = intervalEnd('t1', args.t1, t0);
  const steps = integerInRange('steps', options.steps, 1, 2 ** 40);
  const plan = {
    parameters,
    x0: finiteNumber('x0', args.x0),
    t0,
    t1,
    dt: (t1 - t0) / steps,
    steps,
    seed: seedValue('seed', args.seed),
    blowUpBound: positiveNumber('blowUpBound', options.blowUpBound ?? 1e100),
  };
  return { plan, paths: integerInRange('paths', options.paths, 1, 2 ** 30) };
}

function allocate(paths: number, shared: boolean): PerModeKernelBuffers {
  const bytes = (n: number) => (shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n));
  return {
    end: new Float64Array(bytes(8 * paths)),
    status: new Uint8Array(bytes(paths)),
    tReached: new Float64Array(bytes(8 * paths)),
  };
}

/** Runs the ensemble; bad options throw named errors before any path runs. */
export async function perModeSdeEnsemble(options: PerModeEnsembleOptions): Promise<PerModeEnsembleResult> {
  const { plan, paths } = planOf(options);
  const workers = integerInRange('workers', options.workers ?? 1, 1, 256);
  const buffers = allocate(paths, workers > 1);
  let timing = { startupMs: 0, simulationMs: 0 };
  if (workers === 1) {
    const started = performance.now();
    simulatePerLayerPaths(plan, buffers, 0, paths);
    timing.simulationMs = performance.now() - started;
  } else {
    const chunkSize = defaultChunkSize(paths, workers);
    timing = await runChunks(cache, { plan, buffers }, paths, workers, chunkSize, () => {});
  }
  const included = Uint8Array.from(buffers.status, (code) => (code === 0 ? 1 : 0));
  const statistics = ensembleStatistics(buffers.end, included, 1);
  return {
    paths,
    steps: plan.steps,
    dt: plan.dt,
    ...buffers,
    failed: paths - statistics.count,
    statistics,
    timing,
  };
}
