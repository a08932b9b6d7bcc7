/** The values of every variable at a point: the one varied, plus fixed values for the others. */
import { InvalidArgumentError } from '../errors.js';
import { finiteNumber } from '../validate.js';
import type { ParsedExpression } from './parseExpression.js';

export interface PointValues {
  /** Index of the varied variable. */
  readonly index: number;
  /** All variables' values, by index. */
  readonly values: Float64Array;
}

/** The index of `variable` among the declared variables; InvalidArgumentError when it is not one. */
export function variableIndex(parsed: ParsedExpression, variable: unknown): number {
  const index = parsed.variables.indexOf(variable as string);
  if (index < 0) {
    const declared = parsed.variables.join(', ') || 'none';
    throw new InvalidArgumentError('variable', variable, `one of the declared variables (${declared})`);
  }
  return index;
}

export function pointValues(
  parsed: ParsedExpression,
  variable: string,
  point: number,
  others: Readonly<Record<string, number>>,
): PointValues {
  const index = parsed.variables.indexOf(variable);
  if (index < 0) {
    throw new InvalidArgumentError(
      'variable',
      variable,
      `one of the declared variables (${parsed.variables.join(', ') || 'none'})`,
    );
  }
  const values = new Float64Array(parsed.variables.length);
  values[index] = finiteNumber('point', point);
  parsed.variables.forEach((name, i) => {
    if (i === index) return;
    if (typeof others !== 'object' || others === null || !Object.hasOwn(others, name)) {
      throw new InvalidArgumentError(
        `others.${name}`,
        undefined,
        'a finite number',
        `Give the value of '${name}' at the point.`,
      );
    }
    values[i] = finiteNumber(`others.${name}`, others[name]);
  });
  return { index, values };
}
