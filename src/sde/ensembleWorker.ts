/**
 * Entry point of an ensemble worker thread. It rebuilds the problem and method from the plan in `workerData`
 * and answers { type: 'ready' } (or an error); then it simulates each chunk [start, end) it is sent, writing
 * into the shared buffers, and answers { type: 'done', start, end } or { type: 'error', name, message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EnsembleBuffers } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import { createSimulator, type EnsembleSimulator } from './ensembleSimulator.js';

interface WorkerInput {
  readonly plan: EnsemblePlan;
  readonly buffers: EnsembleBuffers;
}

const port = parentPort;
if (port === null) throw new Error('ensembleWorker must run in a worker thread.');

function reportError(error: unknown, start: number, end: number): void {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  port?.postMessage({ type: 'error', name, message, start, end });
}

const input = workerData as WorkerInput;
let simulator: EnsembleSimulator | undefined;

port.on('message', (chunk: { start: number; end: number }) => {
  try {
    if (simulator === undefined) throw new Error('the simulator was not built');
    simulator.run(chunk.start, chunk.end);
    port.postMessage({ type: 'done', start: chunk.start, end: chunk.end });
  } catch (error) {
    reportError(error, chunk.start, chunk.end);
  }
});

try {
  simulator = await createSimulator(input.plan, input.buffers);
  port.postMessage({ type: 'ready' });
} catch (error) {
  reportError(error, -1, -1);
}
