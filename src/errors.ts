/**
 * Named errors for invalid input. Every message states what was received, what is allowed and how to fix it,
 * so the command line can print it as one line. Numerical trouble is never thrown: it is a status on a solution.
 */

/** Base class of every error caused by the caller's input; the CLI prints its message and exits 2. */
export class SaddlecheckError extends Error {
  override readonly name: string = 'SaddlecheckError';
}

/** Formats a received value for a message: numbers keep their sign and specials, strings are quoted. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (ArrayBuffer.isView(value))
    return `a typed array of length ${(value as unknown as ArrayLike<number>).length}`;
  if (Array.isArray(value))
    return value.length > 6 ? `an array of length ${value.length}` : JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** An argument outside its allowed set: `argument` names it, `allowed` describes the set, `fix` the remedy. */
export class InvalidArgumentError extends SaddlecheckError {
  override readonly name: string = 'InvalidArgumentError';
  constructor(
    readonly argument: string,
    readonly received: unknown,
    readonly allowed: string,
    readonly fix?: string,
  ) {
    super(`${argument} must be ${allowed}; received ${describeValue(received)}.${fix ? ` ${fix}` : ''}`);
  }
}

/** Two or more arguments whose sizes or shapes disagree with each other. */
export class DimensionMismatchError extends SaddlecheckError {
  override readonly name: string = 'DimensionMismatchError';
}

/** A method asked to solve a problem it does not support (noise kind, interpretation, ...). */
export class UnsupportedProblemError extends SaddlecheckError {
  override readonly name: string = 'UnsupportedProblemError';
}
