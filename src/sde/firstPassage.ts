/**
 * First-passage times of an ensemble: for each path, the first time a scalar component reaches a level, or
 * leaves an open interval. Paths run on the ensemble machinery (same streams, same workers, same bit-identical
 * output) and stop at their passage.
 *
 * Monitoring only at grid points misses the excursions between them and biases passage times upward by
 * O(sqrt(dt)) (Broadie, Glasserman & Kou 1997: the barrier is effectively shifted by 0.5826 sigma sqrt(dt)).
 * With `bridge` (the default) each step whose end points are both inside also crosses with the Brownian-bridge
 * probability exp(-2 (b - x_k)(b - x_{k+1}) / (sigma^2 dt)), sigma frozen at (t_k, x_k), decided by a uniform
 * from randomStream(seed, path, 1); the crossing time inside the step is drawn from the bridge's exact
 * conditional hitting-time law (firstPassageBridge.ts). This is exact for Brownian motion with constant drift
 * and diffusion, and leaves an O(dt) bias in general.
 *
 * Result convention: `times[p]` is the passage time of a crossed path, +Infinity for a path still inside at
 * t1 (censored), and NaN for a path that failed numerically first (counted in `failed`).
 */
import { InvalidArgumentError } from '../errors.js';
import type { PoolTiming } from '../parallel/chunkPool.js';
import type { SolveStatus } from '../solution.js';
import { finiteNumber, integerInRange } from '../validate.js';
import { statusCounts } from './ensembleBuffers.js';
import { type ExecutionOptions, execute, prepareExecution } from './ensembleExecute.js';
import type { PassagePlan } from './ensemblePlan.js';
import type { ProblemSpec } from './ensembleSpec.js';
import { type PassageEstimate, passageEstimate } from './firstPassageEstimate.js';
import type { SdeProblem } from './types.js';

export interface FirstPassageOptions extends ExecutionOptions {
  /** The monitored component (default 0). */
  readonly component?: number;
  /** One barrier: the path is absorbed when the component reaches it, from whichever side x0 lies. */
  readonly level?: number;
  /** Or an interval (lower, upper): the path is absorbed when it leaves; one end may be infinite. */
  readonly interval?: readonly [number, number];
  /** Brownian-bridge crossing correction between grid points (default true). */
  readonly bridge?: boolean;
}

export interface FirstPassageResult {
  readonly method: string;
  readonly seed: number;
  readonly paths: number;
  readonly dt: number;
  readonly steps: number;
  readonly lower: number;
  readonly upper: number;
  readonly bridge: boolean;
  /** Passage time per path: finite when crossed, +Infinity when censored at t1, NaN when failed. */
  readonly times: Float64Array;
  /** 1 when path p crossed. */
  readonly crossed: Uint8Array;
  /** Through which barrier path p left: 1 upper, -1 lower, 0 not crossed. */
  readonly exitSide: Int8Array;
  /** Paths still inside at the censoring time. */
  readonly censored: number;
  /** The censoring time t1. */
  readonly censoringTime: number;
  /** Paths that failed numerically (non-finite or blow-up) before crossing; left out of the estimate. */
  readonly failed: number;
  readonly statusCounts: Readonly<Record<SolveStatus, number>>;
  /** Mean if nothing is censored, else median if fewer than half are, else none (see the note). */
  readonly estimate: PassageEstimate;
  readonly timing: PoolTiming;
}

/** Simulates first-passage times of the problem built from `spec`. */
export async function firstPassage(
  spec: ProblemSpec,
  options: FirstPassageOptions,
): Promise<FirstPassageResult> {
  const passage = (problem: SdeProblem): PassagePlan => passagePlan(problem, options);
  const prepared = await prepareExecution(spec, options, [], passage);
  const { plan, method, buffers, timing } = await execute(prepared, options);
  const { lower, upper, bridge } = plan.passage as PassagePlan;
  const counts = statusCounts(buffers.status);
  const times = buffers.passageTimes;
  let censored = 0;
  for (let p = 0; p < plan.paths; p++) if (times[p] === Number.POSITIVE_INFINITY) censored++;
  return {
    method: method.name,
    seed: plan.seed,
    paths: plan.paths,
    dt: plan.dt,
    steps: plan.steps,
    lower,
    upper,
    bridge,
    times,
    crossed: buffers.crossed,
    exitSide: buffers.exitSide,
    censored,
    censoringTime: plan.t1,
    failed: plan.paths - counts.success,
    statusCounts: counts,
    estimate: passageEstimate(times, plan.t1),
    timing,
  };
}

/** Checks the barrier options against the problem and turns them into an interval. */
export function passagePlan(problem: SdeProblem, options: FirstPassageOptions): PassagePlan {
  const component = integerInRange('component', options.component ?? 0, 0, problem.x0.length - 1);
  const bridge = options.bridge ?? true;
  if (typeof bridge !== 'boolean') throw new InvalidArgumentError('bridge', bridge, 'true or false');
  if ((options.level === undefined) === (options.interval === undefined)) {
    throw new InvalidArgumentError(
      'level/interval',
      { level: options.level, interval: options.interval },
      'exactly one of level or interval',
    );
  }
  if (options.level !== undefined) {
    const level = finiteNumber('level', options.level);
    const below = problem.x0[component] < level;
    return below
      ? { component, lower: Number.NEGATIVE_INFINITY, upper: level, bridge }
      : { component, lower: level, upper: Number.POSITIVE_INFINITY, bridge };
  }
  const interval = options.interval as readonly [number, number];
  if (!Array.isArray(interval) || interval.length !== 2) {
    throw new InvalidArgumentError('interval', interval, 'a pair [lower, upper]');
  }
  const [lower, upper] = interval;
  if (typeof lower !== 'number' || typeof upper !== 'number' || !(lower < upper)) {
    throw new InvalidArgumentError('interval', interval, 'numbers lower < upper (either may be infinite)');
  }
  if (!Number.isFinite(lower) && !Number.isFinite(upper)) {
    throw new InvalidArgumentError('interval', interval, 'an interval with at least one finite end');
  }
  return { component, lower, upper, bridge };
}
