import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { parseExpression } from '../../src/expressions/parseExpression.js';
import { powerSum } from '../../src/expressions/powerSum.js';

const sumOf = (text: string, variables = ['z']) => powerSum(parseExpression(text, { variables }), 'z');
const terms = (text: string) => {
  const sum = sumOf(text);
  if (sum?.kind !== 'sum') throw new Error(`${text}: ${JSON.stringify(sum)}`);
  return sum.terms.map((t) => [t.power, t.coefficient]);
};

describe('powerSum', () => {
  it('should read powers beyond the normal form’s expansion limit as powers', () => {
    expect(terms('z^1000')).toEqual([[1000, 1]]);
    // z·1000z^999 − z^1000 = 999 z^1000, exactly in integers.
    expect(terms('z*(1000*z^999) - z^1000')).toEqual([[1000, 999]]);
    expect(terms('(z^70)^2 - z^140')).toEqual([]);
    // (2z)^1000 = 2^1000 z^1000, a power of two: exact.
    expect(terms('(2*z)^1000')).toEqual([[1000, 2 ** 1000]]);
    expect(terms('z^-70')).toEqual([[-70, 1]]);
  });

  it('should expand integer powers of sums and fold constants', () => {
    expect(terms('(z + 1)^3')).toEqual([
      [0, 1],
      [1, 3],
      [2, 3],
      [3, 1],
    ]);
    expect(terms('pi*z^2')).toEqual([[2, Math.PI]]);
    // 0.1 + 0.2 − 0.3 is 5.6e-17 in floating point: round-off, not a coefficient.
    expect(terms('0.1*z^2 + 0.2*z^2 - 0.3*z^2')).toEqual([]);
    expect(terms('(z^4)^0.5')).toEqual([[2, 1]]);
    expect(terms('sqrt(z^4)')).toEqual([[2, 1]]);
  });

  it('should call a non-integer power of a power of z not smooth, naming it', () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['z^100.5', /z \^ 100\.5 is not real where its base is negative/],
      ['z^(1/3)', /not real/],
      ['(-z^2)^0.5', /not real/],
      ['(z^2)^0.5', /multiple of \|z\|\^1,/],
      ['sqrt(z^2)', /multiple of \|z\|\^1,/],
      ['sqrt(z)', /sqrt\(z\) is not real/],
      ['(z^2)^1.5', /multiple of \|z\|\^3,/],
      ['z^2.5 * z^0.5', /z \^ 0\.5 is not real/],
    ];
    for (const [text, reason] of cases) {
      const sum = sumOf(text);
      expect(sum?.kind, text).toBe('not-smooth');
      expect(sum?.kind === 'not-smooth' ? sum.reason : '', text).toMatch(reason);
    }
  });

  it('should give undefined for anything that is not a sum of powers', () => {
    for (const text of ['tanh(z)', '2^z', '1/(1 + z)', '(1 + z^2)^0.5', '(3*z)^1000', 'z*y']) {
      expect(sumOf(text, ['z', 'y']), text).toBeUndefined();
    }
  });

  it('should refuse a variable that is not declared', () => {
    expect(() => powerSum(parseExpression('z', { variables: ['z'] }), 'x')).toThrow(InvalidArgumentError);
  });
});
