/**
 * Prints a normal-form polynomial back as a tree: terms in a fixed order (so equal sums print alike), each
 * as |c| * numerator / denominator with its sign folded into the sum, and the sum balanced so that n terms
 * nest only log2(n) deep. A coefficient node carries the rounding bound of its folding.
 */
import { coefficientBound } from './coefficient.js';
import { bin, type Expr, neg, num } from './expr.js';
import type { Factor, Poly, Term } from './normalForm.js';

function factorExpr(factor: Factor, power: number): Expr {
  return power === 1 ? factor.atom : bin('^', factor.atom, num(power));
}

function product(parts: Expr[]): Expr | undefined {
  return parts.length === 0 ? undefined : parts.reduce((acc, part) => bin('*', acc, part));
}

/** |coef| * numerator / denominator, without the sign; the coefficient node carries its rounding bound. */
function termMagnitude(term: Term): Expr {
  const bound = coefficientBound(term.coef);
  const magnitude: Expr = {
    kind: 'number',
    value: Math.abs(term.coef.value),
    ...(bound > 0 ? { bound } : {}),
  };
  const upper = product(term.factors.filter((f) => f.power > 0).map((f) => factorExpr(f, f.power)));
  const lower = product(term.factors.filter((f) => f.power < 0).map((f) => factorExpr(f, -f.power)));
  const unit = magnitude.value === 1 && bound === 0;
  let out = upper === undefined ? magnitude : unit ? upper : bin('*', magnitude, upper);
  if (lower !== undefined) out = bin('/', out, lower);
  return out;
}

/** Joins signed terms as a balanced tree, so a sum of n terms nests log2(n) deep. */
function balancedSum(terms: readonly Term[], from: number, to: number): Expr {
  if (to - from === 1)
    return terms[from].coef.value < 0 ? neg(termMagnitude(terms[from])) : termMagnitude(terms[from]);
  const middle = (from + to) >>> 1;
  const left = balancedSum(terms, from, middle);
  const right = balancedSum(terms, middle, to);
  return right.kind === 'negate' ? bin('-', left, right.arg) : bin('+', left, right);
}

/** The normal form as a tree, terms in a fixed order so equal sums print alike. */
export function render(p: Poly): Expr {
  if (p.size === 0) return num(0);
  const keys = [...p.keys()].sort();
  return balancedSum(
    keys.map((key) => p.get(key) as Term),
    0,
    keys.length,
  );
}
