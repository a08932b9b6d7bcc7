import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitPowerLaw } from '../../src/analysis/fits/fitPowerLaw.js';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

const dir = mkdtempSync(join(tmpdir(), 'fit-command-'));
const sizes = [1, 2, 4, 8, 16, 32];
const noise = [0.02, -0.01, 0.03, -0.02, 0.0, 0.01];
const times = sizes.map((x, i) => 2 * x ** -0.5 * Math.exp(noise[i]));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const csv = file(
  'escape.csv',
  ['width,time,label', ...sizes.map((x, i) => `${x},${times[i]},"run ${i}"`), ''].join('\n'),
);

async function run(argv: string[]) {
  const { code, io } = await runSaddlecheck(['fit', ...argv]);
  return { code, out: io.out.join('\n'), err: io.err };
}

describe('saddlecheck fit', () => {
  it('should print the fit as JSON with model, exponent, ci95, prefactor, n and r2', async () => {
    const { code, out } = await run(['--in', csv, '--x', 'width', '--y', 'time', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    const expected = fitPowerLaw(sizes, times);
    expect(result.model).toBe('power');
    // The CSV holds the numbers with full round-trip precision, so the fit is the same to the last bit.
    expect(result.exponent).toBe(expected.exponent);
    expect(result.ci95).toEqual(expected.ci95);
    expect(result.prefactor).toBe(expected.prefactor);
    expect(result.n).toBe(6);
    expect(result.r2).toBeGreaterThan(0.99);
  });

  it('should print a short table by default and accept every model', async () => {
    for (const model of ['power', 'log', 'power-offset', 'theil-sen']) {
      const { code, out } = await run(['--in', csv, '--x', 'width', '--y', 'time', '--model', model]);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`model\\s+${model}`));
      expect(out).toMatch(/exponent\s+\S+\s+95% \[/);
    }
  });

  it('should add the power-versus-log comparison with --compare', async () => {
    const { code, out } = await run(['--in', csv, '--x', 'width', '--y', 'time', '--compare', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).comparison.better).toBe('power');
  });

  it('should read JSON Lines files', async () => {
    const jsonl = file(
      'escape.jsonl',
      sizes.map((x, i) => JSON.stringify({ width: x, time: times[i] })).join('\n'),
    );
    const { code, out } = await run(['--in', jsonl, '--x', 'width', '--y', 'time', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).exponent).toBe(fitPowerLaw(sizes, times).exponent);
  });

  it('should refuse a non-numeric cell with one line quoting its line number, exit 2', async () => {
    const bad = file('bad.csv', 'width,time\n1,2\n2,1.4\n4,abc\n8,0.7\n');
    const { code, err } = await run(['--in', bad, '--x', 'width', '--y', 'time']);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('line 4');
    expect(err[0]).toContain('"abc"');
  });

  it('should refuse y <= 0 for the power law, quoting the line, but accept it for the log law', async () => {
    const negative = file('negative.csv', 'width,time\n1,2\n2,-1\n4,0.5\n8,0.3\n');
    const power = await run(['--in', negative, '--x', 'width', '--y', 'time']);
    expect(power.code).toBe(2);
    expect(power.err[0]).toContain('line 3');
    expect(power.err[0]).toContain('> 0');
    const log = await run(['--in', negative, '--x', 'width', '--y', 'time', '--model', 'log']);
    expect(log.code).toBe(0);
  });

  it('should refuse bad arguments and files with one line and exit 2', async () => {
    const short = file('short.csv', 'width,time\n1,2\n2\n');
    const cases = [
      ['--x', 'width', '--y', 'time'],
      ['--in', csv, '--x', 'size', '--y', 'time'],
      ['--in', csv, '--x', 'width', '--y', 'time', '--model', 'cubic'],
      ['--in', join(dir, 'missing.csv'), '--x', 'width', '--y', 'time'],
      ['--in', short, '--x', 'width', '--y', 'time'],
      ['--in', csv, '--x', 'width', '--y', 'time', '--bogus'],
    ];
    for (const argv of cases) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
    }
  });

  it('should speak of the file and its rows, not of arrays, when the data are too few', async () => {
    const header = file('header.csv', 'width,time\n');
    const one = file('one.csv', 'width,time\n1,2\n');
    expect((await run(['--in', header, '--x', 'width', '--y', 'time'])).err).toEqual([
      `saddlecheck fit: ${header} has no data rows, only its header; add rows.`,
    ]);
    const few = await run(['--in', one, '--x', 'width', '--y', 'time']);
    expect(few.code).toBe(2);
    expect(few.err[0]).toContain(`${one} has 1 data rows; the fit needs at least 3 points`);
    expect((await run(['--in', '', '--x', 'width', '--y', 'time'])).err).toEqual([
      'saddlecheck fit: cannot read --in "" (ENOENT); give the path of a CSV or JSON Lines file.',
    ]);
  });
});
