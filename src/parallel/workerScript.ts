/**
 * Starts a worker thread on a module next to the caller. Under the test runner the sources are TypeScript and the
 * worker needs the tsx loader; from the compiled dist/ the worker is plain JavaScript and needs nothing.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl` is the caller's import.meta.url; `name` the worker module's base name without extension. */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const typescript = callerUrl.endsWith('.ts');
  const url = new URL(`./${name}.${typescript ? 'ts' : 'js'}`, callerUrl);
  const execArgv = typescript ? ['--import', 'tsx', ...(options.execArgv ?? [])] : options.execArgv;
  return new Worker(url, { ...options, ...(execArgv ? { execArgv } : {}) });
}
