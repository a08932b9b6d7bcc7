/**
 * differentiate: the symbolic partial derivative of a parsed expression, as a new parsed (whitelisted,
 * compilable) expression. mathjs's `derivative` applies the chain, product and quotient rules and the rules
 * of the functions it knows; its output is checked by the same whitelist as user text and brought to the
 * normal form of `normalForm.ts`.
 *
 * For functions mathjs cannot differentiate, or differentiates in a form with a spurious singularity, the
 * call is handed to mathjs as an opaque symbol E and the chain rule is closed here:
 * dF/dx = dF/dx|_E + dF/dE * dE/dx, with dE/dx from the rules below:
 *   erf' = 2 exp(-u^2) / sqrt(pi)    log1p' = 1 / (1 + u)    expm1' = exp(u)     log2' = 1 / (u log 2)
 *   cbrt' = 1 / (3 cbrt(u)^2)         abs' = sign(u)          sign' = 0
 *   min(a, b): d/da = (1 - sign(a - b)) / 2, d/db = (1 + sign(a - b)) / 2; max with the signs swapped.
 * (mathjs writes abs' as abs(u)/u, which is 0/0 at u = 0, and cbrt' with u^(2/3), NaN for u < 0.)
 * At a kink (abs and sign at 0, min and max at a tie) the derivative is the mean of the one-sided ones and
 * the Dirac mass of sign' is dropped: `isSmoothAt` reports such points.
 */
import type { MathNode } from 'mathjs';
import { ExpressionError } from './ExpressionError.js';
import { bin, call, dependsOn, type Expr, exprToText, neg, num } from './expr.js';
import type { FunctionName } from './functions.js';
import { math } from './mathInstance.js';
import { NormalFormLimitError, simplifyTree } from './normalForm.js';
import { makeParsed, type ParsedExpression, scopeOf } from './parseExpression.js';
import { variableIndex } from './pointValues.js';
import { type Scope, toExpr } from './toExpr.js';

/** Nesting accepted in derivative trees (deeper than user text: derivatives grow). */
const DERIVATIVE_DEPTH = 2000;
const half = (e: Expr): Expr => bin('/', e, num(2));

type Partials = (args: readonly Expr[]) => Expr[];
const OPAQUE: Partial<Record<FunctionName, Partials>> = {
  erf: ([u]) => [
    bin(
      '/',
      bin('*', num(2), call('exp', neg(bin('^', u, num(2))))),
      call('sqrt', { kind: 'constant', name: 'pi' }),
    ),
  ],
  log1p: ([u]) => [bin('/', num(1), bin('+', num(1), u))],
  expm1: ([u]) => [call('exp', u)],
  log2: ([u]) => [bin('/', num(1), bin('*', u, call('log', num(2))))],
  cbrt: ([u]) => [bin('/', num(1), bin('*', num(3), bin('^', call('cbrt', u), num(2))))],
  abs: ([u]) => [call('sign', u)],
  sign: () => [num(0)],
  min: ([a, b]) => {
    const s = call('sign', bin('-', a, b));
    return [half(bin('-', num(1), s)), half(bin('+', num(1), s))];
  },
  max: ([a, b]) => {
    const s = call('sign', bin('-', a, b));
    return [half(bin('+', num(1), s)), half(bin('-', num(1), s))];
  },
};

export function differentiate(parsed: ParsedExpression, variable: string): ParsedExpression {
  const index = variableIndex(parsed, variable);
  const scope = scopeOf(parsed, parsed.text, DERIVATIVE_DEPTH);
  const tree = derivativeTree(parsed.tree, index, scope);
  return makeParsed(exprToText(tree), tree, parsed.variables, scope.parameters);
}

/** The simplified derivative of `tree` with respect to variable number `index`. */
export function derivativeTree(tree: Expr, index: number, scope: Scope): Expr {
  try {
    return simplifyTree(rawDerivative(tree, index, scope));
  } catch (error) {
    if (!(error instanceof NormalFormLimitError)) throw error;
    throw new ExpressionError({
      expression: scope.text,
      part: `d/d${scope.variables[index]}`,
      position: 0,
      problem: 'derivative too large:',
      allowed: error.message,
      fix: 'Lower the order of differentiation or simplify the expression.',
    });
  }
}

function rawDerivative(tree: Expr, index: number, scope: Scope): Expr {
  if (!dependsOn(tree, index)) return num(0);
  const opaque = new Map<string, Expr>();
  const node = toMathNode(tree, opaque);
  const inner: Scope = { ...scope, opaque };
  const variable = new math.SymbolNode(scope.variables[index]);
  let result = toExpr(math.derivative(node, variable, { simplify: false }), inner);
  for (const [name, stand] of opaque) {
    if (!dependsOn(stand, index)) continue;
    const outer = toExpr(math.derivative(node, new math.SymbolNode(name), { simplify: false }), inner);
    result = bin('+', result, bin('*', outer, chainRule(stand, index, scope)));
  }
  return result;
}

/** d/dx of a call to an opaque function: sum_i (partial_i f)(args) * d(arg_i)/dx. */
function chainRule(stand: Expr, index: number, scope: Scope): Expr {
  if (stand.kind !== 'call') throw new Error('opaque symbol stands for a call');
  const rule = OPAQUE[stand.name] as Partials;
  let args = stand.args;
  if (args.length > 2) args = [call(stand.name, ...args.slice(0, -1)), args[args.length - 1]];
  const partials = rule(args);
  return args
    .map((arg, i) => bin('*', partials[i], rawDerivative(arg, index, scope)))
    .reduce((sum, term) => bin('+', sum, term));
}

/**
 * A symbol named '#' + the node's text (no declared name can contain '#') that stands for `expr` while
 * mathjs differentiates: opaque calls, and coefficients whose rounding bound must survive the round trip.
 */
function standIn(expr: Expr, opaque: Map<string, Expr>): MathNode {
  const name = `#${exprToText(expr)}${expr.kind === 'number' ? `#${expr.bound}` : ''}`;
  opaque.set(name, expr);
  return new math.SymbolNode(name);
}

const OPERATOR_NAMES = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '^': 'pow' } as const;

/** The mathjs tree of an Expr; opaque calls and bounded coefficients become stand-in symbols. */
function toMathNode(expr: Expr, opaque: Map<string, Expr>): MathNode {
  switch (expr.kind) {
    case 'number':
      return expr.bound === undefined ? new math.ConstantNode(expr.value) : standIn(expr, opaque);
    case 'variable':
    case 'parameter':
    case 'constant':
      return new math.SymbolNode(expr.name);
    case 'negate':
      return new math.OperatorNode('-', 'unaryMinus', [toMathNode(expr.arg, opaque)]);
    case 'binary':
      return new math.OperatorNode(expr.op, OPERATOR_NAMES[expr.op], [
        toMathNode(expr.left, opaque),
        toMathNode(expr.right, opaque),
      ]);
    case 'call': {
      if (OPAQUE[expr.name] === undefined) {
        return new math.FunctionNode(
          new math.SymbolNode(expr.name),
          expr.args.map((arg) => toMathNode(arg, opaque)),
        );
      }
      return standIn(expr, opaque);
    }
  }
}
