/**
 * Plateaus of a loss curve, found on the log-time axis.
 *
 * Saddle-to-saddle dynamics spend ever longer times near each saddle (plateau k of a depth-L linear network
 * lasts ~ε^{−(L−2)}/s_k, or ln(1/ε)/s_k for L = 2) and leave it in a drop of O(1) duration. So the natural unit
 * of a plateau's length is a factor in time, not a time difference. The rule, with r = √minRatio:
 *
 *   1. A saved point t_k is flat when the loss moves by at most `band`·ℒ_scale over the window [t_k/r, t_k·r]
 *      (max − min of the saved losses in it), ℒ_scale being the largest loss of the curve — an absolute band on
 *      the curve's own scale, so that the last plateau (at ½Σ_{j>r} s_j², possibly 0) is found as readily as
 *      the first. The point t = 0 is flat (its window is itself).
 *   2. A plateau is a maximal run of at least `minPoints` consecutive flat points. It covers the union of their
 *      windows: from the first saved time in the first point's window to the last in the last point's, so it
 *      lasts at least a factor minRatio in time (when the save grid resolves it).
 *
 * Flatness is a property of each point, so a slow drift is not cut into a chain of short plateaus, and a drop
 * (the loss moving by more than the band within a factor r of time) separates two plateaus. On a log axis every
 * curve is flat as t → 0: the first plateau always starts at 0 and lasts until the loss first moves by the
 * band within a factor r of time. A plateau's level is the median loss over the saved points it covers; start
 * and end are saved times, so their accuracy is the save grid's.
 */

import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate.js';
import { median } from './orderStatistics.js';

export interface PlateauOptions {
  /** Full width of a flat run's band, as a fraction of the curve's largest loss (default 0.005). */
  readonly band?: number;
  /** Least factor t_end/t_start of a plateau, and the width of the flatness window (default 1.5). */
  readonly minRatio?: number;
  /** Least number of saved points in a plateau (default 3). */
  readonly minPoints?: number;
}

export interface Plateau {
  /** Median loss over the plateau's points. */
  readonly level: number;
  readonly start: number;
  readonly end: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly min: number;
  readonly max: number;
}

export function detectPlateaus(t: unknown, loss: unknown, options: PlateauOptions = {}): Plateau[] {
  const times = finiteVector('t', t);
  const values = finiteVector('loss', loss);
  if (times.length !== values.length) {
    throw new DimensionMismatchError(
      `detectPlateaus: ${times.length} times but ${values.length} losses. Give one loss per saved time.`,
    );
  }
  for (let k = 0; k < times.length; k++) {
    if (times[k] < 0 || (k > 0 && times[k] < times[k - 1])) {
      throw new InvalidArgumentError(`t[${k}]`, times[k], 'a time >= 0, not before the previous one');
    }
  }
  const band = positiveNumber('band', options.band ?? 0.005) * Math.max(...values.map(Math.abs));
  const minRatio = positiveNumber('minRatio', options.minRatio ?? 1.5);
  const minPoints = integerInRange('minPoints', options.minPoints ?? 3, 2);
  const { flat, lo, hi } = flatWindows(times, values, band, Math.sqrt(minRatio));
  const plateaus: Plateau[] = [];
  for (let i = 0; i < times.length; ) {
    if (!flat[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < times.length && flat[j + 1]) j++;
    if (j - i + 1 >= minPoints) plateaus.push(plateauOf(times, values, lo[i], hi[j]));
    i = j + 1;
  }
  return plateaus;
}

/**
 * For each point k, the index range [lo_k, hi_k] of the saved times in [t_k/r, t_k·r], and whether the losses
 * there span at most `band`.
 */
function flatWindows(times: Float64Array, values: Float64Array, band: number, r: number) {
  const n = times.length;
  const flat = new Uint8Array(n);
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  let a = 0;
  let b = 0;
  for (let k = 0; k < n; k++) {
    while (times[a] < times[k] / r) a++;
    b = Math.max(b, k);
    while (b + 1 < n && times[b + 1] <= times[k] * r) b++;
    let min = values[a];
    let max = values[a];
    for (let m = a + 1; m <= b; m++) {
      min = Math.min(min, values[m]);
      max = Math.max(max, values[m]);
    }
    [flat[k], lo[k], hi[k]] = [max - min <= band ? 1 : 0, a, b];
  }
  return { flat, lo, hi };
}

function plateauOf(times: Float64Array, values: Float64Array, i: number, j: number): Plateau {
  const run = values.subarray(i, j + 1);
  return {
    level: median(run),
    start: times[i],
    end: times[j],
    startIndex: i,
    endIndex: j,
    min: Math.min(...run),
    max: Math.max(...run),
  };
}

/** The loss levels ½ Σ_{j>k} s_j² of the saddles k = 0..r of a linear network learning W* (plus a floor). */
export function saddleLossLevels(singularValues: readonly number[] | Float64Array, floor = 0): number[] {
  const s = finiteVector('singularValues', singularValues);
  const levels: number[] = [];
  for (let k = 0; k <= s.length; k++) {
    let sum = 0;
    for (let j = k; j < s.length; j++) sum += s[j] * s[j];
    levels.push(0.5 * sum + floor);
  }
  return levels;
}
