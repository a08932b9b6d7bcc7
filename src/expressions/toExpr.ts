/**
 * The whitelist: converts a mathjs syntax tree into an `Expr` or throws an ExpressionError naming the first
 * part it refuses. Allowed: finite numeric constants, the declared variables and parameters, pi and e,
 * + - * / ^, unary minus and plus, parentheses, and calls of the functions in `functions.ts` (plus pow(a, b)
 * and log(a, b), rewritten). Refused: every other node kind (assignments, function definitions, accessors,
 * matrices, objects, strings, ranges, conditionals, comparisons, several statements) and every other
 * operator or function. The same conversion checks the trees mathjs's `derivative` returns.
 */
import type { MathNode } from 'mathjs';
import { ExpressionError } from './ExpressionError.js';
import { type BinaryOperator, bin, call, type Expr, neg } from './expr.js';
import { CONSTANTS, FUNCTION_NAMES, functionSpec, isFunctionName } from './functions.js';

export interface Scope {
  /** The text the tree came from, quoted in error messages. */
  readonly text: string;
  readonly variables: readonly string[];
  readonly parameters: ReadonlyMap<string, number>;
  /** Internal symbols that stand for whole sub-expressions while mathjs differentiates. */
  readonly opaque?: ReadonlyMap<string, Expr>;
  /** Deepest nesting accepted. */
  readonly maxDepth: number;
}

interface NodeFields {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: unknown;
  readonly args?: readonly MathNode[];
  readonly content?: MathNode;
}

const OPERATORS_ALLOWED = 'allowed operators: + - * / ^, unary minus and parentheses';

/** Refused node kinds: what to call them, a token to locate them by, and what to do instead. */
const REFUSED_KINDS: Readonly<Record<string, readonly [string, string, string]>> = {
  AssignmentNode: ['assignment', '=', 'Write only the right-hand side.'],
  FunctionAssignmentNode: ['function definition', '=', 'Write the body as an expression of the variables.'],
  AccessorNode: ['property access or indexing', '.', 'Use declared names only.'],
  IndexNode: ['indexing', '[', 'Use declared names only.'],
  ArrayNode: ['matrix', '[', 'Write one scalar expression.'],
  ObjectNode: ['object', '{', 'Write one scalar expression.'],
  RangeNode: ['range', ':', 'Write one scalar expression.'],
  ConditionalNode: ['conditional', '?', 'Write piecewise formulas with abs, sign, min or max.'],
  RelationalNode: ['comparison', '<', 'Write piecewise formulas with abs, sign, min or max.'],
  BlockNode: ['several statements', ';', 'Write a single expression.'],
};

export function toExpr(node: MathNode, scope: Scope, depth = 0): Expr {
  const fields = node as unknown as NodeFields;
  if (depth > scope.maxDepth) {
    throw refuse(
      scope,
      'nesting too deep at',
      `at most ${scope.maxDepth} levels are allowed (a chain of n operations nests n deep)`,
      String(node).slice(0, 40),
      'Shorten the chain, e.g. 3*z for z+z+z, or split it into parameters.',
    );
  }
  switch (fields.type) {
    case 'ConstantNode':
      return constant(fields, scope);
    case 'SymbolNode':
      return symbol(fields.name ?? '', scope);
    case 'ParenthesisNode':
      return toExpr(fields.content as MathNode, scope, depth + 1);
    case 'OperatorNode':
      return operator(fields, scope, depth + 1);
    case 'FunctionNode':
      return functionCall(fields, scope, depth + 1);
    default: {
      const [kind, hint, fix] = REFUSED_KINDS[fields.type] ?? [
        'construct',
        '',
        'Write one scalar expression.',
      ];
      const part = String(node).replace(/\s+/g, ' ');
      throw new ExpressionError({
        expression: scope.text,
        part,
        problem: `${kind} not allowed:`,
        allowed: 'an expression is one formula of numbers, declared names, + - * / ^ and allowed functions',
        fix,
        ...positionOf(scope.text, part, hint),
      });
    }
  }
}

function constant(fields: NodeFields, scope: Scope): Expr {
  const value = fields.value;
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value };
  const part = typeof value === 'string' ? JSON.stringify(value) : String(value);
  const problem = typeof value === 'number' ? 'non-finite constant' : 'constant that is not a number:';
  throw new ExpressionError({
    expression: scope.text,
    part,
    problem,
    allowed: 'constants are finite numbers such as 2, 0.5 or 1e-3',
    fix: 'Write a finite number.',
  });
}

