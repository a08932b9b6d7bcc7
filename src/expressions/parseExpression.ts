/**
 * parseExpression: user text -> a whitelisted expression tree. The text goes through mathjs's parser (which
 * only builds a syntax tree) and then through the whitelist in `toExpr.ts`; anything else is refused with an
 * ExpressionError that quotes the offending part and its column.
 */
import type { MathNode } from 'mathjs';
import { InvalidArgumentError } from '../errors.js';
import { finiteNumber } from '../validate.js';
import { ExpressionError } from './ExpressionError.js';
import type { Expr } from './expr.js';
import { CONSTANTS, isFunctionName } from './functions.js';
import { math } from './mathInstance.js';
import { type Scope, toExpr } from './toExpr.js';

/** The names an expression may use: variables (the closure's arguments, in order) and fixed parameters. */
export interface ExpressionScope {
  readonly variables: readonly string[];
  /** Numbers inlined into the compiled closure; each must be finite. */
  readonly parameters?: Readonly<Record<string, number>>;
}

/** A whitelisted expression: plain data, safe to compile, differentiate and expand. */
export interface ParsedExpression {
  /** The user's text (for a derivative, the printed result). */
  readonly text: string;
  readonly tree: Expr;
  readonly variables: readonly string[];
  readonly parameters: Readonly<Record<string, number>>;
}

/** Longer texts are refused: no drift or activation needs more, and it bounds the parser's recursion. */
export const MAX_EXPRESSION_LENGTH = 4000;
/** Deepest nesting of a user expression. */
export const MAX_EXPRESSION_DEPTH = 200;
const MAX_NAMES = 64;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OPERATOR_WORDS = new Set(['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'end', 'pow']);

export function parseExpression(text: unknown, scope: ExpressionScope): ParsedExpression {
  if (typeof text !== 'string') throw new InvalidArgumentError('expression', text, 'a string such as "-k*x"');
  const { variables, parameters } = checkScope(scope);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError({
      expression: text,
      part: `${text.slice(0, 20)}...`,
      position: 0,
      problem: `expression of ${text.length} characters:`,
      allowed: `at most ${MAX_EXPRESSION_LENGTH} characters are allowed`,
      fix: 'Shorten it or introduce parameters.',
    });
  }
  const comment = text.indexOf('#');
  if (comment >= 0) {
    throw new ExpressionError({
      expression: text,
      part: '#',
      position: comment,
      problem: 'comment not allowed:',
      allowed: "an expression is one formula, and '#' would hide what follows it",
      fix: "Remove the '#' and what follows it.",
    });
  }
  if (text.trim().length === 0) {
    throw new ExpressionError({
      expression: text,
      part: text,
      position: 0,
      problem: 'empty expression',
      allowed: 'an expression is a formula such as -k*x',
      fix: 'Write the formula.',
    });
  }
  const node = parseSyntax(text);
  const tree = toExpr(node, { text, variables, parameters, maxDepth: MAX_EXPRESSION_DEPTH });
  return makeParsed(text, tree, variables, parameters);
}

/** Assembles the frozen result; parameters become a null-prototype record, so no inherited key is visible. */
export function makeParsed(
  text: string,
  tree: Expr,
  variables: readonly string[],
  parameters: ReadonlyMap<string, number>,
): ParsedExpression {
  const record: Record<string, number> = Object.create(null);
  for (const [name, value] of parameters) record[name] = value;
  return Object.freeze({
    text,
    tree,
    variables: Object.freeze([...variables]),
    parameters: Object.freeze(record),
  });
}

/** The scope a parsed expression was checked against, for re-checking trees derived from it. */
export function scopeOf(parsed: ParsedExpression, text: string, maxDepth: number): Scope {
  const parameters = new Map<string, number>();
  for (const name of Object.keys(parsed.parameters)) parameters.set(name, parsed.parameters[name]);
  return { text, variables: parsed.variables, parameters, maxDepth };
}

function parseSyntax(text: string): MathNode {
  try {
    return math.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ExpressionError({
        expression: text,
        part: text.slice(0, 20),
        position: 0,
        problem: 'nesting too deep in',
        allowed: `at most ${MAX_EXPRESSION_DEPTH} levels are allowed`,
        fix: 'Simplify the expression.',
      });
    }
    const char = (error as { char?: unknown }).char;
    const position = typeof char === 'number' ? Math.max(0, Math.min(char - 1, text.length)) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    throw new ExpressionError({
      expression: text,
      part:
        position === undefined || position >= text.length
          ? 'end of expression'
          : text.slice(position, position + 10),
      ...(position === undefined ? {} : { position }),
      problem: `syntax error (${message}) near`,
      allowed: 'expressions use numbers, names, + - * / ^, parentheses and function calls such as sin(x)',
      fix: 'Correct the syntax.',
    });
  }
}

function checkName(argument: string, name: unknown, seen: Set<string>): string {
  const allowed = 'a name of letters, digits and _ starting with a letter';
  if (typeof name !== 'string' || !NAME.test(name)) throw new InvalidArgumentError(argument, name, allowed);
  if (isFunctionName(name) || CONSTANTS.has(name) || OPERATOR_WORDS.has(name)) {
    throw new InvalidArgumentError(
      argument,
      name,
      `${allowed}, other than a function, a constant or an operator word`,
      'Rename it.',
    );
  }
  const node = math.parse(name) as unknown as { type: string; name?: string };
  if (node.type !== 'SymbolNode' || node.name !== name) {
    throw new InvalidArgumentError(
      argument,
      name,
      `${allowed} that the parser reads as a symbol`,
      'Rename it.',
    );
  }
  if (seen.has(name))
    throw new InvalidArgumentError(
      argument,
      name,
      'a name not declared before (the variables and the parameters share one set of names)',
      'Rename one of them.',
    );
  seen.add(name);
  return name;
}

function checkScope(scope: ExpressionScope): { variables: string[]; parameters: Map<string, number> } {
  if (typeof scope !== 'object' || scope === null) {
    throw new InvalidArgumentError('scope', scope, 'an object {variables, parameters}');
  }
  const list: unknown = scope.variables;
  if (!Array.isArray(list) || list.length > MAX_NAMES) {
    throw new InvalidArgumentError('variables', list, `an array of at most ${MAX_NAMES} names`);
  }
  const seen = new Set<string>();
  const variables = list.map((name, i) => checkName(`variables[${i}]`, name, seen));
  const given: unknown = scope.parameters === undefined ? {} : scope.parameters;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new InvalidArgumentError('parameters', given, 'an object mapping names to finite numbers');
  }
  const parameters = new Map<string, number>();
  const record = given as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > MAX_NAMES) {
    throw new InvalidArgumentError('parameters', given, `an object of at most ${MAX_NAMES} parameters`);
  }
  for (const key of keys) {
    const name = checkName(`parameters.${key}`, key, seen);
    parameters.set(name, finiteNumber(`parameters.${name}`, record[key]));
  }
  return { variables, parameters };
}
