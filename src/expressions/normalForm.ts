/**
 * A fast normal form for the trees symbolic differentiation produces: a sum of terms c * prod(atom^k), with
 * numeric coefficient c and integer powers k, like terms collected. Atoms are variables, parameters, pi, e,
 * function calls (arguments normalized), sums raised to a power or divided by, and powers with a
 * non-integer or non-constant exponent. Products are expanded, so the product rule's terms cancel and
 * collect; an integer power of a sum stays an atom (not expanded), which bounds the growth.
 *
 * Only identities valid wherever both sides are defined are used (a^j * a^k = a^(j+k) for integers, x - x = 0,
 * x / x = 1 where x != 0); a non-integer power is never merged, so sqrt(x)^2 stays sqrt(x)^2, not x.
 * Coefficients carry a rounding bound (`coefficient.ts`); one that cancels to within it is dropped, and the
 * bound travels on the number node to `evaluateWithBound`.
 * mathjs's own `simplify` does more but costs seconds on a sixth derivative; this runs in milliseconds.
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
  negateCoefficient,
  powerCoefficient,
} from './coefficient.js';
import { bin, call, type Expr, exprToText, num } from './expr.js';
import { render } from './renderPolynomial.js';

export interface Factor {
  readonly key: string;
  readonly atom: Expr;
  readonly power: number;
}
export interface Term {
  readonly coef: Coefficient;
  readonly factors: readonly Factor[];
}
export type Poly = Map<string, Term>;

/** Most terms a normalized sum may hold; past it, NormalFormLimitError. */
export const MAX_TERMS = 5000;
/** Largest integer power expanded as repeated product of a single term. */
const MAX_INTEGER_POWER = 64;

export class NormalFormLimitError extends Error {
  override readonly name = 'NormalFormLimitError';
}

const monomialKey = (factors: readonly Factor[]): string =>
  factors.map((f) => `${f.key}^${f.power}`).join('*');

function single(coef: Coefficient, factors: readonly Factor[]): Poly {
  return coef.value === 0 ? new Map() : new Map([[monomialKey(factors), { coef, factors }]]);
}

const ONE = coefficient(1);

function atomPoly(atom: Expr, power = 1): Poly {
  return single(ONE, [{ key: exprToText(atom), atom, power }]);
}

function accumulate(target: Poly, term: Term): void {
  const key = monomialKey(term.factors);
  const before = target.get(key);
  const coef = before === undefined ? term.coef : addCoefficients(before.coef, term.coef);
  if (!Number.isFinite(coef.value)) throw new NormalFormLimitError('a coefficient overflows');
  if (isRoundOff(coef)) target.delete(key);
  else target.set(key, { coef, factors: term.factors });
  if (target.size > MAX_TERMS) throw new NormalFormLimitError(`more than ${MAX_TERMS} terms`);
}

function add(p: Poly, q: Poly, sign: 1 | -1): Poly {
  const out: Poly = new Map(p);
  for (const term of q.values()) {
    accumulate(out, { coef: sign === 1 ? term.coef : negateCoefficient(term.coef), factors: term.factors });
  }
  return out;
}

function multiplyFactors(a: readonly Factor[], b: readonly Factor[]): Factor[] {
  const out: Factor[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].key < b[j].key)) out.push(a[i++]);
    else if (i >= a.length || b[j].key < a[i].key) out.push(b[j++]);
    else {
      const power = a[i].power + b[j].power;
      if (power !== 0) out.push({ key: a[i].key, atom: a[i].atom, power });
      i++;
      j++;
    }
  }
  return out;
}

/** Whether a folded coefficient kept its meaning: finite, and not flushed to zero or to a subnormal. */
const foldable = (c: number): boolean => Number.isFinite(c) && Math.abs(c) >= MIN_NORMAL;

/** A coefficient kept as a factor (when folding it would overflow or underflow). */
function numberFactor(c: Coefficient, power: number): Factor {
  const atom: Expr = { kind: 'number', value: c.value, bound: coefficientBound(c) };
  return { key: exprToText(atom), atom, power };
}

/** The term a * b; when a.coef * b.coef would overflow or underflow, b's coefficient stays a factor. */
function termProduct(a: Term, b: Term): Term {
  const coef = multiplyCoefficients(a.coef, b.coef);
  if (foldable(coef.value)) return { coef, factors: multiplyFactors(a.factors, b.factors) };
  const kept = [numberFactor(b.coef, 1)];
  return { coef: a.coef, factors: multiplyFactors(multiplyFactors(a.factors, b.factors), kept) };
}

function multiply(p: Poly, q: Poly): Poly {
  const out: Poly = new Map();
  for (const s of p.values()) {
    for (const t of q.values()) accumulate(out, termProduct(s, t));
  }
  return out;
}

function onlyTerm(p: Poly): Term | undefined {
  return p.size === 1 ? p.values().next().value : undefined;
}

/** The value of a polynomial without atoms (0 for the empty sum), or undefined. */
function constantValue(p: Poly): number | undefined {
  if (p.size === 0) return 0;
  const term = onlyTerm(p);
  return term !== undefined && term.factors.length === 0 ? term.coef.value : undefined;
}

function raise(factors: readonly Factor[], n: number): Factor[] {
  return factors.map((f) => ({ key: f.key, atom: f.atom, power: f.power * n }));
}

function integerPower(base: Poly, n: number): Poly {
  if (n === 0) return single(ONE, []);
  const term = onlyTerm(base);
  if (term !== undefined && !foldable(term.coef.value ** n)) {
    return single(ONE, multiplyFactors([numberFactor(term.coef, n)], raise(term.factors, n)));
  }
  if (term !== undefined) return single(powerCoefficient(term.coef, n), raise(term.factors, n));
  if (base.size === 0) return n > 0 ? new Map() : atomPoly(bin('^', num(0), num(n)));
  return atomPoly(render(base), n);
}

function divide(p: Poly, q: Poly): Poly {
  if (q.size === 0) return atomPoly(bin('/', render(p), num(0)));
  return multiply(p, integerPower(q, -1));
}

function power(expr: Expr & { kind: 'binary' }): Poly {
  const base = normalize(expr.left);
  const exponent = normalize(expr.right);
  const n = constantValue(exponent);
  if (n !== undefined && Number.isInteger(n) && Math.abs(n) <= MAX_INTEGER_POWER)
    return integerPower(base, n);
  return atomPoly(bin('^', render(base), render(exponent)));
}

export function normalize(expr: Expr): Poly {
  switch (expr.kind) {
    case 'number':
      return single(
        expr.bound === undefined ? coefficient(expr.value) : boundedCoefficient(expr.value, expr.bound),
        [],
      );
    case 'variable':
    case 'parameter':
    case 'constant':
      return atomPoly(expr);
    case 'negate':
      return add(new Map(), normalize(expr.arg), -1);
    case 'call':
      return atomPoly(call(expr.name, ...expr.args.map((arg) => render(normalize(arg)))));
    case 'binary':
      switch (expr.op) {
        case '+':
        case '-':
          return add(normalize(expr.left), normalize(expr.right), expr.op === '+' ? 1 : -1);
        case '*':
          return multiply(normalize(expr.left), normalize(expr.right));
        case '/':
          return divide(normalize(expr.left), normalize(expr.right));
        case '^':
          return power(expr);
      }
  }
}

/** normalize then render: the simplified tree. */
export function simplifyTree(expr: Expr): Expr {
  return render(normalize(expr));
}
