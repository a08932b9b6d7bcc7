import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { compileExpression } from '../../src/expressions/compileExpression.js';
import { ExpressionError } from '../../src/expressions/ExpressionError.js';
import { exprToText } from '../../src/expressions/expr.js';
import { MAX_EXPRESSION_LENGTH, parseExpression } from '../../src/expressions/parseExpression.js';
import { ALL_UNARY, expressionArbitrary } from './expressionArbitrary.js';

const SEED = 7321;
const scope = { variables: ['x'], parameters: { k: 2 } };

function refusal(text: string, scopeUsed: Parameters<typeof parseExpression>[1] = scope): ExpressionError {
  try {
    parseExpression(text, scopeUsed);
  } catch (error) {
    expect(error, text).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`accepted ${JSON.stringify(text)}`);
}

describe('parseExpression refusals', () => {
  it('should name an unknown symbol, the declared names and the column', () => {
    const error = refusal('-k*y');
    expect(error.message).toContain("unknown symbol 'y'");
    expect(error.message).toContain("'-k*y'");
    expect(error.message).toContain('declared variables: x; parameters: k');
    expect(error.part).toBe('y');
    expect(error.position).toBe(3);
    expect(error.expression).toBe('-k*y');
  });

  it('should locate a symbol as a whole word, not inside a longer name', () => {
    expect(refusal('exp(x) + ex', { variables: ['x'] }).position).toBe(9);
  });

  it.each([
    ['import(x)', 'import'],
    ['createUnit(x)', 'createUnit'],
    ['evaluate(x)', 'evaluate'],
    ['parse(x)', 'parse'],
    ['compile(x)', 'compile'],
    ['simplify(x)', 'simplify'],
    ['derivative(x, x)', 'derivative'],
    ['chain(x)', 'chain'],
    ['gamma(x)', 'gamma'],
    ['nthRoot(x, 3)', 'nthRoot'],
    ['acot(x)', 'acot'],
    ['factorial(x)', 'factorial'],
    ['x + f(x)', 'f'],
  ])('should refuse the function outside the whitelist in %s', (text, name) => {
    const error = refusal(text);
    expect(error.message).toContain(`function not allowed: '${name}'`);
    expect(error.message).toContain('allowed functions: exp');
    expect(error.part).toBe(name);
    expect(error.position).toBe(text.indexOf(name));
  });

  it.each([
    ['x = 3', 'assignment', 'x = 3'],
    ['f(x) = x^2', 'function definition', 'f(x) = x ^ 2'],
    ['x.constructor', 'property access or indexing', 'x.constructor'],
    ['x["constructor"]', 'property access or indexing', 'x["constructor"]'],
    ['[1, 2]', 'matrix', '[1, 2]'],
    ['{a: 1}', 'object', '{"a": 1}'],
    ['1:3', 'range', '1:3'],
    ['x > 0 ? x : 0', 'conditional', '(x > 0) ? x : 0'],
    ['x < 1', 'operator not allowed', '<'],
    ['0 < x < 1', 'comparison', '0 < x < 1'],
    ['x; x', 'several statements', 'x; x'],
  ])('should refuse %s as a %s', (text, kind, part) => {
    const error = refusal(text);
    expect(error.message).toContain(kind);
    expect(error.message).toContain(`'${part}'`);
  });

  it.each([
    ['x mod 2', 'mod'],
    ['x!', '!'],
    ["x'", "'"],
    ['x .* k', '.*'],
    ['x == 1', '=='],
    ['x and k', 'and'],
    ['x | 1', '|'],
    ['5 cm to inch', 'to'],
  ])('should refuse the operator in %s', (text, op) => {
    const error = refusal(text);
    expect(error.message).toContain(`operator not allowed: '${op}'`);
    expect(error.position).toBe(text.indexOf(op));
  });

  it.each([
    ['"abc"', '"abc"'],
    ['true', 'true'],
    ['null', 'null'],
    ['NaN', 'NaN'],
    ['1e400 * x', 'Infinity'],
  ])('should refuse the constant %s that is not a finite number', (text, part) => {
    expect(refusal(text).message).toContain(`'${part}'`);
  });

  it.each([
    ['x +', 4],
    ['(x', 3],
    ['sin(x', 6],
    ['x @ 2', 3],
    ['2 ** x', 4],
  ])('should report the syntax error in %s with mathjs message and column %d', (text, column) => {
    const error = refusal(text);
    expect(error.message).toContain('syntax error');
    expect(error.message).toContain(`(char ${column})`);
    expect(error.position).toBe(column - 1);
  });

  it('should refuse calls of declared names, functions without arguments and wrong arities', () => {
    expect(refusal('k(x)').message).toContain("call of a declared name that is not a function: 'k'");
    expect(refusal('2*sin').message).toContain("function used without arguments: 'sin'");
    expect(refusal('sin(x, k)').message).toContain("wrong number of arguments (2) to 'sin'");
    expect(refusal('max(x)').message).toContain('max takes 2 to 64 arguments');
    // pow is rewritten to ^ only with its two arguments; with one it was reported as a forbidden function.
    expect(refusal('pow(x)').message).toContain(
      "wrong number of arguments (1) to 'pow' at column 1 in 'pow(x)'; pow takes 2 arguments",
    );
    expect(refusal('pow(x, 2, 3)').message).toContain('pow takes 2 arguments');
    expect(refusal('x.y(1)').message).toContain('call of a computed function');
  });

  it.each([
    '#',
    'x # k',
    'x#',
  ])('should refuse the comment in %j, which would hide what follows it', (text) => {
    const error = refusal(text);
    expect(error.message).toContain("comment not allowed: '#'");
    expect(error.position).toBe(text.indexOf('#'));
  });

  it('should say how to shorten a chain too deep to compile', () => {
    expect(refusal(Array(1000).fill('x').join('+')).message).toContain(
      'Shorten the chain, e.g. 3*z for z+z+z',
    );
  });

  it.each(['', '   ', '\n\t'])('should refuse the empty expression %j', (text) => {
    expect(refusal(text).message).toContain('empty expression');
  });

  it.each([
    '__proto__',
    'constructor',
    'prototype',
    'process',
    'this',
    'globalThis',
    'require',
    'Function',
    'eval',
  ])('should refuse the JavaScript name %s as an unknown symbol', (name) => {
    expect(refusal(`${name} + x`).message).toContain(`unknown symbol '${name}'`);
  });

  it('should refuse unicode names it was not given and accept unicode spaces it can read', () => {
    expect(refusal('α*x').message).toContain("unknown symbol 'α'");
    expect(refusal('x\u0000').message).toContain('syntax error');
    expect(compileExpression(parseExpression('2\u00a0*\u00a0x', scope))(3)).toBe(6);
  });

  it('should refuse texts longer than the limit and nesting deeper than the limit', () => {
    const long = `x${'+x'.repeat(MAX_EXPRESSION_LENGTH)}`;
    expect(refusal(long).message).toContain(`at most ${MAX_EXPRESSION_LENGTH} characters`);
    expect(refusal(`${'('.repeat(1500)}x${')'.repeat(1500)}`).message).toContain('nesting too deep');
    expect(refusal(`${'sin('.repeat(300)}x${')'.repeat(300)}`).message).toContain('nesting too deep');
  });
});

