import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../src/cli/args.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { PER_MODE_ESCAPE_OPTIONS, runPerModeEscapeModel } from '../../src/reductions/perModeEscapeCli.js';
import { captureIo } from '../helpers/captureIo.js';

function run(argv: string[]) {
  const io = captureIo();
  const args = parseOptions('escape-time', argv, { model: { type: 'string' }, ...PER_MODE_ESCAPE_OPTIONS });
  return { code: runPerModeEscapeModel('escape-time', args, io), io };
}

describe('escape-time --model per-mode', () => {
  it('should print 99.1497 for L = 3, s = 1, ε = 0.01 (THEORY.md table) next to the law 1/ε = 100', () => {
    const { code, io } = run(['--model', 'per-mode', '--depth', '3', '--s', '1', '--eps', '0.01', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(io.out.join(''));
    expect(out.model).toBe('per-mode');
    expect(out.options).toEqual({ depth: 3, s: 1, eps: 0.01, frac: 0.5 });
    expect(Number(out.closedForm.toPrecision(6))).toBe(99.1497);
    // rtol 1e-10 per step over about 135 steps.
    expect(Math.abs(out.escapeTime / out.closedForm - 1)).toBeLessThan(135e-10);
    expect(out.asymptotic).toBeCloseTo(100, 10);
  });

  it('should honour --frac and print a readable summary without --json', () => {
    const { code, io } = run(['--depth', '2', '--s', '2', '--eps', '0.1', '--frac', '0.9']);
    expect(code).toBe(0);
    const text = io.out.join('');
    // L = 2: t = ln[u1 (s − u0) / (u0 (s − u1))] / (2s) with u0 = 0.01, u1 = 1.8.
    const exact = Math.log((1.8 * 1.99) / (0.01 * 0.2)) / 4;
    expect(text).toMatch(/^escapeTime: /);
    expect(Number(/closed form: (\S+)/.exec(text)?.[1])).toBeCloseTo(exact, 13);
  });

  it('should refuse missing, malformed or inconsistent options with named errors', () => {
    expect(() => run(['--depth', '3', '--s', '1'])).toThrow(UsageError);
    expect(() => run(['--depth', '1', '--s', '1', '--eps', '0.1'])).toThrow(UsageError);
    expect(() => run(['--depth', '3', '--s', '-1', '--eps', '0.1'])).toThrow(UsageError);
    expect(() => run(['--depth', '3', '--s', '1', '--eps', 'NaN'])).toThrow(UsageError);
    // The fraction's open upper end is checked with the option, as its message says.
    expect(() => run(['--depth', '3', '--s', '1', '--eps', '0.1', '--frac', '1'])).toThrow(
      '--frac must be a number > 0 and < 1; received "1".',
    );
    expect(() => run(['--depth', '2', '--s', '1', '--eps', '0.9'])).toThrow(InvalidArgumentError);
  });
});
