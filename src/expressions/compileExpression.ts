/**
 * compileExpression: a whitelisted tree -> a plain JavaScript closure for hot loops.
 *
 * The closure takes the variables positionally, in the order they were declared: `(x) => number` for one
 * variable, `(x, t) => number` for variables ['x', 't'], `() => number` for none. Positional arguments are
 * the fastest form V8 offers (no array reads); callers holding a Float64Array pass its entries.
 *
 * Safety: the source handed to `new Function` is generated from the `Expr` union alone. Variables become
 * `v0, v1, ...` (indices checked), parameters and constants become numeric literals printed by
 * `numberLiteral` (finite numbers only, checked against a literal pattern), functions become `f0, f1, ...`
 * bound to the implementations in the whitelist table. No name, string or token of the user's text is ever
 * copied into the source.
 */
import { type Expr, notWhitelisted } from './expr.js';
import { functionSpec } from './functions.js';
import type { ParsedExpression } from './parseExpression.js';

export type CompiledExpression = (...values: number[]) => number;

const LITERAL = /^\d+(\.\d+)?(e[+-]\d+)?$/;
const BUILTIN = /^[a-z0-9]+$/;

/** A JavaScript literal for a finite number, parenthesized when negative; throws on anything else. */
export function numberLiteral(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw notWhitelisted('a number node', value);
  if (Object.is(value, -0)) return '(-0)';
  const text = String(Math.abs(value));
  if (!LITERAL.test(text)) throw notWhitelisted('a number node', value);
  return value < 0 ? `(-${text})` : text;
}

class SourceWriter {
  readonly functions: Array<(...args: number[]) => number> = [];
  private readonly slots = new Map<string, number>();

  constructor(private readonly arity: number) {}

  write(expr: Expr): string {
    switch (expr.kind) {
      case 'number':
      case 'parameter':
        return numberLiteral(expr.value);
      case 'constant':
        return expr.name === 'pi' ? 'Math.PI' : 'Math.E';
      case 'variable':
        if (!Number.isInteger(expr.index) || expr.index < 0 || expr.index >= this.arity) {
          throw notWhitelisted('a variable node', expr.index);
        }
        return `v${expr.index}`;
      case 'negate':
        return `(-${this.write(expr.arg)})`;
      case 'binary': {
        const left = this.write(expr.left);
        const right = this.write(expr.right);
        return expr.op === '^' ? `Math.pow(${left}, ${right})` : `(${left} ${expr.op} ${right})`;
      }
      case 'call':
        return `${this.callee(expr.name)}(${expr.args.map((arg) => this.write(arg)).join(', ')})`;
      default:
        throw notWhitelisted('a node', (expr as { kind?: unknown }).kind);
    }
  }

  /** Math.<builtin> for Math functions (names from the table), else a bound slot f0, f1, ... */
  private callee(name: string): string {
    const spec = functionSpec(name);
    if (spec === undefined) throw notWhitelisted('a function', name);
    if (spec.builtin !== undefined && BUILTIN.test(spec.builtin)) return `Math.${spec.builtin}`;
    let index = this.slots.get(name);
    if (index === undefined) {
      index = this.functions.length;
      this.functions.push(spec.impl);
      this.slots.set(name, index);
    }
    return `f${index}`;
  }
}

/** Compiles a parsed expression (or any tree over `arity` variables) into a closure. */
export function compileExpression(parsed: ParsedExpression): CompiledExpression {
  return compileTree(parsed.tree, parsed.variables.length);
}

export function compileTree(tree: Expr, arity: number): CompiledExpression {
  const writer = new SourceWriter(arity);
  const body = writer.write(tree);
  const params = Array.from({ length: arity }, (_, i) => `v${i}`).join(', ');
  const names = writer.functions.map((_, i) => `f${i}`);
  const source = `'use strict'; return function compiled(${params}) { return ${body}; };`;
  const factory = new Function(...names, source) as (
    ...fns: Array<(...args: number[]) => number>
  ) => CompiledExpression;
  return factory(...writer.functions);
}
