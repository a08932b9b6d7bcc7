/**
 * The validated description of an ensemble run: plain data that the main thread sends to every worker, so that
 * each thread rebuilds the same problem and method and walks the same uniform time grid.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteNumber, integerInRange, positiveNumber, seedValue } from '../validate.js';
import { type FactorySpec, type ProblemSpec, validateFactorySpec } from './ensembleSpec.js';
import type { SdeProblem } from './types.js';

/** A method by registry name, or a factory spec whose factory returns an SdeMethod. */
export type MethodRef = string | FactorySpec;

/** Monitoring of one state component against a lower and an upper barrier (either may be infinite). */
export interface PassagePlan {
  readonly component: number;
  readonly lower: number;
  readonly upper: number;
  /** Whether to apply the Brownian-bridge crossing test between grid points. */
  readonly bridge: boolean;
}

export interface EnsemblePlan {
  readonly problem: ProblemSpec;
  readonly method: MethodRef;
  readonly seed: number;
  readonly paths: number;
  readonly t0: number;
  readonly t1: number;
  readonly steps: number;
  /** The step, (t1 - t0) / steps; grid time k is t0 + k dt, and exactly t1 for k = steps. */
  readonly dt: number;
  readonly dimension: number;
  /** Grid indices at which states are saved, ascending. */
  readonly saveIndices: readonly number[];
  readonly blowUpBound: number;
  readonly passage?: PassagePlan;
}

/** The part of the options that fixes the grid and the paths. */
export interface GridOptions {
  readonly method: MethodRef;
  readonly paths: number;
  /** The step; must divide t1 - t0 into a whole number of steps. Give dt or steps, not both. */
  readonly dt?: number;
  readonly steps?: number;
  /** End time; defaults to the problem's t1. */
  readonly t1?: number;
  /** Defaults to the problem's seed. */
  readonly seed?: number;
  /** |x_i| above this bound ends a path with status 'blow-up'; default 1e100. */
  readonly blowUpBound?: number;
}

export const DEFAULT_BLOW_UP_BOUND = 1e100;

/** Largest relative distance of a requested time from a grid point that still counts as on the grid. */
const GRID_TOLERANCE = 1e-9;

export function planEnsemble(
  problemSpec: ProblemSpec,
  problem: SdeProblem,
  options: GridOptions,
  saveAt: readonly number[] = [],
  passage?: PassagePlan,
): EnsemblePlan {
  const method =
    typeof options.method === 'string' ? options.method : validateFactorySpec('method', options.method);
  const paths = integerInRange('paths', options.paths, 1, 2 ** 40);
  const seed = seedValue('seed', options.seed ?? problem.seed);
  const t0 = problem.t0;
  const t1 = finiteNumber('t1', options.t1 ?? problem.t1);
  if (!(t1 > t0)) throw new InvalidArgumentError('t1', t1, `a time after t0 = ${t0}`);
  const steps = stepCount(t1 - t0, options);
  const dt = (t1 - t0) / steps;
  const blowUpBound = positiveNumber('blowUpBound', options.blowUpBound ?? DEFAULT_BLOW_UP_BOUND);
  const saveIndices = saveAt.map((time, i) => gridIndex(`saveAt[${i}]`, time, t0, dt, steps));
  for (let i = 1; i < saveIndices.length; i++) {
    if (saveIndices[i] <= saveIndices[i - 1]) {
      throw new InvalidArgumentError(
        `saveAt[${i}]`,
        saveAt[i],
        `a time after saveAt[${i - 1}] = ${saveAt[i - 1]}`,
      );
    }
  }
  const dimension = problem.x0.length;
  const base = {
    problem: problemSpec,
    method,
    seed,
    paths,
    t0,
    t1,
    steps,
    dt,
    dimension,
    saveIndices,
    blowUpBound,
  };
  return passage === undefined ? base : { ...base, passage };
}

function stepCount(span: number, options: GridOptions): number {
  if ((options.dt === undefined) === (options.steps === undefined)) {
    throw new InvalidArgumentError(
      'dt/steps',
      { dt: options.dt, steps: options.steps },
      'exactly one of dt or steps',
    );
  }
  if (options.steps !== undefined) return integerInRange('steps', options.steps, 1, 2 ** 31 - 1);
  const dt = positiveNumber('dt', options.dt);
  const steps = Math.round(span / dt);
  if (steps < 1 || steps > 2 ** 31 - 1 || Math.abs(steps * dt - span) > GRID_TOLERANCE * span) {
    throw new InvalidArgumentError(
      'dt',
      dt,
      `a step that divides t1 - t0 = ${span} into a whole number of steps`,
      `Use dt = ${span / Math.max(1, steps)} or pass steps instead.`,
    );
  }
  return steps;
}

/** The grid index of a time that must lie on the grid t0 + k dt, 0 <= k <= steps. */
function gridIndex(argument: string, time: unknown, t0: number, dt: number, steps: number): number {
  finiteNumber(argument, time);
  const position = ((time as number) - t0) / dt;
  const index = Math.round(position);
  if (index < 0 || index > steps || Math.abs(position - index) > GRID_TOLERANCE * Math.max(1, steps)) {
    throw new InvalidArgumentError(
      argument,
      time,
      `a grid time t0 + k dt with 0 <= k <= ${steps} (t0 = ${t0}, dt = ${dt})`,
      'Choose save times that are multiples of dt from t0, or change dt.',
    );
  }
  return index;
}

/** Grid time k: t0 + k dt, and exactly t1 at the last index. */
export function gridTime(plan: EnsemblePlan, k: number): number {
  return k === plan.steps ? plan.t1 : plan.t0 + k * plan.dt;
}