function declaredNames(scope: Scope): string {
  const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'none');
  return `declared variables: ${list(scope.variables)}; parameters: ${list([...scope.parameters.keys()])}; constants: pi, e`;
}

function symbol(name: string, scope: Scope): Expr {
  const index = scope.variables.indexOf(name);
  if (index >= 0) return { kind: 'variable', name, index };
  const value = scope.parameters.get(name);
  if (value !== undefined) return { kind: 'parameter', name, value };
  if (CONSTANTS.has(name)) return { kind: 'constant', name: name as 'pi' | 'e' };
  const stand = scope.opaque?.get(name);
  if (stand !== undefined) return stand;
  if (isFunctionName(name)) {
    throw new ExpressionError({
      expression: scope.text,
      part: name,
      problem: 'function used without arguments:',
      allowed: `${name} is a function`,
      fix: `Call it with an argument, e.g. ${name}(x).`,
    });
  }
  throw new ExpressionError({
    expression: scope.text,
    part: name,
    problem: 'unknown symbol',
    allowed: declaredNames(scope),
    fix: `Declare '${name}' or correct the spelling.`,
  });
}

/** The allowed operators by mathjs name: the binary ones (n-ary for add and multiply), unary minus and plus. */
const BINARY: Readonly<Record<string, BinaryOperator>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
};

function operator(fields: NodeFields, scope: Scope, depth: number): Expr {
  const fn = String(fields.fn);
  const count = fields.args?.length ?? 0;
  const op = Object.hasOwn(BINARY, fn) ? BINARY[fn] : undefined;
  const nary = fn === 'add' || fn === 'multiply';
  const unary = fn === 'unaryMinus' || fn === 'unaryPlus';
  if (!(op !== undefined && (count === 2 || (nary && count > 2))) && !(unary && count === 1)) {
    throw refuse(scope, 'operator not allowed:', OPERATORS_ALLOWED, fields.op ?? fn);
  }
  const args = (fields.args ?? []).map((arg) => toExpr(arg, scope, depth));
  if (fn === 'unaryMinus') return neg(args[0]);
  if (fn === 'unaryPlus') return args[0];
  return args.reduce((left, right) => bin(op as BinaryOperator, left, right));
}

function functionCall(fields: NodeFields, scope: Scope, depth: number): Expr {
  const fn = fields.fn as NodeFields;
  if (fn.type !== 'SymbolNode') {
    throw refuse(
      scope,
      'call of a computed function not allowed:',
      'only allowed functions can be called',
      String(fields),
    );
  }
  const name = fn.name ?? '';
  const args = fields.args ?? [];
  if (name === 'pow' && args.length !== 2) throw wrongArgumentCount(name, args.length, '2', scope);
  if (name === 'pow' || (name === 'log' && args.length === 2)) {
    const [a, b] = args.map((arg) => toExpr(arg, scope, depth));
    return name === 'pow' ? bin('^', a, b) : bin('/', call('log', a), call('log', b));
  }
  const spec = functionSpec(name);
  if (spec === undefined || !isFunctionName(name)) throw unknownFunction(name, scope);
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    const takes = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    throw wrongArgumentCount(name, args.length, takes, scope);
  }
  return call(name, ...args.map((arg) => toExpr(arg, scope, depth)));
}

function wrongArgumentCount(name: string, count: number, takes: string, scope: Scope): ExpressionError {
  return new ExpressionError({
    expression: scope.text,
    part: name,
    problem: `wrong number of arguments (${count}) to`,
    allowed: `${name} takes ${takes} argument${takes === '1' ? '' : 's'}`,
    fix: 'Correct the call.',
  });
}

function unknownFunction(name: string, scope: Scope): ExpressionError {
  const declared = scope.variables.includes(name) || scope.parameters.has(name);
  return new ExpressionError({
    expression: scope.text,
    part: name,
    problem: declared ? 'call of a declared name that is not a function:' : 'function not allowed:',
    allowed: `allowed functions: ${FUNCTION_NAMES.join(', ')}, pow`,
    fix: declared ? `For a product write ${name}*(...).` : 'Use one of the allowed functions.',
  });
}

function refuse(scope: Scope, problem: string, allowed: string, part: string, fix?: string): ExpressionError {
  return new ExpressionError({ expression: scope.text, part, problem, allowed, ...(fix ? { fix } : {}) });
}

function positionOf(text: string, part: string, hint: string): { position?: number } {
  const at = text.indexOf(part);
  if (at >= 0) return { position: at };
  const near = hint === '' ? -1 : text.indexOf(hint);
  return near >= 0 ? { position: near } : {};
}
