import { describe, expect, it } from 'vitest';
import { keyValueNumbers, parseNumber, parseOptions, UsageError } from '../../src/cli/args.js';

const options = {
  paths: { type: 'string' },
  param: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('command-line options', () => {
  it('should refuse an option given twice instead of letting the last one win', () => {
    expect(problem(() => parseOptions('sde', ['--paths', '100', '--paths', '200'], options))).toContain(
      '--paths is given twice (--paths "100" and --paths "200"); give it once.',
    );
    expect(problem(() => parseOptions('sde', ['--json', '--json'], options))).toContain(
      '--json is given twice',
    );
    // A repeatable option may repeat.
    expect(parseOptions('sde', ['--param', 'a=1', '--param', 'b=2'], options).values.param).toEqual([
      'a=1',
      'b=2',
    ]);
  });

  it('should name an unknown option and list the options there are', () => {
    expect(problem(() => parseOptions('merge', ['--bogus'], options, true))).toBe(
      "unknown option --bogus; the options are --paths, --param, --json, --help. See 'saddlecheck merge --help'.",
    );
  });

  it('should say which option lacks its value, and how to give one that starts with a dash', () => {
    expect(problem(() => parseOptions('sde', ['--paths', '--json'], options))).toContain(
      '--paths needs a value but is followed by the option "--json"; write --paths=VALUE',
    );
    expect(problem(() => parseOptions('sde', ['--paths'], options))).toContain('--paths needs a value.');
    expect(problem(() => parseOptions('sde', ['--json=1'], options))).toContain(
      '--json is a switch and takes no value; give --json alone.',
    );
    expect(problem(() => parseOptions('sde', ['stray'], options))).toContain('unexpected argument "stray"');
  });

  it('should read numbers in decimal notation only', () => {
    expect(parseNumber('sde', 'paths', ' 1e3 ')).toBe(1000);
    expect(parseNumber('sde', 'x0', '-.5')).toBe(-0.5);
    for (const text of ['0x10', '0b11', '0o7', '', ' ', '1_000', 'Infinity', '1e', '.'])
      expect(problem(() => parseNumber('sde', 'paths', text))).toContain(`received ${JSON.stringify(text)}`);
  });

  it('should state an open upper end as it checks it', () => {
    const fraction = { min: 0, exclusiveMin: true, max: 1, exclusiveMax: true };
    expect(parseNumber('escape-time', 'frac', '0.999', fraction)).toBe(0.999);
    for (const text of ['0', '1', '1.5'])
      expect(problem(() => parseNumber('escape-time', 'frac', text, fraction))).toBe(
        `--frac must be a number > 0 and < 1; received "${text}".`,
      );
    expect(parseNumber('dln', 'band', '1', { max: 1 })).toBe(1);
  });

  it('should refuse a parameter given twice and keep a name such as __proto__ as an ordinary key', () => {
    expect(problem(() => keyValueNumbers('sde', 'param', ['k=1', 'k=2']))).toBe(
      '--param k is given twice (k=1 and k=2); give it once.',
    );
    const params = keyValueNumbers('sde', 'param', ['__proto__=2', 'k=3']);
    expect(Object.entries(params)).toEqual([
      ['__proto__', 2],
      ['k', 3],
    ]);
  });
});
