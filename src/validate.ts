/** Checks of arguments at API boundaries. Each throws InvalidArgumentError with the argument's name. */
import { InvalidArgumentError } from './errors.js';

export function finiteNumber(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(argument, value, 'a finite number');
  }
  return value;
}

/**
 * The end t1 of a time interval that starts at t0 (already checked finite): finite, after t0, and at a finite
 * distance from it, since steps divide t1 − t0 (−8e307 to 1e308 are two finite times 1.8e308 apart).
 */
export function intervalEnd(argument: string, value: unknown, t0: number): number {
  const t1 = finiteNumber(argument, value);
  if (!(t1 > t0))
    throw new InvalidArgumentError(argument, t1, `a time after t0 = ${t0}`, 'Integrate forward in time.');
  if (!Number.isFinite(t1 - t0))
    throw new InvalidArgumentError(
      argument,
      t1,
      `a time less than 1.8e308 after t0 = ${t0} (t1 − t0 overflows)`,
      'Shift or shorten the interval.',
    );
  return t1;
}

export function positiveNumber(argument: string, value: unknown, fix?: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(argument, value, 'a finite number > 0', fix);
  }
  return value;
}

export function nonNegativeNumber(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(argument, value, 'a finite number >= 0');
  }
  return value;
}

export function integerInRange(
  argument: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new InvalidArgumentError(argument, value, range);
  }
  return value;
}

/** A seed: any integer in [0, 2^32); the same seed always gives the same numbers. */
export function seedValue(argument: string, value: unknown): number {
  return integerInRange(argument, value, 0, 0xffffffff);
}

export function finiteVector(argument: string, value: unknown, length?: number): Float64Array {
  if (!Array.isArray(value) && !(value instanceof Float64Array)) {
    throw new InvalidArgumentError(argument, value, 'an array of finite numbers');
  }
  const values = value as ArrayLike<unknown>;
  if (values.length === 0)
    throw new InvalidArgumentError(argument, value, 'a non-empty array of finite numbers');
  if (length !== undefined && values.length !== length) {
    throw new InvalidArgumentError(argument, value, `an array of length ${length}`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError(`${argument}[${i}]`, v, 'a finite number');
    }
    out[i] = v;
  }
  return out;
}

export function oneOf<T extends string>(argument: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(argument, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function functionValue<F extends (...args: never[]) => unknown>(argument: string, value: unknown): F {
  if (typeof value !== 'function') throw new InvalidArgumentError(argument, value, 'a function');
  return value as F;
}
