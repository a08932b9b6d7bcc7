/**
 * The worker threads of runEnsemble: a WorkerCache of ensemble workers (ensembleWorker.ts) and runOnWorkers,
 * which hands them a plan's paths in chunks through runChunks.
 *
 * Worker entry: from compiled JavaScript, ensembleWorker.js beside this file. From TypeScript sources (tests,
 * `node --import tsx`), ensembleWorker.ts behind a small bootstrap that registers tsx's loader inside the
 * worker first: in Node 20 the loader hooks of an `--import tsx` in execArgv do not reach a worker's entry.
 */
import { type PoolTiming, runChunks } from '../parallel/chunkPool.js';
import { WorkerCache } from '../parallel/workerCache.js';
import { startWorker } from '../parallel/workerScript.js';
import type { EnsembleBuffers } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';

const cache = new WorkerCache(() => startWorker(import.meta.url, 'ensembleWorker'));

/** Simulates every chunk of the plan on `workers` threads writing into shared `buffers` (see runChunks). */
export function runOnWorkers(
  plan: EnsemblePlan,
  buffers: EnsembleBuffers,
  workers: number,
  chunkSize: number,
  onChunk: (count: number) => void,
): Promise<PoolTiming> {
  return runChunks(cache, { plan, buffers }, plan.paths, workers, chunkSize, onChunk);
}
