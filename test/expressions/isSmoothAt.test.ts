import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { isSmoothAt } from '../../src/expressions/isSmoothAt.js';
import { parseExpression } from '../../src/expressions/parseExpression.js';

const parse = (text: string, variables = ['x']) => parseExpression(text, { variables, parameters: { k: 2 } });

describe('isSmoothAt', () => {
  it('should report the kink of abs, sign, min and max exactly at their switching points', () => {
    const cases: ReadonlyArray<readonly [string, number, number]> = [
      ['abs(x)', 0, 0.1],
      ['abs(x - 1)', 1, 0.999],
      ['sign(x + 2)', -2, 2],
      ['max(x, 0)', 0, -1e-300],
      ['min(x, 1 - x)', 0.5, 0.25],
      ['max(x, 2*x, 0.5)', 0.25, 0.7],
      ['exp(abs(x - k))', 2, 2.5],
    ];
    for (const [text, kink, away] of cases) {
      const at = isSmoothAt(parse(text), 'x', kink);
      expect(at.smooth, `${text} at ${kink}`).toBe(false);
      expect(at.kinks.some((k) => k.atPoint)).toBe(true);
      expect(isSmoothAt(parse(text), 'x', away).smooth, `${text} at ${away}`).toBe(true);
    }
  });

  it('should name the non-smooth function and its call even away from the kink', () => {
    const report = isSmoothAt(parse('sin(x) + abs(x)*max(x, 1)'), 'x', 3);
    expect(report.smooth).toBe(true);
    expect(report.kinks.map((k) => [k.function, k.call, k.switchValue, k.atPoint])).toEqual([
      ['abs', 'abs(x)', 3, false],
      ['max', 'max(x, 1)', 2, false],
    ]);
  });

  it('should see a kink at a point given only to rounding (1 - 0.9 - 0.1 is not exactly 0)', () => {
    expect(1 - 0.9 - 0.1).not.toBe(0);
    expect(isSmoothAt(parse('abs(x - 0.9 - 0.1)'), 'x', 1).smooth).toBe(false);
  });

  it('should ignore piecewise functions that do not depend on the variable', () => {
    const report = isSmoothAt(parse('abs(y)*x + max(y, 0)', ['x', 'y']), 'x', 1, { y: 0 });
    expect(report).toEqual({ smooth: true, kinks: [] });
    expect(isSmoothAt(parse('abs(y)*x', ['x', 'y']), 'y', 0, { x: 1 }).smooth).toBe(false);
  });

  it('should call smooth functions smooth, singular points included', () => {
    for (const text of ['tanh(x)', 'sqrt(x)', 'log(x)', 'x^2']) {
      expect(isSmoothAt(parse(text), 'x', 0)).toEqual({ smooth: true, kinks: [] });
    }
  });

  it('should refuse undeclared variables, non-finite points and missing values of the others', () => {
    expect(() => isSmoothAt(parse('abs(x)'), 'z', 0)).toThrow(InvalidArgumentError);
    expect(() => isSmoothAt(parse('abs(x)'), 'x', Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => isSmoothAt(parse('abs(x*y)', ['x', 'y']), 'x', 0)).toThrow(InvalidArgumentError);
    expect(() => isSmoothAt(parse('abs(x*y)', ['x', 'y']), 'x', 0, { y: Number.POSITIVE_INFINITY })).toThrow(
      InvalidArgumentError,
    );
  });
});
