import { describe, expect, it } from 'vitest';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

const ou = [
  'sde',
  '--drift',
  '-k*x',
  '--diffusion',
  '0.5',
  '--param',
  'k=1',
  '--x0',
  '1',
  '--t1',
  '1',
  '--dt',
  '0.01',
];

describe('saddlecheck sde', () => {
  it('should print the same JSON for one and two workers, with the Ornstein-Uhlenbeck mean and variance', async () => {
    const common = [...ou, '--paths', '4000', '--method', 'em', '--seed', '5', '--json'];
    const one = await runSaddlecheck([...common, '--workers', '1']);
    const two = await runSaddlecheck([...common, '--workers', '2']);
    expect(one.code, one.io.err.join('\n')).toBe(0);
    expect(two.code, two.io.err.join('\n')).toBe(0);
    expect(two.io.out).toEqual(one.io.out);
    const result = JSON.parse(one.io.out[0]);
    // Euler-Maruyama's mean is exactly (1 - dt)^n x0 = 0.99^100; the statistical error is meanStdError.
    expect(Math.abs(result.mean - 0.99 ** 100)).toBeLessThan(4 * result.meanStdError);
    // Its variance is 0.25 dt (1 - 0.99^200) / (1 - 0.99^2) = 0.10825; sampling sd of s² is s²√(2/n) = 0.0024.
    expect(Math.abs(result.variance - (0.25 * 0.01 * (1 - 0.99 ** 200)) / (1 - 0.99 ** 2))).toBeLessThan(
      0.01,
    );
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['mean', 'variance', 'meanStdError', 'quantiles', 'paths', 'seed', 'method']),
    );
    expect(result.quantiles.q05).toBeLessThan(result.quantiles.q50);
  });

  it('should refuse sra1 on multiplicative noise and heun on an Ito problem with one line and exit 2', async () => {
    const multiplicative = [
      'sde',
      '--drift',
      '0',
      '--diffusion',
      'x',
      '--x0',
      '1',
      '--t1',
      '1',
      '--dt',
      '0.1',
    ];
    const common = [...multiplicative, '--paths', '10', '--seed', '1', '--method'];
    const sra1 = await runSaddlecheck([...common, 'sra1']);
    expect(sra1.code).toBe(2);
    expect(sra1.io.err).toHaveLength(1);
    expect(sra1.io.err[0]).toContain('sra1 does not support scalar noise');
    const heun = await runSaddlecheck([...common, 'heun']);
    expect(heun.code).toBe(2);
    expect(heun.io.err[0]).toContain('Stratonovich');
  });

  it('should point at an unknown symbol or a forbidden function in an expression', async () => {
    const tail = ['--paths', '10', '--method', 'em', '--seed', '1'];
    const unknown = await runSaddlecheck([...ou.slice(0, 2), '-k*y', ...ou.slice(3), ...tail]);
    expect(unknown.code).toBe(2);
    expect(unknown.io.err[0]).toContain("unknown symbol 'y'");
    const evil = await runSaddlecheck([...ou.slice(0, 2), 'import(x)', ...ou.slice(3), ...tail]);
    expect(evil.code).toBe(2);
    expect(evil.io.err[0]).toContain('import');
  });

  it('should refuse a bad number and a missing option, naming them', async () => {
    const bad = await runSaddlecheck([...ou, '--paths', 'many', '--method', 'em', '--seed', '1']);
    expect(bad.code).toBe(2);
    expect(bad.io.err[0]).toContain('--paths must be an integer >= 2; received "many"');
    const missing = await runSaddlecheck([...ou, '--paths', '10', '--seed', '1']);
    expect(missing.io.err[0]).toContain('--method is required');
  });
});
