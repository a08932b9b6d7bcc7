/**
 * Worker thread of perModeSdeEnsemble: says { type: 'ready' } once loaded, then simulates each chunk
 * [start, end) of paths it is sent into the shared buffers and answers { type: 'done', start, end }, or
 * { type: 'error', message } if anything throws.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type PerModeKernelBuffers,
  type PerModeKernelPlan,
  simulatePerLayerPaths,
} from './perModeSdeKernel.js';

const { plan, buffers } = workerData as { plan: PerModeKernelPlan; buffers: PerModeKernelBuffers };

parentPort?.on('message', (chunk: { start: number; end: number }) => {
  try {
    simulatePerLayerPaths(plan, buffers, chunk.start, chunk.end);
    parentPort?.postMessage({ type: 'done', start: chunk.start, end: chunk.end });
  } catch (error) {
    parentPort?.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

parentPort?.postMessage({ type: 'ready' });
