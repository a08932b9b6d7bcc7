/**
 * Starts a worker thread on a module beside the caller. From compiled JavaScript the worker is `<name>.js` and
 * needs nothing. From TypeScript sources (the test runner, `node --import tsx`) a loader flag in execArgv does not
 * reach a worker's entry on Node 20, so a small bootstrap registers tsx's loader inside the worker first and then
 * imports `<name>.ts`.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl` is the caller's import.meta.url; `name` the worker module's base name without extension. */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  const bootstrap = `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
