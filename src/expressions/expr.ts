/**
 * The whitelisted expression tree. Parsing turns mathjs's syntax tree into this small closed union, and
 * everything downstream (code generation, derivatives, evaluation with error bounds) works on it alone, so
 * nothing outside the whitelist can reach them: a variable is an index into the declared list, a parameter
 * carries its numeric value, a function is a name from the whitelist table.
 */
import { InvalidArgumentError } from '../errors.js';
import type { FunctionName } from './functions.js';

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type Expr =
  /** `bound`, when present, bounds the rounding the value already carries (a folded coefficient). */
  | { readonly kind: 'number'; readonly value: number; readonly bound?: number }
  | { readonly kind: 'variable'; readonly name: string; readonly index: number }
  | { readonly kind: 'parameter'; readonly name: string; readonly value: number }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'negate'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly name: FunctionName; readonly args: readonly Expr[] };

export const num = (value: number): Expr => ({ kind: 'number', value });
export const neg = (arg: Expr): Expr => ({ kind: 'negate', arg });
export const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
});
export const call = (name: FunctionName, ...args: Expr[]): Expr => ({ kind: 'call', name, args });

/** Binding strength: sums 1, products 2, unary minus 3, powers 4, atoms 5. */
function precedence(expr: Expr): number {
  switch (expr.kind) {
    case 'binary':
      return expr.op === '+' || expr.op === '-' ? 1 : expr.op === '^' ? 4 : 2;
    case 'negate':
      return 3;
    case 'number':
      return expr.value < 0 || Object.is(expr.value, -0) ? 3 : 5;
    default:
      return 5;
  }
}

function wrap(expr: Expr, minimum: number): string {
  const text = exprToText(expr);
  return precedence(expr) >= minimum ? text : `(${text})`;
}

/**
 * Prints the tree in mathjs syntax with the parentheses its structure needs, so that parsing the text gives
 * the same tree back (associativity included: a - (b - c) keeps its parentheses).
 */
export function exprToText(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return Object.is(expr.value, -0) ? '-0' : String(expr.value);
    case 'variable':
    case 'parameter':
    case 'constant':
      return expr.name;
    case 'negate':
      return `-${wrap(expr.arg, 4)}`;
    case 'call':
      return `${expr.name}(${expr.args.map(exprToText).join(', ')})`;
    case 'binary': {
      if (expr.op === '^') return `${wrap(expr.left, 5)} ^ ${wrap(expr.right, 4)}`;
      const level = expr.op === '+' || expr.op === '-' ? 1 : 2;
      return `${wrap(expr.left, level)} ${expr.op} ${wrap(expr.right, level + 1)}`;
    }
  }
}

/** Whether the tree mentions variable number `index`. */
export function dependsOn(expr: Expr, index: number): boolean {
  switch (expr.kind) {
    case 'variable':
      return expr.index === index;
    case 'negate':
      return dependsOn(expr.arg, index);
    case 'binary':
      return dependsOn(expr.left, index) || dependsOn(expr.right, index);
    case 'call':
      return expr.args.some((arg) => dependsOn(arg, index));
    default:
      return false;
  }
}

/** The error for a tree that did not come from parseExpression or differentiate (edited by hand). */
export function notWhitelisted(what: string, received: unknown): InvalidArgumentError {
  return new InvalidArgumentError(
    `expression tree: ${what}`,
    received,
    'part of a tree built by parseExpression or differentiate',
    'Do not edit parsed trees by hand.',
  );
}
