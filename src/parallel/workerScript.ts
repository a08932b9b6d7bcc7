/**
 * Starts a worker thread on a module beside the caller. From compiled JavaScript the worker is `<name>.js` and
 * needs nothing. From TypeScript sources (the test runner, `node --import tsx`) a loader flag in execArgv does not
 * reach a worker's entry on Node 20, so a small bootstrap registers tsx's loader inside the worker first and then
 * imports `<name>.ts`.
 */
import { Worker } from 'node:worker_threads';
import { arenaWorkerData } from './threadArena.js';

/**
 * `callerUrl` is the caller's import.meta.url; `name` the worker module's base name without extension. The worker's
 * `workerData` is its thread arena (see threadArena.ts).
 */
export function startWorker(callerUrl: string, name: string): Worker {
  const withArena = { workerData: arenaWorkerData() };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), withArena);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  const bootstrap = `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { ...withArena, eval: true });
}
