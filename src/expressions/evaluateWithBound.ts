/**
 * Evaluates a tree in floating point together with a running bound on its rounding error (Wilkinson's
 * running error analysis; Higham, Accuracy and Stability of Numerical Algorithms, section 3.3). With unit
 * roundoff u = 2^-53, each node adds its own rounding to the errors it inherits:
 *   a + b, a - b:  Ea + Eb + u|r|          a * b:  |a|Eb + |b|Ea + EaEb + u|r|
 *   a / b:         (Ea + |r|Eb) / (|b| - Eb) + u|r|   (unbounded when |b| <= Eb)
 *   f(a, ...), a ^ b: the largest change of f when each argument moves by its error, plus 4u|r|
 *                  (library functions are within one ulp, 2u|r|; the 4 leaves room for sec = 1/cos etc.)
 * Leaves: variables are exact (they are the point asked for); integers are exact; any other constant
 * carries 4u|c| (its decimal was rounded when parsed, and a coefficient may be the rounded product of a
 * few such), unless the node carries the bound of its folding (see `coefficient.ts`). The bound is first order in u and not rigorous, but it is what decides whether a computed
 * value is distinguishable from zero.
 */
import { U } from './coefficient.js';
import { type Expr, notWhitelisted } from './expr.js';
import { CONSTANTS, functionSpec } from './functions.js';

const FUNCTION_ROUNDING = 4 * U;

export interface Bounded {
  readonly value: number;
  /** Bound on |computed value - exact value|; Infinity when none could be given. */
  readonly bound: number;
}

function leaf(value: number): Bounded {
  return { value, bound: Number.isInteger(value) ? 0 : 4 * U * Math.abs(value) };
}

function finish(value: number, bound: number): Bounded {
  return { value, bound: Number.isFinite(value) && !Number.isNaN(bound) ? bound : Number.POSITIVE_INFINITY };
}

/** Largest change of f(args) when each argument in turn moves by plus or minus its bound. */
function perturbed(f: (...args: number[]) => number, args: readonly Bounded[], value: number): number {
  const values = args.map((a) => a.value);
  let total = FUNCTION_ROUNDING * Math.abs(value);
  for (let i = 0; i < args.length; i++) {
    const e = args[i].bound;
    if (e === 0) continue;
    values[i] = args[i].value + e;
    const up = Math.abs(f(...values) - value);
    values[i] = args[i].value - e;
    const down = Math.abs(f(...values) - value);
    values[i] = args[i].value;
    const change = Math.max(up, down);
    total += Number.isNaN(change) ? Number.POSITIVE_INFINITY : change;
  }
  return total;
}

/** One arithmetic operation on bounded values, with the rounding bound of the table above. */
export function arithmetic(op: '+' | '-' | '*' | '/', a: Bounded, b: Bounded): Bounded {
  switch (op) {
    case '+':
    case '-': {
      const r = op === '+' ? a.value + b.value : a.value - b.value;
      return finish(r, a.bound + b.bound + U * Math.abs(r));
    }
    case '*': {
      const r = a.value * b.value;
      return finish(
        r,
        Math.abs(a.value) * b.bound + Math.abs(b.value) * a.bound + a.bound * b.bound + U * Math.abs(r),
      );
    }
    case '/': {
      const r = a.value / b.value;
      const room = Math.abs(b.value) - b.bound;
      if (!(room > 0)) return finish(r, Number.POSITIVE_INFINITY);
      return finish(r, (a.bound + Math.abs(r) * b.bound) / room + U * Math.abs(r));
    }
  }
}

/** Value and rounding-error bound of `expr` with the variables set to `values` (by index). */
export function evaluateWithBound(expr: Expr, values: ArrayLike<number>): Bounded {
  switch (expr.kind) {
    case 'number':
      return expr.bound === undefined ? leaf(expr.value) : { value: expr.value, bound: expr.bound };
    case 'parameter':
      return leaf(expr.value);
    case 'constant': {
      const value = CONSTANTS.get(expr.name) as number;
      return { value, bound: U * value };
    }
    case 'variable':
      return { value: values[expr.index], bound: 0 };
    case 'negate': {
      const a = evaluateWithBound(expr.arg, values);
      return { value: -a.value, bound: a.bound };
    }
    case 'binary': {
      const a = evaluateWithBound(expr.left, values);
      const b = evaluateWithBound(expr.right, values);
      if (expr.op !== '^') return arithmetic(expr.op, a, b);
      const r = a.value ** b.value;
      return finish(r, perturbed(Math.pow, [a, b], r));
    }
    case 'call': {
      const spec = functionSpec(expr.name);
      if (spec === undefined) throw notWhitelisted('a function', expr.name);
      const args = expr.args.map((arg) => evaluateWithBound(arg, values));
      const r = spec.impl(...args.map((a) => a.value));
      return finish(r, perturbed(spec.impl, args, r));
    }
  }
}
