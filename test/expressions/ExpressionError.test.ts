import { describe, expect, it } from 'vitest';
import { SaddlecheckError } from '../../src/errors.js';
import { ExpressionError, locatePart } from '../../src/expressions/ExpressionError.js';
import { parseExpression } from '../../src/expressions/parseExpression.js';

describe('ExpressionError', () => {
  it('should be a SaddlecheckError carrying the expression, the part and its position', () => {
    const error = new ExpressionError({
      expression: 'a + b',
      part: 'b',
      problem: 'unknown symbol',
      allowed: 'x',
    });
    expect(error).toBeInstanceOf(SaddlecheckError);
    expect(error.name).toBe('ExpressionError');
    expect([error.expression, error.part, error.position]).toEqual(['a + b', 'b', 4]);
    expect(error.message).toBe("unknown symbol 'b' at column 5 in 'a + b'; x.");
  });

  it('should locate identifiers as whole words and operators anywhere', () => {
    expect(locatePart('exp(x) + ex', 'ex')).toBe(9);
    expect(locatePart('xx + x', 'x')).toBe(5);
    expect(locatePart('αx + x', 'x')).toBe(5);
    expect(locatePart('a mod b', 'mod')).toBe(2);
    expect(locatePart('x!', '!')).toBe(1);
    expect(locatePart('x', 'y')).toBeUndefined();
    expect(locatePart('x', '')).toBeUndefined();
  });

  it('should quote a window of a long expression around the offending part', () => {
    const text = `${'x + '.repeat(100)}y${' + x'.repeat(100)}`;
    const error = (() => {
      try {
        parseExpression(text, { variables: ['x'] });
      } catch (caught) {
        return caught as ExpressionError;
      }
      throw new Error('accepted');
    })();
    expect(error.position).toBe(400);
    expect(error.message).toContain("unknown symbol 'y' at column 401 in '...");
    expect(error.message).toContain('x + y + x');
    expect(error.message.length).toBeLessThan(300);
  });
});
