import { describe, expect, it } from 'vitest';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

const SDE = { x0: '1', t1: '1', dt: '0.1', method: 'em', seed: '1', paths: '10', drift: '0', diffusion: '1' };

/** `saddlecheck sde` with the options of SDE changed as given (null leaves one out), then `extra`. */
function sde(changes: Record<string, string | null>, ...extra: string[]): string[] {
  const options = Object.entries({ ...SDE, ...changes }).filter(([, value]) => value !== null);
  return ['sde', ...options.flatMap(([name, value]) => [`--${name}`, value as string]), ...extra];
}

/** Runs the command and returns its one line on stderr, checking the exit code 2. */
async function refusal(argv: string[]): Promise<string> {
  const { code, io } = await runSaddlecheck(argv);
  expect(io.err, io.err.join('\n')).toHaveLength(1);
  expect(code).toBe(2);
  expect(io.err[0]).not.toMatch(/internal error|\n {4}at /);
  return io.err[0];
}

describe('input errors on the command line', () => {
  it('should name the option whose expression is refused, in either spelling', async () => {
    const diffusion = await refusal(sde({ drift: '-x', diffusion: '' }));
    expect(diffusion).toMatch(/^saddlecheck sde: --diffusion: empty expression/);
    const drift = await refusal(sde({ drift: null }, '--drift=x+y'));
    expect(drift).toMatch(/^saddlecheck sde: --drift: unknown symbol 'y'/);
  });

  it('should keep the whole of a message that spans lines, on one line', async () => {
    const line = await refusal(sde({ drift: 'x\n1' }));
    // The expression's text and the remedy after it both survive.
    expect(line).toContain("'x 1'");
    expect(line).toMatch(/\.$/);
  });

  it('should call the variable and the parameters by their options', async () => {
    const clash = await refusal(sde({ drift: 'x' }, '--param', 'x=1'));
    expect(clash).toContain('--param x must be a name not declared before');
    const proto = await refusal(sde({ drift: '-__proto__*x' }, '--param', '__proto__=2'));
    expect(proto).toContain('--param __proto__ must be a name of letters');
  });

  it('should refuse sizes too large to allocate as input, naming the option', async () => {
    const line = await refusal(sde({ paths: '1e12' }));
    expect(line).toContain('need more memory than this process can allocate');
    expect(line).toContain('reduce --paths.');
  });

  it('should speak of the methods and steps of the command line', async () => {
    const heun = await refusal(sde({ method: 'heun', diffusion: 'x' }));
    expect(heun).toContain('--method heun solves Stratonovich SDEs');
    expect(heun).toContain('Use --method milstein');
    expect(heun).toContain('pass --interpretation stratonovich');
    // 1/0.3 rounds to 3 steps: dt = 1/3.
    expect(await refusal(sde({ dt: '0.3' }))).toContain(
      '--dt must be a step that divides t1 - t0 = 1 into a whole number of steps; received 0.3. Use dt = 0.3333333333333333.',
    );
    expect(await refusal(sde({ dt: '5e-324' }))).toContain(`Use dt >= ${1 / (2 ** 31 - 1)}.`);
    // The library's own range check, reached with a number the option's parser accepts.
    expect(await refusal(sde({ paths: '1e300' }))).toContain(
      'saddlecheck sde: --paths must be an integer from 1 to',
    );
  });

  it("should print the command's name once, before the message", async () => {
    const samples = await refusal([
      'stationary',
      '--drift',
      '-x',
      '--diffusion',
      '1',
      '--domain=-5,5',
      '--samples',
      'test/fixtures/no-such-samples.json',
    ]);
    expect(samples).toMatch(/^saddlecheck stationary: /);
    expect(samples).not.toMatch(/^saddlecheck stationary: stationary:/);
  });

  it('should check a choice before the options that depend on it', async () => {
    const dynamics = await refusal([
      'dln',
      '--depth',
      '3',
      '--width',
      '4',
      '--in',
      '4',
      '--out',
      '4',
      '--teacher',
      '2,1',
      '--init',
      'aligned',
      '--init-scale',
      '0.01',
      '--dynamics',
      'foo',
      '--t1',
      '1',
      '--seed',
      '1',
    ]);
    expect(dynamics).toContain('--dynamics must be one of gf, gd, sgd; received "foo".');
  });
});
