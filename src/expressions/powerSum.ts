/**
 * powerSum: an expression as a finite sum Σ c_p x^p of powers of one variable, when its normal form is one.
 * The normal form keeps x^n with |n| > 64 and integer powers of sums as atoms (`normalForm.ts`); here such an
 * atom is read as a power again, so x^1000 − x·x^999 is seen to be 0 without evaluating anything. Atoms that
 * do not depend on any variable (pi, parameters, sqrt(2)) are folded into the coefficients with their rounding
 * bound; a like power that cancels to within its bound is dropped, as in the normal form.
 *
 * A non-integer power of c·x^q (sqrt(u) is u^0.5: both are NaN for u < 0) is a power of x only when q is
 * even, c > 0 and the result is an even power ((x^4)^0.5 = sqrt(x^4) = x^2). Otherwise it is NaN on a side of
 * 0 (x^100.5) or a multiple of |x|^e (sqrt(x^2) = |x|), and the expression is reported as 'not-smooth', naming
 * the atom. Anything else that depends on the variable (another function call, x in an exponent, a negative
 * or non-integer power of a sum, too many terms) gives undefined.
 */
import {
  addCoefficients,
  boundedCoefficient,
  type Coefficient,
  coefficient,
  coefficientBound,
  isRoundOff,
  MIN_NORMAL,
  multiplyCoefficients,
  powerCoefficient,
} from './coefficient.js';
import { evaluateWithBound } from './evaluateWithBound.js';
import { dependsOn, type Expr, exprToText } from './expr.js';
import { normalize, type Term } from './normalForm.js';
import type { ParsedExpression } from './parseExpression.js';
import { variableIndex } from './pointValues.js';

export interface PowerTerm {
  readonly power: number;
  readonly coefficient: number;
  /** Bound on the coefficient's rounding error (0 when it is exact). */
  readonly bound: number;
}

export type PowerSum =
  /** Σ c_p x^p with every c_p distinguishable from 0, by increasing p (empty for the zero expression). */
  | { readonly kind: 'sum'; readonly terms: readonly PowerTerm[] }
  /** An atom raises a power of x to a non-integer power, and is undefined on a side of 0 or not smooth there. */
  | { readonly kind: 'not-smooth'; readonly atom: string; readonly reason: string };

/** Most terms kept while expanding an integer power of a sum. */
const MAX_TERMS = 1000;
/** Largest integer power of a sum of several terms that is expanded. */
const MAX_EXPANDED_POWER = 64;

type Sum = Map<number, Coefficient>;
/** The variable: its index, the number of variables, its name. */
interface Variable {
  readonly index: number;
  readonly arity: number;
  readonly name: string;
}
class NotAPowerSum {
  constructor(
    readonly atom: string,
    readonly reason: string,
    /** NaN on a side of 0: no other term can make the sum smooth. A multiple of |x|^e could cancel. */
    readonly notReal: boolean,
  ) {}
}

function accumulate(target: Sum, power: number, c: Coefficient): void {
  const before = target.get(power);
  const sum = before === undefined ? c : addCoefficients(before, c);
  if (isRoundOff(sum)) target.delete(power);
  else target.set(power, sum);
}

function product(a: Sum, b: Sum): Sum | undefined {
  const out: Sum = new Map();
  for (const [p, c] of a) {
    for (const [q, d] of b) {
      const m = multiplyCoefficients(c, d);
      if (!usable(m)) return undefined;
      accumulate(out, p + q, m);
    }
    if (out.size > MAX_TERMS) return undefined;
  }
  return out;
}

/** A folded coefficient that kept its meaning: finite and not flushed to a subnormal. */
const usable = (c: Coefficient): boolean =>
  Number.isFinite(c.value) && (c.value === 0 || Math.abs(c.value) >= MIN_NORMAL);

function integerPower(base: Sum, n: number): Sum | undefined {
  if (base.size === 1) {
    const [[p, c]] = base;
    const raised = powerCoefficient(c, n);
    return usable(raised) ? new Map([[p * n, raised]]) : undefined;
  }
  if (n < 0 || n > MAX_EXPANDED_POWER) return undefined;
  let out: Sum | undefined = new Map([[0, coefficient(1)]]);
  for (let k = 0; k < n && out !== undefined; k++) out = product(out, base);
  return out;
}

/**
 * (c x^q)^(r·power) for a non-integer r: c^(r·power) x^e, e = q·r·power, when q is even, c > 0 and e is an even
 * integer ≥ 0 (then |x|^e = x^e); otherwise the atom is undefined on a side of 0 (q odd or c < 0) or equals
 * c^(r·power) |x|^e with a kink or a singularity at 0.
 */
