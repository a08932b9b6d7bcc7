/**
 * Entry point of an ensemble worker thread, reused from run to run. A run sends { type: 'plan', plan, buffers }:
 * the worker rebuilds the problem and method and answers { type: 'ready' } (or an error). Then each
 * { type: 'chunk', start, end } is simulated into the shared buffers and answered with { type: 'done', start,
 * end } or { type: 'error', name, message, start, end }. { type: 'idle' } ends the run: the worker drops the
 * simulator and with it every reference to the run's buffers.
 */
import { parentPort } from 'node:worker_threads';
import type { EnsembleBuffers } from './ensembleBuffers.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import { createSimulator, type EnsembleSimulator } from './ensembleSimulator.js';

export type EnsembleWorkerRequest =
  | { readonly type: 'plan'; readonly plan: EnsemblePlan; readonly buffers: EnsembleBuffers }
  | { readonly type: 'chunk'; readonly start: number; readonly end: number }
  | { readonly type: 'idle' };

const port = parentPort;
if (port === null) throw new Error('ensembleWorker must run in a worker thread.');

function reportError(error: unknown, start: number, end: number): void {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  port?.postMessage({ type: 'error', name, message, start, end });
}

let simulator: EnsembleSimulator | undefined;

async function prepare(plan: EnsemblePlan, buffers: EnsembleBuffers): Promise<void> {
  try {
    simulator = await createSimulator(plan, buffers);
    port?.postMessage({ type: 'ready' });
  } catch (error) {
    reportError(error, -1, -1);
  }
}

function simulate(start: number, end: number): void {
  try {
    if (simulator === undefined) throw new Error('the simulator was not built');
    simulator.run(start, end);
    port?.postMessage({ type: 'done', start, end });
  } catch (error) {
    reportError(error, start, end);
  }
}

port.on('message', (request: EnsembleWorkerRequest) => {
  if (request.type === 'plan') void prepare(request.plan, request.buffers);
  else if (request.type === 'chunk') simulate(request.start, request.end);
  else simulator = undefined;
});