describe('parseExpression scope checks', () => {
  it.each([
    [{ variables: ['x'], parameters: { k: Number.NaN } }, 'parameters.k'],
    [{ variables: ['x'], parameters: { k: Number.POSITIVE_INFINITY } }, 'parameters.k'],
    [{ variables: ['x'], parameters: { k: '2' } }, 'parameters.k'],
    [{ variables: ['x', 'x'] }, 'variables[1]'],
    [{ variables: ['x'], parameters: { x: 1 } }, 'parameters.x'],
    [{ variables: ['sin'] }, 'variables[0]'],
    [{ variables: ['pi'] }, 'variables[0]'],
    [{ variables: ['mod'] }, 'variables[0]'],
    [{ variables: ['2x'] }, 'variables[0]'],
    [{ variables: ['x y'] }, 'variables[0]'],
    [{ variables: [''] }, 'variables[0]'],
    [{ variables: ['true'] }, 'variables[0]'],
    [{ variables: 'x' }, 'variables'],
    [{ variables: ['x'], parameters: JSON.parse('{"__proto__": 1}') }, 'parameters.__proto__'],
    [{ variables: ['x'], parameters: [1] }, 'parameters'],
  ])('should refuse the scope %j naming %s', (badScope, argument) => {
    expect(() => parseExpression('x', badScope as never)).toThrow(InvalidArgumentError);
    expect(() => parseExpression('x', badScope as never)).toThrow(argument);
  });

  it('should refuse text that is not a string', () => {
    for (const text of [undefined, null, 3, ['x'], { toString: () => 'x' }]) {
      expect(() => parseExpression(text, scope)).toThrow(InvalidArgumentError);
    }
  });

  it('should not see names inherited by the parameters object', () => {
    const inherited = Object.create({ k: 5 });
    expect(refusal('k*x', { variables: ['x'], parameters: inherited }).message).toContain(
      "unknown symbol 'k'",
    );
    expect(Object.getPrototypeOf(parseExpression('x', scope).parameters)).toBe(null);
  });
});

describe('parseExpression on arbitrary input', () => {
  it('should either accept and compile, or throw a named error, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
        ),
        (text) => {
          try {
            const parsed = parseExpression(text, { variables: ['x', 'y'], parameters: { k: 1 } });
            expect(typeof compileExpression(parsed)(0.5, -0.25)).toBe('number');
          } catch (error) {
            expect(
              error instanceof ExpressionError || error instanceof InvalidArgumentError,
              String(error),
            ).toBe(true);
          }
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should print a tree that parses back to the same tree', () => {
    fc.assert(
      fc.property(
        expressionArbitrary({ depth: 4, unary: ALL_UNARY, wild: true, twoVariables: true }),
        (generated) => {
          const names = { variables: ['x', 'y'], parameters: { k: 1 } };
          const once = parseExpression(generated.text, names);
          const twice = parseExpression(exprToText(once.tree), names);
          expect(exprToText(twice.tree)).toBe(exprToText(once.tree));
          expect(JSON.stringify(twice.tree)).toBe(JSON.stringify(once.tree));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
