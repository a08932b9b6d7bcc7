/**
 * Runs the paths of a validated plan, in process or on a worker pool, into buffers ordered by path index.
 * Everything the workers will do is first checked on the main thread (the problem is built, the method
 * resolved and asked for a stepper), so bad input throws here as a named error before any thread starts.
 */
import { defaultChunkSize, type PoolTiming } from '../parallel/chunkPool.js';
import { chunkRanges } from '../parallel/chunkQueue.js';
import { functionValue, integerInRange } from '../validate.js';
import { BLOCK_PATHS } from './ensembleBlockKernel.js';
import { allocateBuffers, type EnsembleBuffers } from './ensembleBuffers.js';
import { type EnsemblePlan, type GridOptions, type PassagePlan, planEnsemble } from './ensemblePlan.js';
import { runOnWorkers } from './ensemblePool.js';
import { resolveMethod, simulatorFor } from './ensembleSimulator.js';
import { buildProblem, type ProblemSpec, validateFactorySpec } from './ensembleSpec.js';
import type { SdeMethod, SdeProblem } from './types.js';

export interface ExecutionOptions extends GridOptions {
  /** Worker threads; 1 (the default) runs in this thread. Results are identical for any count. */
  readonly workers?: number;
  /** Paths per chunk handed to a worker; default see defaultChunkSize. Results do not depend on it. */
  readonly chunkSize?: number;
  /** Called on the main thread after each chunk with the number of finished paths and the total. */
  readonly onProgress?: (pathsDone: number, paths: number) => void;
}

export interface Execution {
  readonly plan: EnsemblePlan;
  readonly problem: SdeProblem;
  readonly method: SdeMethod;
  readonly buffers: EnsembleBuffers;
  /** Wall-clock time of the run; startup is the worker pool's (0 in process). */
  readonly timing: PoolTiming;
}

export type Prepared = Omit<Execution, 'buffers' | 'timing'>;

/** Validates everything at the boundary; returns the plan with the problem and method built on this thread. */
export async function prepareExecution(
  spec: ProblemSpec,
  options: GridOptions,
  saveAt: readonly number[],
  passage: ((problem: SdeProblem) => PassagePlan) | undefined,
): Promise<Prepared> {
  const problemSpec = validateFactorySpec('problem', spec);
  const problem = await buildProblem(problemSpec);
  const plan = planEnsemble(problemSpec, problem, options, saveAt, passage?.(problem));
  const method = await resolveMethod(plan.method);
  method.createStepper(problem);
  return { plan, problem, method };
}

export async function execute(prepared: Prepared, options: ExecutionOptions): Promise<Execution> {
  const { plan, problem, method } = prepared;
  const workers = integerInRange('workers', options.workers ?? 1, 1, 256);
  if (options.onProgress !== undefined) functionValue('onProgress', options.onProgress);
  const chunkSize = integerInRange(
    'chunkSize',
    options.chunkSize ?? defaultChunkSize(plan.paths, workers, BLOCK_PATHS),
    1,
  );
  let done = 0;
  const onChunk = (count: number): void => {
    done += count;
    options.onProgress?.(done, plan.paths);
  };
  if (workers === 1) {
    const started = performance.now();
    const buffers = allocateBuffers(plan, false);
    const simulator = simulatorFor(plan, problem, method, buffers);
    for (const chunk of chunkRanges(plan.paths, chunkSize)) {
      simulator.run(chunk.start, chunk.end);
      onChunk(chunk.end - chunk.start);
    }
    return { ...prepared, buffers, timing: { startupMs: 0, simulationMs: performance.now() - started } };
  }
  const buffers = allocateBuffers(plan, true);
  const timing = await runOnWorkers(plan, buffers, workers, chunkSize, onChunk);
  return { ...prepared, buffers, timing };
}
