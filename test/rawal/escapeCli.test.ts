import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../src/cli/args.js';
import { NETWORK_ESCAPE_OPTIONS, runNetworkEscapeModel } from '../../src/networks/mlpEscapeCli.js';
import { runScalarEscapeModel, SCALAR_ESCAPE_OPTIONS } from '../../src/reductions/scalarEscapeCli.js';
import { captureIo } from '../helpers/captureIo.js';

/** What the escape-time command does with the two models: one option table, dispatch on --model. */
function run(argv: string[]) {
  const io = captureIo();
  const spec = { model: { type: 'string' as const }, ...NETWORK_ESCAPE_OPTIONS, ...SCALAR_ESCAPE_OPTIONS };
  const args = parseOptions('escape-time', argv, spec);
  const code =
    args.values.model === 'scalar'
      ? runScalarEscapeModel('escape-time', args, io)
      : runNetworkEscapeModel('escape-time', args, io);
  return { code, io };
}

describe('escape-time models', () => {
  it('should print the scalar escape time 90 for r = 3, ε = 0.01, ϑ = 0.1, Γ = 1', () => {
    const argv = [
      '--model',
      'scalar',
      '--bottleneck',
      '3',
      '--rate',
      '1',
      '--eps',
      '0.01',
      '--threshold',
      '0.1',
    ];
    const { code, io } = run([...argv, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(io.out.join(''));
    expect(out.closedForm).toBe(90);
    // Integrated with rtol 1e-10 over about 60 steps.
    expect(Math.abs(out.escapeTime / 90 - 1)).toBeLessThan(1e-8);
    expect(run(argv).io.out.join('')).toMatch(/^escapeTime: 90\.0000/);
  });

  it('should print a network escape time close to the scalar law on the manifold', () => {
    const argv = [
      '--activation',
      'tanh',
      '--depth',
      '3',
      '--bottleneck',
      '2',
      '--eps',
      '0.01',
      '--seed',
      '4',
    ];
    const { code, io } = run([...argv, '--width', '4', '--sample-size', '64', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(io.out.join(''));
    // r = 2, ϑ = 0.1: the neglected drift and saturation terms average below 0.5% over the escape.
    expect(Math.abs(out.escapeTime / out.scalarEscapeTime - 1)).toBeLessThan(5e-3);
    expect(out.options).toMatchObject({ activation: 'tanh', depth: 3, bottleneck: 2, init: 'manifold' });
  });

  it('should refuse missing or malformed options with a UsageError', () => {
    expect(() => run(['--model', 'scalar', '--bottleneck', '3', '--rate', '1', '--eps', '0.01'])).toThrow(
      UsageError,
    );
    expect(() => run(['--model', 'scalar', '--bottleneck', '2.5', '--rate', '1', '--eps', '0.01'])).toThrow(
      UsageError,
    );
    expect(() => run(['--depth', '3', '--bottleneck', '2', '--eps', '0.01', '--seed', '1'])).toThrow(
      /--activation/,
    );
    const network = ['--activation', 'tanh', '--depth', '3', '--bottleneck', '2', '--seed', '1'];
    expect(() => run([...network, '--eps', '-1'])).toThrow(UsageError);
    expect(() => run([...network, '--eps', '0.01', '--init', 'xavier'])).toThrow(/--init must be one of/);
  });
});
