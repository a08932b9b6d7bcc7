/**
 * solveSde(problem, method, options): one path on a uniform grid. The increments come from the path's random
 * streams (`path` option, so any path of an ensemble replays alone) or from a supplied Brownian level. Trouble
 * is a status with the time reached, never an exception: a state that turns NaN or infinite ends the solve
 * with 'non-finite', one beyond `blowUpBound` with 'blow-up', and xEnd is the last state that was neither.
 */
import { outcome, type SolveOutcome } from '../solution.js';
import { type BrownianSource, GridIncrements, StreamIncrements } from './brownianIncrements.js';
import { brownianDimension, validateSdeProblem } from './sdeProblem.js';
import { planSolve, type SolvePlan, type SolveSdeOptions } from './solveSdeOptions.js';
import type { SdeMethod, SdeProblem, SdeStepper } from './types.js';

export interface SdeSolution extends SolveOutcome {
  /** The saved times (a prefix of the planned ones when the solve stopped early). */
  readonly t: Float64Array;
  /** The saved states, row-major: state k is x[k * dimension .. (k + 1) * dimension). */
  readonly x: Float64Array;
  readonly dimension: number;
  /** The state at tReached. */
  readonly xEnd: Float64Array;
  /** Steps completed. */
  readonly steps: number;
  readonly seed: number;
  readonly path: number;
}

export function solveSde(problem: SdeProblem, method: SdeMethod, options: SolveSdeOptions): SdeSolution {
  validateSdeProblem(problem);
  const m = brownianDimension(problem);
  const plan = planSolve(problem, m, options);
  const stepper = method.createStepper(problem);
  const level = options.brownian;
  const source =
    level === undefined
      ? new StreamIncrements(m, plan.seed, plan.path)
      : new GridIncrements(m, level.dW, level.dZ);
  return integrate(problem, stepper, source, m, method.needsTimeIntegral, plan);
}

function integrate(
  problem: SdeProblem,
  stepper: SdeStepper,
  source: BrownianSource,
  m: number,
  needsZ: boolean,
  plan: SolvePlan,
): SdeSolution {
  const { t0, t1 } = problem;
  const { steps, dt, saveIndices, blowUpBound } = plan;
  const d = problem.x0.length;
  const x = Float64Array.from(problem.x0);
  const previous = Float64Array.from(problem.x0);
  const dW = new Float64Array(m);
  const dZ = needsZ ? new Float64Array(m) : undefined;
  const savedT = new Float64Array(saveIndices.length);
  const savedX = new Float64Array(saveIndices.length * d);
  let saved = 0;
  if (saveIndices[0] === 0) {
    savedT[saved] = t0;
    savedX.set(x, d * saved++);
  }
  let k = 0;
  let bad = -1;
  for (; k < steps; k++) {
    const t = t0 + k * dt;
    for (let i = 0; i < d; i++) previous[i] = x[i];
    source.next(dt, dW, dZ);
    stepper.step(t, x, dt, dW, dZ);
    for (let i = 0; i < d; i++) {
      const v = x[i];
      if (!(v <= blowUpBound && v >= -blowUpBound)) bad = i;
    }
    if (bad >= 0) break;
    if (k + 1 === saveIndices[saved]) {
      savedT[saved] = k + 1 === steps ? t1 : t0 + (k + 1) * dt;
      savedX.set(x, d * saved++);
    }
  }
  const tReached = k === steps ? t1 : t0 + k * dt;
  const result = bad < 0 ? outcome('success', tReached) : failure(x, bad, k, tReached, d, blowUpBound);
  return {
    ...result,
    t: savedT.slice(0, saved),
    x: savedX.slice(0, saved * d),
    dimension: d,
    xEnd: bad < 0 ? x : previous,
    steps: k,
    seed: plan.seed,
    path: plan.path,
  };
}

/** 'non-finite' if any component is NaN or infinite, else 'blow-up'; the detail names the component. */
function failure(
  x: Float64Array,
  i: number,
  k: number,
  tReached: number,
  d: number,
  bound: number,
): SolveOutcome {
  const nonFinite = x.findIndex((v) => !Number.isFinite(v));
  const j = nonFinite >= 0 ? nonFinite : i;
  const where = `x[${j}] became ${x[j]} on the step from t = ${tReached}.`;
  if (nonFinite < 0) return outcome('blow-up', tReached, `${where} (blowUpBound = ${bound})`);
  const hint =
    k === 0 && Number.isNaN(x[nonFinite])
      ? ` On the first step this often means drift or diffusion writes fewer or more than d = ${d} components.`
      : '';
  return outcome('non-finite', tReached, where + hint);
}
