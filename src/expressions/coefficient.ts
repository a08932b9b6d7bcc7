/**
 * Numeric coefficients folded by the normal form, with a record of how much rounding they may carry.
 * `mass` is the sum of the magnitudes that went into the value (|a| + |b| for a sum, |a||b| for a product);
 * each contribution carries at most 4u of relative error (u = 2^-53: a decimal rounded when parsed, and the
 * rounding of a few folds), so |value - exact| <= 4u * mass. Integers below 2^53 combined by integer
 * operations are exact. A sum that cancels to within its bound is round-off, not a coefficient.
 */

/** Unit roundoff of doubles. */
export const U = 2 ** -53;
/** Smallest normal double: below it a value has lost relative precision (or is 0 from underflow). */
export const MIN_NORMAL = 2 ** -1022;
const RELATIVE = 4 * U;

export interface Coefficient {
  readonly value: number;
  readonly mass: number;
  readonly exact: boolean;
}

const isExactInteger = (v: number): boolean => Number.isInteger(v) && Math.abs(v) <= 2 ** 53;

export function coefficient(value: number): Coefficient {
  return { value, mass: Math.abs(value), exact: isExactInteger(value) };
}

/** A coefficient read back from a number node that carries the bound of its earlier folding. */
export function boundedCoefficient(value: number, bound: number): Coefficient {
  return {
    value,
    mass: Math.max(Math.abs(value), bound / RELATIVE),
    exact: bound === 0 && isExactInteger(value),
  };
}

export function negateCoefficient(c: Coefficient): Coefficient {
  return { value: -c.value, mass: c.mass, exact: c.exact };
}

export function addCoefficients(a: Coefficient, b: Coefficient): Coefficient {
  const value = a.value + b.value;
  return { value, mass: a.mass + b.mass, exact: a.exact && b.exact && isExactInteger(value) };
}

export function multiplyCoefficients(a: Coefficient, b: Coefficient): Coefficient {
  const value = a.value * b.value;
  return { value, mass: a.mass * b.mass, exact: a.exact && b.exact && isExactInteger(value) };
}

/** c^n for an integer n: the relative error grows by |n| (and one rounding). */
export function powerCoefficient(c: Coefficient, n: number): Coefficient {
  const value = c.value ** n;
  const relative = c.value === 0 ? 0 : c.mass / Math.abs(c.value);
  const exact = c.exact && (n >= 0 || Math.abs(c.value) === 1) && isExactInteger(value);
  return { value, mass: Math.abs(value) * (1 + Math.abs(n) * relative), exact };
}

/** Whether the value is zero or cannot be told from zero by its bound. */
export function isRoundOff(c: Coefficient): boolean {
  return c.value === 0 || (!c.exact && Math.abs(c.value) <= RELATIVE * c.mass);
}

/** Bound on |value - exact value|. */
export function coefficientBound(c: Coefficient): number {
  return c.exact ? 0 : RELATIVE * c.mass;
}
