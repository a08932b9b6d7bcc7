/**
 * Exploration: draw settings from a theorem's parameter space and verify each; on a refutation (or a failure
 * to run) fast-check shrinks the setting to the smallest one that still fails, and the result carries the seed
 * and the replay path that reproduce it.
 */
import fc from 'fast-check';
import { InvalidArgumentError } from '../src/errors.js';
import type { AnyTheorem, Budget } from '../theorems/theorem.js';
import { type Report, verify } from './verify.js';

export interface ExploreOptions {
  readonly runs: number;
  readonly seed: number;
  readonly budget: Budget;
  /** Replay path printed by an earlier exploration: reruns only the shrunk counterexample. */
  readonly path?: string;
}

export interface Exploration {
  readonly id: string;
  readonly runs: number;
  readonly seed: number;
  /** The smallest failing setting's report, or undefined when every drawn setting held. */
  readonly failure?: Report;
  readonly path?: string;
  readonly shrinks: number;
  readonly replay?: string;
}

/** fast-check's replay path: run indices and shrink steps separated by colons. */
const REPLAY_PATH = /^\d+(:\d+)*$/;

function badPath(path: string, why: string): InvalidArgumentError {
  return new InvalidArgumentError(
    '--path',
    path,
    `the replay path an earlier exploration printed (${why})`,
    'Copy the path with the same --explore N, --seed and --budget.',
  );
}

export async function explore(theorem: AnyTheorem, options: ExploreOptions): Promise<Exploration> {
  if (options.path !== undefined && !REPLAY_PATH.test(options.path))
    throw badPath(options.path, 'numbers separated by colons');
  let last: Report | undefined;
  const property = fc.asyncProperty(theorem.settings, async (setting) => {
    const report = await verify(theorem, { setting, seed: options.seed, budget: options.budget });
    const holds = report.status !== 'refuted' && report.status !== 'failed-to-run';
    if (!holds) last = report;
    return holds;
  });
  const check = async () => {
    try {
      return await fc.check(property, {
        numRuns: options.runs,
        seed: options.seed | 0,
        ...(options.path !== undefined ? { path: options.path } : {}),
        endOnFailure: false,
      });
    } catch (error) {
      // fast-check refuses a path that leads nowhere in the drawn settings with this message.
      if (options.path !== undefined && String(error).includes('Unable to replay'))
        throw badPath(options.path, 'this one leads to no drawn setting');
      throw error;
    }
  };
  const details = await check();
  if (!details.failed || !details.counterexample) {
    return { id: theorem.id, runs: details.numRuns, seed: options.seed, shrinks: 0 };
  }
  const [setting] = details.counterexample;
  const failure =
    last && JSON.stringify(last.setting) === JSON.stringify(setting)
      ? last
      : await verify(theorem, { setting, seed: options.seed, budget: options.budget });
  const path = details.counterexamplePath ?? undefined;
  return {
    id: theorem.id,
    runs: details.numRuns,
    seed: options.seed,
    failure,
    shrinks: details.numShrinks,
    ...(path
      ? {
          path,
          replay: `npx saddlecheck verify ${theorem.id} --explore ${options.runs} --seed ${options.seed} --budget ${options.budget} --path ${path}`,
        }
      : {}),
  };
}

export function formatExploration(result: Exploration): string {
  if (!result.failure) return `${result.id}: held at all ${result.runs} drawn settings (seed ${result.seed})`;
  const r = result.failure;
  return [
    `${result.id}: ${r.status} after ${result.runs} settings and ${result.shrinks} shrinks`,
    `  smallest failing setting: ${JSON.stringify(r.setting)}`,
    `  predicted ${r.predicted}, measured ${r.measured}: ${r.reason}`,
    `  seed ${result.seed}${result.path ? `, path ${result.path}` : ''}`,
    ...(result.replay ? [`  replay: ${result.replay}`] : []),
  ].join('\n');
}