function nonIntegerPower(
  atom: Expr,
  base: Sum,
  r: number,
  power: number,
  at: Variable,
): Sum | NotAPowerSum | undefined {
  if (base.size !== 1) return undefined;
  const [[q, c]] = base;
  const e = q * r * power;
  const text = exprToText(atom);
  if (q % 2 !== 0 || c.value < 0) {
    return new NotAPowerSum(
      text,
      `${text} is not real where its base is negative (a non-integer power)`,
      true,
    );
  }
  if (Number.isInteger(e) && e >= 0 && e % 2 === 0) {
    const folded = powerCoefficient(c, r * power);
    return usable(folded) ? new Map([[e, folded]]) : undefined;
  }
  return new NotAPowerSum(
    text,
    `${text} is a multiple of |${at.name}|^${e}, which is not smooth at 0`,
    false,
  );
}

/** The power sum of one atom raised to `power`, NotAPowerSum, or undefined. */
function atomSum(atom: Expr, power: number, at: Variable): Sum | NotAPowerSum | undefined {
  const { index } = at;
  if (atom.kind === 'variable' && atom.index === index) return new Map([[power, coefficient(1)]]);
  if (!Array.from({ length: at.arity }, (_, i) => dependsOn(atom, i)).some(Boolean)) {
    const { value, bound } = evaluateWithBound(atom, []);
    const c = powerCoefficient(boundedCoefficient(value, bound), power);
    return usable(c) ? new Map([[0, c]]) : undefined;
  }
  if (atom.kind === 'binary' && (atom.op === '+' || atom.op === '-')) {
    const sum = treeSum(atom, at);
    return sum === undefined || sum instanceof NotAPowerSum ? sum : integerPower(sum, power);
  }
  if (atom.kind === 'call' && atom.name === 'sqrt') {
    const radicand = treeSum(atom.args[0], at);
    if (radicand === undefined || radicand instanceof NotAPowerSum) return radicand;
    return nonIntegerPower(atom, radicand, 0.5, power, at);
  }
  if (atom.kind !== 'binary' || atom.op !== '^' || dependsOn(atom.right, index)) return undefined;
  const exponent = evaluateWithBound(atom.right, []);
  if (!Number.isFinite(exponent.value)) return undefined;
  const base = treeSum(atom.left, at);
  if (base === undefined || base instanceof NotAPowerSum) return base;
  if (!Number.isInteger(exponent.value)) return nonIntegerPower(atom, base, exponent.value, power, at);
  return exponent.bound === 0 ? integerPower(base, exponent.value * power) : undefined;
}

/** The power sum of one normalized term, NotAPowerSum, or undefined. */
function termSum(term: Term, at: Variable): Sum | NotAPowerSum | undefined {
  let sum: Sum | undefined = new Map([[0, term.coef]]);
  for (const factor of term.factors) {
    const part = atomSum(factor.atom, factor.power, at);
    if (part === undefined || part instanceof NotAPowerSum) return part;
    sum = product(sum, part);
    if (sum === undefined) return undefined;
  }
  return sum;
}

/**
 * The sum of every term's power sum. Every term is read, whatever the order they are written in: a term not real
 * on a side of 0 decides 'not-smooth'; otherwise a term that is no power sum leaves the answer undefined (it could
 * cancel a |x|^e term), and only then does a |x|^e term decide.
 */
function treeSum(tree: Expr, at: Variable): Sum | NotAPowerSum | undefined {
  const total: Sum = new Map();
  let kink: NotAPowerSum | undefined;
  let unread = false;
  for (const term of normalize(tree).values()) {
    const sum = termSum(term, at);
    if (sum instanceof NotAPowerSum) {
      if (sum.notReal) return sum;
      kink ??= sum;
    } else if (sum === undefined) unread = true;
    else for (const [p, c] of sum) accumulate(total, p, c);
    if (total.size > MAX_TERMS) return undefined;
  }
  return unread ? undefined : (kink ?? total);
}

/** `parsed` as Σ c_p x^p in `variable`; 'not-smooth' for a non-integer power that is not one; else undefined. */
export function powerSum(parsed: ParsedExpression, variable: string): PowerSum | undefined {
  const at = { index: variableIndex(parsed, variable), arity: parsed.variables.length, name: variable };
  const sum = treeSum(parsed.tree, at);
  if (sum === undefined) return undefined;
  if (sum instanceof NotAPowerSum) return { kind: 'not-smooth', atom: sum.atom, reason: sum.reason };
  const terms = [...sum]
    .sort(([p], [q]) => p - q)
    .map(([power, c]) => ({ power, coefficient: c.value, bound: coefficientBound(c) }));
  return { kind: 'sum', terms };
}
