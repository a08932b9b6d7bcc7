import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { compileExpression } from '../../src/expressions/compileExpression.js';
import type { Expr } from '../../src/expressions/expr.js';
import { expressionBenchmark } from '../../src/expressions/expressionBenchmark.js';
import { type ParsedExpression, parseExpression } from '../../src/expressions/parseExpression.js';
import { ALL_UNARY, expressionArbitrary } from './expressionArbitrary.js';

const SEED = 20240611;
const sameNumber = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('compileExpression', () => {
  it('should compute exactly what the same formula written with Math computes, at random points', () => {
    // Exact equality: the closure performs the same IEEE operations in the same order as the reference.
    fc.assert(
      fc.property(
        expressionArbitrary({ depth: 4, unary: ALL_UNARY, wild: true, twoVariables: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (generated, x, y, k) => {
          const parsed = parseExpression(generated.text, { variables: ['x', 'y'], parameters: { k } });
          const value = compileExpression(parsed)(x, y);
          expect(
            sameNumber(value, generated.reference(x, y, k)),
            `${generated.text} at (${x}, ${y}), k=${k}`,
          ).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('should take the variables positionally in their declared order', () => {
    const f = compileExpression(parseExpression('x - 2*t', { variables: ['t', 'x'] }));
    expect(f(1, 10)).toBe(8);
    const constantOnly = compileExpression(parseExpression('2^10', { variables: [] }));
    expect(constantOnly()).toBe(1024);
  });

  it('should inline parameters as numbers and keep every user name out of the generated source', () => {
    const parsed = parseExpression('process*x + constructor - this_', {
      variables: ['x'],
      parameters: { process: 2, constructor: 0.25, this_: -1e-300 },
    });
    const f = compileExpression(parsed);
    expect(f(3)).toBe(2 * 3 + 0.25 - -1e-300);
    const source = f.toString();
    for (const name of ['process', 'constructor', 'this_']) expect(source).not.toContain(name);
  });

  it('should emit only fixed identifiers (v0.., f0.., Math.<builtin>) for random expressions', () => {
    const allowed = /^(v\d+|f\d+|use|strict|return|function|compiled|Math|PI|E|pow|[a-z0-9]+)$/;
    fc.assert(
      fc.property(
        expressionArbitrary({ depth: 3, unary: ALL_UNARY, wild: true, twoVariables: true }),
        (generated) => {
          const source = compileExpression(
            parseExpression(generated.text, { variables: ['x', 'y'], parameters: { k: 1 } }),
          ).toString();
          const identifiers = source.replace(/\d+(\.\d+)?(e[+-]\d+)?/g, ' ').match(/[A-Za-z_$][\w$]*/g) ?? [];
          for (const id of identifiers) expect(id).toMatch(allowed);
          expect(source).not.toMatch(/["'`\\[\]=]/);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('should refuse hand-edited trees with a named error instead of generating code from them', () => {
    const valid = parseExpression('x + 1', { variables: ['x'] });
    const edit = (tree: unknown): ParsedExpression => ({ ...valid, tree: tree as Expr });
    const bad: unknown[] = [
      { kind: 'variable', name: 'x', index: 3 },
      { kind: 'variable', name: 'x', index: '0); process.exit(' },
      { kind: 'number', value: Number.NaN },
      { kind: 'number', value: '1); evil(' },
      { kind: 'parameter', name: 'k', value: Number.POSITIVE_INFINITY },
      { kind: 'call', name: 'eval', args: [] },
      { kind: 'call', name: 'constructor', args: [] },
      { kind: 'raw', source: 'process' },
    ];
    for (const tree of bad)
      expect(() => compileExpression(edit(tree)), JSON.stringify(tree)).toThrow(InvalidArgumentError);
  });
});

describe('expressionBenchmark', () => {
  it('should evaluate the same values through the closure and through mathjs', () => {
    const result = expressionBenchmark({ evaluations: 20_000 });
    // Both sum the same 20000 values in the same order; mathjs's number functions call the same Math
    // routines, so the sums agree to a few ulps of the sum's terms (a relative 1e-12 leaves wide room).
    expect(Math.abs(result.closureSum - result.mathjsSum)).toBeLessThanOrEqual(1e-12 * 20_000);
    expect(result.ratio).toBeGreaterThan(0);
    expect(Number.isFinite(result.ratio)).toBe(true);
  });
});
