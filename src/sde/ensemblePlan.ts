/**
 * The validated description of an ensemble run: plain data that the main thread sends to every worker, so that
 * each thread rebuilds the same problem and method and walks the same uniform time grid.
 */
import { InvalidArgumentError } from '../errors.js';
import { integerInRange, intervalEnd } from '../validate.js';
import { type FactorySpec, type ProblemSpec, validateFactorySpec } from './ensembleSpec.js';
import { brownianDimension } from './sdeProblem.js';
import { planSolve } from './solveSdeOptions.js';
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

/**
 * Checks the options against the problem and fixes the grid. The grid, seed, save indices and blow-up bound
 * follow solveSde's rules exactly (planSolve), so path p of an ensemble is the solveSde path `path: p`.
 */
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
  if (!Array.isArray(saveAt)) throw new InvalidArgumentError('saveAt', saveAt, 'an array of grid times');
  const t1 = intervalEnd('t1', options.t1 ?? problem.t1, problem.t0);
  const grid = planSolve({ ...problem, t1 }, brownianDimension(problem), {
    dt: options.dt,
    steps: options.steps,
    seed: options.seed,
    blowUpBound: options.blowUpBound,
    saveAt: saveAt.length > 0 ? saveAt : undefined,
  });
  const base = {
    problem: problemSpec,
    method,
    seed: grid.seed,
    paths,
    t0: problem.t0,
    t1,
    steps: grid.steps,
    dt: grid.dt,
    dimension: problem.x0.length,
    saveIndices: saveAt.length > 0 ? Array.from(grid.saveIndices) : [],
    blowUpBound: grid.blowUpBound,
  };
  return passage === undefined ? base : { ...base, passage };
}

/** Grid time k: t0 + k dt, and exactly t1 at the last index. */
export function gridTime(plan: EnsemblePlan, k: number): number {
  return k === plan.steps ? plan.t1 : plan.t0 + k * plan.dt;
}
