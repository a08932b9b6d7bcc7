/**
 * Entry point of an ensemble worker thread (see runChunks): each run's payload is the plan and the shared
 * buffers, from which the worker rebuilds the problem, the method and the kernel.
 */
import { serveChunks } from '../parallel/chunkWorker.js';
import type { EnsembleBuffers } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import { createSimulator } from './ensembleSimulator.js';

serveChunks(async (payload) => {
  const { plan, buffers } = payload as { plan: EnsemblePlan; buffers: EnsembleBuffers };
  const simulator = await createSimulator(plan, buffers);
  return (start, end) => simulator.run(start, end);
});
