/** Worker thread of perModeSdeEnsemble (see runChunks): each run's payload is the kernel plan and shared buffers. */
import { serveChunks } from '../parallel/chunkWorker.js';
import {
  type PerModeKernelBuffers,
  type PerModeKernelPlan,
  simulatePerLayerPaths,
} from './perModeSdeKernel.js';

serveChunks((payload) => {
  const { plan, buffers } = payload as { plan: PerModeKernelPlan; buffers: PerModeKernelBuffers };
  return (start, end) => simulatePerLayerPaths(plan, buffers, start, end);
});
