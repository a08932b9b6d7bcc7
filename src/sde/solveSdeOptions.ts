/**
 * Options of solveSde, checked once: the uniform time grid (from dt, steps or a supplied Brownian level), the
 * grid indices at which states are saved, the path and the blow-up bound.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { finiteNumber, integerInRange, positiveNumber, seedValue } from '../validate.js';
import type { BrownianLevel } from './brownianPath.js';
import type { SdeProblem } from './types.js';

export interface SolveSdeOptions {
  /** The step; must divide t1 - t0 into a whole number of steps. Give dt, steps or brownian. */
  readonly dt?: number;
  /** The number of uniform steps over [t0, t1]. */
  readonly steps?: number;
  /** Which path of the seed to follow (default 0): path p of an ensemble replays alone. Not with brownian. */
  readonly path?: number;
  /** Defaults to problem.seed. Not with brownian, whose level carries its seed and path. */
  readonly seed?: number;
  /** Times at which to save the state; each must be a grid time t0 + k dt. */
  readonly saveAt?: readonly number[];
  /** Save every k-th step (and the last); default 1. Not together with saveAt. */
  readonly saveEvery?: number;
  /** |x_i| above this ends the solve with status 'blow-up' (default 1e100). */
  readonly blowUpBound?: number;
  /** Increments to use instead of drawing them (e.g. one level of a BrownianPath); they fix the grid. */
  readonly brownian?: BrownianLevel;
}

export interface SolvePlan {
  readonly steps: number;
  readonly dt: number;
  readonly seed: number;
  readonly path: number;
  /** Ascending grid indices of the saved states. */
  readonly saveIndices: Int32Array;
  readonly blowUpBound: number;
}

export const DEFAULT_BLOW_UP_BOUND = 1e100;
/** A time within this fraction of a step from a grid point counts as on the grid (rounding of t0 + k dt). */
const ON_GRID = 1e-9;

export function planSolve(problem: SdeProblem, m: number, options: SolveSdeOptions): SolvePlan {
  const steps = stepCount(problem, m, options);
  const dt = (problem.t1 - problem.t0) / steps;
  const saveIndices =
    options.saveAt !== undefined
      ? indicesOfTimes(options, problem.t0, dt, steps)
      : everyKth(integerInRange('saveEvery', options.saveEvery ?? 1, 1), steps);
  const level = options.brownian;
  if (level !== undefined && (options.seed !== undefined || options.path !== undefined)) {
    const received = { seed: options.seed, path: options.path };
    throw new InvalidArgumentError(
      'seed/path',
      received,
      'absent when brownian is given',
      'The level carries them.',
    );
  }
  return {
    steps,
    dt,
    seed: level?.seed ?? seedValue('seed', options.seed ?? problem.seed),
    path: level?.path ?? integerInRange('path', options.path ?? 0, 0),
    saveIndices,
    blowUpBound: positiveNumber('blowUpBound', options.blowUpBound ?? DEFAULT_BLOW_UP_BOUND),
  };
}

/** Steps of one path: an Int32 index. */
const MAX_STEPS = 2 ** 31 - 1;

function stepCount(problem: SdeProblem, m: number, options: SolveSdeOptions): number {
  const span = problem.t1 - problem.t0;
  const given = [options.dt, options.steps, options.brownian].filter((v) => v !== undefined).length;
  if (given !== 1 && !(given === 2 && options.brownian !== undefined)) {
    const received = { dt: options.dt, steps: options.steps, brownian: options.brownian !== undefined };
    throw new InvalidArgumentError('dt/steps', received, 'exactly one of dt or steps (or a brownian level)');
  }
  let steps: number;
  if (options.steps !== undefined) steps = integerInRange('steps', options.steps, 1, MAX_STEPS);
  else if (options.dt !== undefined) steps = stepsOfDt(positiveNumber('dt', options.dt), span);
  else steps = (options.brownian as BrownianLevel).steps;
  if (options.brownian !== undefined) checkLevel(options.brownian, problem, m, steps);
  return steps;
}

function stepsOfDt(dt: number, span: number): number {
  const steps = Math.round(span / dt);
  if (steps > MAX_STEPS) {
    throw new InvalidArgumentError(
      'dt',
      dt,
      `a step that divides t1 - t0 = ${span} into at most ${MAX_STEPS} steps`,
      `Use dt >= ${span / MAX_STEPS}.`,
    );
  }
  if (steps < 1 || Math.abs(steps * dt - span) > ON_GRID * dt) {
    throw new InvalidArgumentError(
      'dt',
      dt,
      `a step that divides t1 - t0 = ${span} into a whole number of steps`,
      `Use dt = ${span / Math.max(1, steps)}.`,
    );
  }
  return steps;
}

function checkLevel(level: BrownianLevel, problem: SdeProblem, m: number, steps: number): void {
  if (level.steps !== steps || level.m !== m || level.t0 !== problem.t0 || level.t1 !== problem.t1) {
    throw new DimensionMismatchError(
      `options.brownian has ${level.steps} steps of ${level.m} motion(s) on [${level.t0}, ${level.t1}], but the ` +
        `solve needs ${steps} steps of ${m} on [${problem.t0}, ${problem.t1}]; build the BrownianPath with ` +
        'brownianDim, t0 and t1 of the problem and pass its level with that many steps.',
    );
  }
}

function everyKth(k: number, steps: number): Int32Array {
  const count = Math.floor(steps / k) + (steps % k === 0 ? 1 : 2);
  const indices = new Int32Array(count);
  for (let i = 0; i < count; i++) indices[i] = Math.min(i * k, steps);
  return indices;
}

function indicesOfTimes(options: SolveSdeOptions, t0: number, dt: number, steps: number): Int32Array {
  const times = options.saveAt as readonly number[];
  if (!Array.isArray(times) || times.length === 0) {
    throw new InvalidArgumentError('saveAt', times, 'a non-empty array of grid times');
  }
  if (options.saveEvery !== undefined) {
    throw new InvalidArgumentError('saveEvery', options.saveEvery, 'absent when saveAt is given');
  }
  const indices = new Int32Array(times.length);
  times.forEach((time, i) => {
    const position = (finiteNumber(`saveAt[${i}]`, time) - t0) / dt;
    const k = Math.round(position);
    if (k < 0 || k > steps || Math.abs(position - k) > ON_GRID * Math.max(1, k)) {
      throw new InvalidArgumentError(
        `saveAt[${i}]`,
        time,
        `a grid time t0 + k dt with 0 <= k <= ${steps} (t0 = ${t0}, dt = ${dt})`,
        'Choose times that are whole multiples of dt after t0, or change dt.',
      );
    }
    if (i > 0 && k <= indices[i - 1]) {
      throw new InvalidArgumentError(`saveAt[${i}]`, time, `a time after saveAt[${i - 1}] = ${times[i - 1]}`);
    }
    indices[i] = k;
  });
  return indices;
}
