/**
 * Ensembles of SDE paths. Path p draws its Brownian increments from its own streams randomStream(seed, p, .),
 * exactly as solveSde(problem, method, { path: p }) does, so path p replays alone and the result is the same
 * floats whatever the number of workers or the chunk size: end states (and states at save times) are gathered
 * into arrays ordered by path index and the statistics are computed on the main thread in path order.
 * Failed paths (non-finite or beyond the blow-up bound) are counted and left out of the statistics.
 */
import type { PoolTiming } from '../parallel/chunkPool.js';
import type { SolveStatus } from '../solution.js';
import { statusCounts } from './ensembleBuffers.js';
import { type ExecutionOptions, execute, prepareExecution } from './ensembleExecute.js';
import { gridTime } from './ensemblePlan.js';
import type { ProblemSpec } from './ensembleSpec.js';
import { type EnsembleStatistics, ensembleStatistics } from './ensembleStatistics.js';

export interface EnsembleOptions extends ExecutionOptions {
  /** Grid times at which to store every path's state (each must be t0 + k dt). */
  readonly saveAt?: readonly number[];
  /** Whether to compute the statistics (default true); the per-path arrays are returned either way. */
  readonly statistics?: boolean;
}

export interface EnsembleResult {
  readonly method: string;
  readonly seed: number;
  readonly paths: number;
  readonly dimension: number;
  readonly t0: number;
  readonly t1: number;
  readonly dt: number;
  readonly steps: number;
  /** End state of path p, component i at p * dimension + i; NaN for a failed path. */
  readonly end: Float64Array;
  /** The grid times actually used for saveAt. */
  readonly saveTimes: Float64Array;
  /** State of path p at save j, component i at (p * saveTimes.length + j) * dimension + i. */
  readonly saved: Float64Array;
  /** Per path: 0 success, 1 non-finite, 2 blow-up (see PATH_STATUS). */
  readonly status: Uint8Array;
  /** Per path: the last grid time at which the state was finite and within the bound. */
  readonly tReached: Float64Array;
  /** Number of paths that did not reach t1. */
  readonly failed: number;
  readonly statusCounts: Readonly<Record<SolveStatus, number>>;
  /** Statistics of the end states over the successful paths. */
  readonly statistics?: EnsembleStatistics;
  /** Statistics at each save time, over the same successful paths. */
  readonly savedStatistics?: readonly EnsembleStatistics[];
  /** Wall-clock milliseconds: worker startup (0 in process) and simulation. */
  readonly timing: PoolTiming;
  /** One line on how the run ended, naming the failures if any. */
  readonly message: string;
}

/** Simulates `options.paths` paths of the problem built from `spec` with the named method. */
export async function runEnsemble(spec: ProblemSpec, options: EnsembleOptions): Promise<EnsembleResult> {
  const prepared = await prepareExecution(spec, options, options.saveAt ?? [], undefined);
  const { plan, method, buffers, timing } = await execute(prepared, options);
  const counts = statusCounts(buffers.status);
  const failed = plan.paths - counts.success;
  const saves = plan.saveIndices.length;
  const result = {
    method: method.name,
    seed: plan.seed,
    paths: plan.paths,
    dimension: plan.dimension,
    t0: plan.t0,
    t1: plan.t1,
    dt: plan.dt,
    steps: plan.steps,
    end: buffers.end,
    saveTimes: Float64Array.from(plan.saveIndices, (k) => gridTime(plan, k)),
    saved: buffers.saved,
    status: buffers.status,
    tReached: buffers.tReached,
    failed,
    statusCounts: counts,
    timing,
    message: failureMessage(plan.paths, failed, counts),
  };
  if (options.statistics === false) return result;
  const included = Uint8Array.from(buffers.status, (code) => (code === 0 ? 1 : 0));
  const d = plan.dimension;
  return {
    ...result,
    statistics: ensembleStatistics(buffers.end, included, d),
    savedStatistics: plan.saveIndices.map((_, j) =>
      ensembleStatistics(buffers.saved, included, d, saves * d, j * d),
    ),
  };
}

function failureMessage(paths: number, failed: number, counts: Record<SolveStatus, number>): string {
  if (failed === 0) return `All ${paths} paths reached t1.`;
  const kinds = (['non-finite', 'blow-up'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${kind}`)
    .join(', ');
  return `${failed} of ${paths} paths failed (${kinds}); statistics use the ${paths - failed} that reached t1.`;
}
