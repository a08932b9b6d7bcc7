/**
 * taylorCoefficients: c_k = f^(k)(p) / k! for k = 0..order, by repeated symbolic differentiation and
 * evaluation at the point.
 *
 * Round-off must not fake a nonzero coefficient (an activation's class is read off the first nonzero one).
 * Two rules, in order:
 * 1. Exact: when the simplified k-th derivative is the number 0 (the normal form cancelled it), c_k = 0.
 * 2. Numerical: each derivative is evaluated with a running bound E_k on its rounding error (see
 *    `evaluateWithBound.ts`: the bound grows with the magnitude of the terms summed, not of their sum).
 *    When |f^(k)(p)| <= E_k the value cannot be told from zero and c_k is set to exactly 0.
 * The bounds are returned alongside (divided by k!), so a caller can see how close each call was.
 * A non-finite derivative (a singular point such as sqrt at 0) is returned as it is, with bound Infinity.
 */
import { integerInRange } from '../validate.js';
import { derivativeTree } from './differentiate.js';
import { evaluateWithBound } from './evaluateWithBound.js';
import type { Expr } from './expr.js';
import { isSmoothAt, type SmoothnessReport } from './isSmoothAt.js';
import { type ParsedExpression, scopeOf } from './parseExpression.js';
import { pointValues } from './pointValues.js';

/** Highest order accepted: beyond it the derivatives' size and the factorials stop being useful. */
export const MAX_TAYLOR_ORDER = 12;
const DERIVATIVE_DEPTH = 2000;

export interface TaylorExpansion {
  readonly variable: string;
  readonly point: number;
  /** c_0 .. c_order; exactly 0 where the value could not be told from zero. */
  readonly coefficients: Float64Array;
  /** Rounding-error bound of each coefficient (0 for exact zeros of rule 1). */
  readonly errorBounds: Float64Array;
  /** Kinks of abs, sign, min, max: at a kink the coefficients describe neither side. */
  readonly smoothness: SmoothnessReport;
}

export function taylorCoefficients(
  parsed: ParsedExpression,
  variable: string,
  point: number,
  order: number,
  others: Readonly<Record<string, number>> = {},
): TaylorExpansion {
  const { index, values } = pointValues(parsed, variable, point, others);
  integerInRange('order', order, 0, MAX_TAYLOR_ORDER);
  const scope = scopeOf(parsed, parsed.text, DERIVATIVE_DEPTH);
  const coefficients = new Float64Array(order + 1);
  const errorBounds = new Float64Array(order + 1);
  let tree: Expr = parsed.tree;
  let factorial = 1;
  for (let k = 0; k <= order; k++) {
    if (k > 0) {
      tree = derivativeTree(tree, index, scope);
      factorial *= k;
    }
    if (tree.kind === 'number' && tree.value === 0) continue;
    const { value, bound } = evaluateWithBound(tree, values);
    errorBounds[k] = bound / factorial;
    coefficients[k] = Number.isFinite(bound) && Math.abs(value) <= bound ? 0 : value / factorial;
  }
  return {
    variable,
    point,
    coefficients,
    errorBounds,
    smoothness: isSmoothAt(parsed, variable, point, others),
  };
}
