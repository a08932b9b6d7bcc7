/**
 * Without label noise the per-mode SDE has no noise at the learned point u = s, and the ensemble collapses onto
 * it (THEORY.md §2). Near s, e = u − s follows the linearized SDE de = −λe dt + κ|e| dW with λ = L s^{2−2/L}
 * and κ = √(2η/B) L s^{2−2/L}, so ln|e| is a Brownian motion with drift −(λ + κ²/2): the collapse is
 * exponential at the rate λ + κ²/2 = L s^{2−2/L}(1 + (η/B) L s^{2−2/L}) for every path (a Lyapunov exponent),
 * and the spread of the ensemble goes to zero.
 *
 * Measurement: an Euler–Maruyama ensemble of the per-layer SDE from a(0) = ε, saved on a grid; for each path
 * the first save τ at which |u − s| < `entry` (a stopping time, so by the strong Markov property what follows is
 * a fresh start there) and the increment of ln|u − s| over a fixed span Δ after it. The mean increment over Δ
 * estimates the exponent; paths that never enter, or whose window runs past the end, are counted as censored.
 */
import { momentEstimate } from '../analysis/jointComparison.js';
import { runEnsemble } from '../sde/ensemble.js';
import { integerInRange, positiveNumber, seedValue } from '../validate.js';
import { integerPower, perModeParameters } from './perModeSde.js';
import { PER_MODE_EULER_SPEC } from './perModeSdeMethod.js';
import { perModeSdeSpec } from './perModeSdeProblem.js';

export interface CollapseSetting {
  readonly depth: number;
  readonly s: number;
  readonly lr: number;
  readonly batch: number;
  /** Initial per-layer scale. */
  readonly eps: number;
  /** |u − s| below which the exponential regime is taken to have begun. */
  readonly entry: number;
  /** The span over which each path's increment of ln|u − s| is taken. */
  readonly span: number;
  /** The end of the simulation. */
  readonly t1: number;
}

/** λ + κ²/2 = L s^{2−2/L}(1 + (η/B) L s^{2−2/L}): the exponential rate of collapse. */
export function collapseRate(setting: { depth: number; s: number; lr: number; batch: number }): number {
  const p = perModeParameters({ ...setting, labelNoise: 0 });
  const lambda = p.depth * p.s ** (2 - 2 / p.depth);
  return lambda * (1 + (p.lr / p.batch) * lambda);
}

export interface CollapseMeasurement {
  /** Per-path rates −Δ ln|u − s| / Δ of the paths with a complete window. */
  readonly rates: Float64Array;
  readonly mean: number;
  readonly standardError: number;
  readonly censored: number;
  /** Largest |u − s| over the paths at t1, and the ensemble's mean of u there. */
  readonly finalSpread: number;
  readonly finalMean: number;
}

export async function measureCollapse(
  setting: CollapseSetting,
  run: { paths: number; dt: number; seed: number },
): Promise<CollapseMeasurement> {
  const p = perModeParameters({ ...setting, labelNoise: 0 });
  const entry = positiveNumber('entry', setting.entry);
  const span = positiveNumber('span', setting.span);
  const saveDt = span / 40;
  const saves = Math.floor(positiveNumber('t1', setting.t1) / saveDt);
  const t1 = saves * saveDt;
  // Whole steps between saves, each no longer than the requested dt.
  const steps = saves * Math.ceil(saveDt / positiveNumber('dt', run.dt));
  const saveAt = Array.from({ length: saves + 1 }, (_, j) => j * saveDt);
  const spec = perModeSdeSpec('per-layer', { ...p, x0: setting.eps, t1, seed: seedValue('seed', run.seed) });
  const paths = integerInRange('paths', run.paths, 4);
  const ensemble = await runEnsemble(spec, {
    method: PER_MODE_EULER_SPEC,
    paths,
    steps,
    saveAt,
    statistics: false,
  });
  const rates: number[] = [];
  let censored = 0;
  let finalSpread = 0;
  let finalSum = 0;
  for (let path = 0; path < paths; path++) {
    const error = (j: number) => integerPower(ensemble.saved[path * saveAt.length + j], p.depth) - p.s;
    const start = saveAt.findIndex((_, j) => Math.abs(error(j)) < entry);
    const end = start + 40;
    if (start < 0 || end >= saveAt.length || ensemble.status[path] !== 0) censored++;
    else rates.push(-(Math.log(Math.abs(error(end))) - Math.log(Math.abs(error(start)))) / span);
    finalSpread = Math.max(finalSpread, Math.abs(error(saves)));
    finalSum += error(saves) + p.s;
  }
  const estimate = momentEstimate(rates);
  return {
    rates: Float64Array.from(rates),
    mean: estimate.mean,
    standardError: estimate.meanError,
    censored,
    finalSpread,
    finalMean: finalSum / paths,
  };
}
