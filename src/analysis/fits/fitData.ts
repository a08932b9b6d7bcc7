/**
 * Validation of (x, y) data for the fits, once at the boundary: equal lengths, finite values, enough points,
 * at least two distinct x, and positivity wherever the model takes a logarithm. Every problem is a named
 * error that quotes the offending index; nothing is dropped silently.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../../errors.js';
import { finiteVector } from '../../validate.js';

export interface FitDataRules {
  /** The model takes ln x. */
  positiveX: boolean;
  /** The model takes ln y. */
  positiveY: boolean;
  /** Fewest points for the fit and its interval. */
  minPoints: number;
  /** Name of the model, for messages. */
  model: string;
}

function requirePositive(name: string, values: Float64Array, model: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] > 0)) {
      throw new InvalidArgumentError(
        `${name}[${i}]`,
        values[i],
        'a number > 0',
        `The ${model} fit takes logarithms of ${name}; remove or shift non-positive points deliberately.`,
      );
    }
  }
}

export function fitData(x: unknown, y: unknown, rules: FitDataRules): { x: Float64Array; y: Float64Array } {
  const xs = finiteVector('x', x);
  const ys = finiteVector('y', y);
  if (xs.length !== ys.length) {
    throw new DimensionMismatchError(
      `x and y must have the same length; received ${xs.length} and ${ys.length} points. Pair every x with one y.`,
    );
  }
  if (xs.length < rules.minPoints) {
    throw new InvalidArgumentError(
      'x',
      x,
      `at least ${rules.minPoints} points for a ${rules.model} fit with an interval`,
      'Add points.',
    );
  }
  if (rules.positiveX) requirePositive('x', xs, rules.model);
  if (rules.positiveY) requirePositive('y', ys, rules.model);
  if (xs.every((v) => v === xs[0])) {
    throw new InvalidArgumentError('x', x, 'at least two distinct values', 'A slope needs x to vary.');
  }
  return { x: xs, y: ys };
}
