/**
 * isSmoothAt: whether an expression is smooth in one variable at a point, as far as its piecewise functions
 * go. Every call of abs, sign, min or max whose arguments depend on the variable is a possible kink; it is at
 * the point when its switching quantity (the argument of abs and sign, the gap between the two extreme
 * arguments of min and max) is zero within its rounding-error bound. Singular points of smooth functions
 * (sqrt or log at 0, tan at pi/2) are not kinks: there the derivatives come out infinite or NaN, which
 * `taylorCoefficients` reports as non-finite coefficients.
 */

import { U } from './coefficient.js';
import { type Bounded, evaluateWithBound } from './evaluateWithBound.js';
import { type Expr, exprToText } from './expr.js';
import { functionSpec } from './functions.js';
import type { ParsedExpression } from './parseExpression.js';
import { pointValues } from './pointValues.js';

export interface Kink {
  /** The piecewise function: abs, sign, min or max. */
  readonly function: string;
  /** The text of the call. */
  readonly call: string;
  /** The switching quantity at the point (argument, or gap between the two extreme arguments). */
  readonly switchValue: number;
  /** Whether the switch happens at the point (|switchValue| within its rounding-error bound). */
  readonly atPoint: boolean;
}

export interface SmoothnessReport {
  /** No kink at the point. */
  readonly smooth: boolean;
  /** Every piecewise call that depends on the variable, at the point or not. */
  readonly kinks: readonly Kink[];
}

/** The gap between the extreme argument of min / max and the nearest other one, with its bound. */
function extremeGap(name: string, args: readonly Bounded[]): Bounded {
  const sign = name === 'max' ? -1 : 1;
  const order = [...args].sort((a, b) => sign * (a.value - b.value));
  const gap = Math.abs(order[1].value - order[0].value);
  return { value: gap, bound: order[0].bound + order[1].bound + U * gap };
}

function collect(expr: Expr, index: number, values: Float64Array, out: Kink[]): boolean {
  switch (expr.kind) {
    case 'variable':
      return expr.index === index;
    case 'negate':
      return collect(expr.arg, index, values, out);
    case 'binary': {
      const left = collect(expr.left, index, values, out);
      return collect(expr.right, index, values, out) || left;
    }
    case 'call': {
      const depends = expr.args.map((arg) => collect(arg, index, values, out)).some(Boolean);
      if (depends && functionSpec(expr.name)?.smooth === false) {
        const args = expr.args.map((arg) => evaluateWithBound(arg, values));
        const s = args.length === 1 ? args[0] : extremeGap(expr.name, args);
        out.push({
          function: expr.name,
          call: exprToText(expr),
          switchValue: s.value,
          atPoint: Math.abs(s.value) <= s.bound,
        });
      }
      return depends;
    }
    default:
      return false;
  }
}

/**
 * Kinks of `parsed` in `variable` at `point`; `others` gives the values of the other variables.
 */
export function isSmoothAt(
  parsed: ParsedExpression,
  variable: string,
  point: number,
  others: Readonly<Record<string, number>> = {},
): SmoothnessReport {
  const { index, values } = pointValues(parsed, variable, point, others);
  const kinks: Kink[] = [];
  collect(parsed.tree, index, values, kinks);
  return { smooth: kinks.every((kink) => !kink.atPoint), kinks };
}
