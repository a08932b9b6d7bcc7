import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

async function dln(argv: string[]) {
  const { code, io } = await runSaddlecheck(['dln', ...argv]);
  return { code, io, json: () => JSON.parse(io.out.join('')) };
}

const BASE = ['--in', '4', '--out', '4', '--teacher', '4,2,1', '--seed', '3'];

describe('saddlecheck dln', () => {
  it('should report the staircase of a depth-3 gradient flow from small random init, with a plot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dln-'));
    const plot = join(dir, 'run.svg');
    const argv = ['--depth', '3', '--width', '8', ...BASE, '--init', 'random', '--init-scale', '0.01'];
    const { code, json } = await dln([...argv, '--dynamics', 'gf', '--t1', '1000', '--json', '--plot', plot]);
    expect(code).toBe(0);
    const out = json();
    expect(out.status).toBe('success');
    expect(out.times).toHaveLength(out.loss.length);
    expect(out.rank).toHaveLength(out.loss.length);
    expect(out.plateaus.map((p: { saddle: number }) => p.saddle)).toEqual([0, 1, 2, 3]);
    expect(out.plateaus.map((p: { predictedLoss: number }) => p.predictedLoss)).toEqual([10.5, 2.5, 0.5, 0]);
    for (const p of out.plateaus) {
      // Within the detection band, 0.5% of the initial loss 10.5.
      expect(Math.abs(p.loss - p.predictedLoss)).toBeLessThan(0.0525);
    }
    expect(out.escapeTimes).toHaveLength(3);
    expect(out.escapeTimes[0]).toBeLessThan(out.escapeTimes[1]);
    expect(out.escapeTimes[1]).toBeLessThan(out.escapeTimes[2]);
    // Gradient flow conserves the imbalance; the solve at rtol 1e-7 keeps it to far better than 1e-5.
    expect(out.imbalanceDrift.maxRelative).toBeLessThan(1e-5);
    expect(out.layerRanks).toEqual([3, 3, 3]);
    const svg = readFileSync(plot, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<svg /g)).toHaveLength(3);
  });

  it('should time aligned escapes at the closed form to within one save interval', async () => {
    const eps = 1e-4;
    const argv = ['--depth', '2', '--width', '4', ...BASE, '--init', 'aligned', '--init-scale', String(eps)];
    const { code, json } = await dln([...argv, '--dynamics', 'gf', '--t1', '40', '--json']);
    expect(code).toBe(0);
    const out = json();
    [4, 2, 1].forEach((s, k) => {
      const exact = Math.log(s / eps ** 2 - 1) / (2 * s);
      // Geometric saves, 80 per decade: linear interpolation errs by less than one interval, a factor 10^(1/80).
      expect(Math.abs(out.escapeTimes[k] - exact)).toBeLessThan(exact * (10 ** (1 / 80) - 1));
    });
  });

  it('should run gradient descent and online SGD and print a readable summary', async () => {
    const argv = ['--depth', '2', '--width', '6', ...BASE, '--init', 'random', '--init-scale', '1e-6'];
    const gd = await dln([...argv, '--dynamics', 'gd', '--lr', '0.01', '--t1', '20']);
    expect(gd.code).toBe(0);
    const text = gd.io.out.join('');
    expect(text).toMatch(/^status: success at t = 20 \(gradient descent\)/);
    expect(text).toMatch(/0\.5 \(saddle 2\)/);
    const sgd = await dln([
      ...argv,
      '--dynamics',
      'sgd',
      '--lr',
      '0.01',
      '--batch',
      '8',
      '--t1',
      '20',
      '--json',
    ]);
    expect(sgd.code).toBe(0);
    expect(sgd.json().method).toMatch(/online SGD \(B=8/);
  });

  it('should refuse inconsistent or missing options with exit code 2', async () => {
    const argv = ['--depth', '3', '--width', '8', ...BASE, '--t1', '10'];
    for (const bad of [
      ['--init', 'random', '--dynamics', 'gf'],
      ['--init', 'random', '--init-scale', '0.1', '--gamma', '2', '--dynamics', 'gf'],
      ['--init', 'aligned', '--gamma', '2', '--dynamics', 'gf'],
      ['--init', 'he', '--init-scale', '0.1', '--dynamics', 'gf'],
      ['--init', 'random', '--init-scale', '0.1', '--dynamics', 'gf', '--lr', '0.1'],
      ['--init', 'random', '--init-scale', '0.1', '--dynamics', 'gd'],
      ['--init', 'random', '--init-scale', '0.1', '--dynamics', 'gd', '--lr', '0.1', '--batch', '4'],
      ['--init', 'random', '--init-scale', '0.1', '--dynamics', 'adam', '--lr', '0.1'],
      ['--init', 'random', '--init-scale', '-1', '--dynamics', 'gf'],
      ['--init', 'random', '--init-scale', '0.1', '--dynamics', 'gf', '--plot', join(tmpdir(), 'run.png')],
    ]) {
      const { code, io } = await dln([...argv, ...bad]);
      expect(code).toBe(2);
      expect(io.err.join('')).toMatch(/^saddlecheck dln: /);
    }
    const tooMany = [
      '--depth',
      '2',
      '--width',
      '4',
      '--in',
      '2',
      '--out',
      '2',
      '--teacher',
      '3,2,1',
      '--seed',
      '1',
    ];
    const { code } = await dln([
      ...tooMany,
      '--init',
      'random',
      '--init-scale',
      '0.1',
      '--dynamics',
      'gf',
      '--t1',
      '1',
    ]);
    expect(code).toBe(2);
  });
});
