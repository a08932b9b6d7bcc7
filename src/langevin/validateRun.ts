/** Checks made once at the boundary of every Langevin integrator: the time span, seed, options and callbacks. */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import {
  finiteNumber,
  functionValue,
  integerInRange,
  intervalEnd,
  positiveNumber,
  seedValue,
} from '../validate.js';
import { type StepGrid, stepGrid } from './pathRecorder.js';
import type { LangevinOptions } from './types.js';

export interface RunSettings {
  readonly grid: StepGrid;
  readonly seed: number;
  readonly path: number;
  readonly saveEvery: number;
  readonly saveFrom: number;
  readonly blowUpBound: number;
}

export const DEFAULT_BLOW_UP_BOUND = 1e12;

/** Validates the span [t0, t1], the seed and the options; returns the run's grid and settings. */
export function validateRun(
  span: { readonly t0: number; readonly t1: number; readonly seed: number },
  options: LangevinOptions,
): RunSettings {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object with at least { dt }');
  }
  const t0 = finiteNumber('t0', span.t0);
  const t1 = intervalEnd('t1', span.t1, t0);
  const seed = seedValue('seed', span.seed);
  const dt = positiveNumber(
    'dt',
    options.dt,
    'Pass a step dt > 0, small against the fastest relaxation time.',
  );
  const path = integerInRange('path', options.path ?? 0, 0);
  const saveEvery = integerInRange('saveEvery', options.saveEvery ?? 1, 1);
  const saveFrom = options.saveFrom === undefined ? t0 : finiteNumber('saveFrom', options.saveFrom);
  const blowUpBound = positiveNumber('blowUpBound', options.blowUpBound ?? DEFAULT_BLOW_UP_BOUND);
  return { grid: stepGrid(t0, t1, dt), seed, path, saveEvery, saveFrom, blowUpBound };
}

/**
 * Calls `field(x0, out)` once on a NaN-filled buffer of `length` entries and checks that every entry was
 * written with a finite number: a field that writes too few entries, or is already singular at x0, is refused.
 */
export function probeField(
  argument: string,
  field: unknown,
  x0: Float64Array,
  length: number,
  shape: string,
): Float64Array {
  const f = functionValue<(x: Float64Array, out: Float64Array) => void>(argument, field);
  const out = new Float64Array(length).fill(Number.NaN);
  f(Float64Array.from(x0), out);
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new InvalidArgumentError(
        `${argument}(x0)[${i}]`,
        out[i],
        `a finite number (the field must write all ${length} entries of ${shape})`,
        'Write every entry of `out`, and start from a state where the field is defined.',
      );
    }
  }
  return out;
}

/** Refuses a matrix that is not symmetric to rounding (only its lower triangle would be used). */
export function checkSymmetric(argument: string, a: Float64Array, d: number): void {
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale = Math.max(scale, Math.abs(a[i]));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const gap = Math.abs(a[i * d + j] - a[j * d + i]);
      // 16 ulps of the largest entry: the asymmetry that rounding in a formula for A(x) can produce.
      if (gap > 16 * 2 ** -52 * scale) {
        throw new InvalidArgumentError(
          `${argument}(x0)`,
          `entries [${i}][${j}] = ${a[i * d + j]} and [${j}][${i}] = ${a[j * d + i]}`,
          'a symmetric matrix',
          'Write A(x) symmetric: the integrator factors its lower triangle.',
        );
      }
    }
  }
}

/** Throws DimensionMismatchError when a vector's length differs from the dimension d. */
export function checkLength(argument: string, vector: Float64Array, d: number, reference: string): void {
  if (vector.length !== d) {
    throw new DimensionMismatchError(
      `${argument} has length ${vector.length} but ${reference} has length ${d}; give both the same dimension.`,
    );
  }
}
