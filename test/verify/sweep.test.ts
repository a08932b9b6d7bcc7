import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { findTheorem } from '../../theorems/index.js';
import { mergeResults } from '../../verify/mergeCommand.js';
import { gridPoints, parseShard, shardPoints } from '../../verify/sweep/grid.js';
import { ResultsFileError, readResults, repairResultsFile } from '../../verify/sweep/resultsFile.js';
import { runSweep } from '../../verify/sweep/runSweep.js';
import { SweepMismatchError } from '../../verify/sweep/sameSweep.js';
import { slowTheorem } from '../fixtures/slowTheorem.js';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

const grid = { base: { delayMs: 0 }, axes: { x: [0, 1, 2, 3, 4, 5, 6] } };
const tmp = () => mkdtempSync(join(tmpdir(), 'saddlecheck-sweep-'));
const withoutTiming = (records: Iterable<Record<string, unknown>>) =>
  [...records]
    .map(({ durationMs: _ignored, ...rest }) => rest)
    .sort((a, b) => (a.index as number) - (b.index as number));

/**
 * Writes a grid of the additive-noise order theorem over `axes` into `dir`, and returns the results file and the
 * `sweep` command line that joins them, with that theorem (`argv`) and without it, for a test to give another.
 */
function cliSweep(
  dir: string,
  { axes = { paths: [40, 50] } as Record<string, number[]>, out = join(dir, 'r.jsonl') } = {},
) {
  const gridFile = join(dir, 'g.json');
  writeFileSync(gridFile, JSON.stringify({ base: { problem: 'integratedBrownian' }, axes }));
  const withoutTheorem = ['sweep', '--grid', gridFile, '--out', out];
  return {
    out,
    withoutTheorem,
    argv: [...withoutTheorem, '--theorem', 'order-euler-maruyama-additive-strong'],
  };
}

describe('sweep grids', () => {
  it('should enumerate the Cartesian product with the first axis slowest and seeds that follow the index', () => {
    const points = gridPoints({ axes: { a: [1, 2], b: ['u', 'v', 'w'] } }, 5);
    expect(points.map((p) => p.setting)).toEqual([
      { a: 1, b: 'u' },
      { a: 1, b: 'v' },
      { a: 1, b: 'w' },
      { a: 2, b: 'u' },
      { a: 2, b: 'v' },
      { a: 2, b: 'w' },
    ]);
    expect(new Set(points.map((p) => p.seed)).size).toBe(6);
    expect(gridPoints({ axes: { a: [1, 2], b: ['u', 'v', 'w'] } }, 5)).toEqual(points);
  });

  it('should split a grid into disjoint shards that cover it', () => {
    const points = gridPoints(grid, 1);
    const shards = [0, 1, 2].map((i) => shardPoints(points, parseShard(`${i}/3`)));
    expect(
      shards
        .flat()
        .map((p) => p.index)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => parseShard('3/3')).toThrow(/0 <= I < N/);
    expect(() => parseShard('one/3')).toThrow(/--shard/);
  });

  it('should refuse, before building them, more than a million points and suggest splitting the grid', () => {
    const binaryAxes = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, [0, 1]]));
    const tooMany = (points: string) =>
      new RegExp(`must be at most 1000000; received ${points}\\. Split the grid`);
    expect(() => gridPoints({ axes: binaryAxes(20) }, 1)).toThrow(InvalidArgumentError);
    expect(() => gridPoints({ axes: binaryAxes(20) }, 1)).toThrow(tooMany('1048576'));
    const start = performance.now();
    expect(() => gridPoints({ axes: binaryAxes(40) }, 1)).toThrow(tooMany('1099511627776'));
    expect(performance.now() - start).toBeLessThan(1000);
    const listed = Array.from({ length: 1_000_001 }, (_, x) => ({ x }));
    expect(() => gridPoints({ points: listed }, 1)).toThrow(tooMany('1000001'));
  });

  it('should refuse a grid with repeated points or empty axes', () => {
    expect(() => gridPoints({ points: [{ x: 1 }, { x: 1 }] }, 1)).toThrow(/repeats point 0/);
    expect(() => gridPoints({ axes: { x: [] } }, 1)).toThrow(/non-empty array/);
  });
});

describe('runSweep', () => {
  it('should give the same points sharded and merged as unsharded', async () => {
    const dir = tmp();
    const points = gridPoints(grid, 9);
    await runSweep({ theorem: slowTheorem, points, out: join(dir, 'all.jsonl'), budget: 'quick' });
    for (const i of [0, 1]) {
      const share = shardPoints(points, parseShard(`${i}/2`));
      await runSweep({ theorem: slowTheorem, points: share, out: join(dir, `s${i}.jsonl`), budget: 'quick' });
    }
    const merged = mergeResults([join(dir, 's1.jsonl'), join(dir, 's0.jsonl')]);
    expect(withoutTiming(merged)).toEqual(withoutTiming(readResults(join(dir, 'all.jsonl')).values()));
    expect(merged.map((r) => r.status)).toEqual(Array(7).fill('confirmed'));
  });

  it('should give the same records on two worker threads as in this thread', async () => {
    const dir = tmp();
    const theorem = findTheorem('order-euler-maruyama-additive-strong');
    const points = gridPoints({ base: { problem: 'integratedBrownian' }, axes: { paths: [40, 50, 60] } }, 4);
    await runSweep({ theorem, points, out: join(dir, 'one.jsonl'), budget: 'quick' });
    await runSweep({ theorem, points, out: join(dir, 'two.jsonl'), budget: 'quick', workers: 2 });
    const one = withoutTiming(readResults(join(dir, 'one.jsonl')).values());
    expect(withoutTiming(readResults(join(dir, 'two.jsonl')).values())).toEqual(one);
    expect(one).toHaveLength(3);
  });

  it('should resume after being killed mid-run without losing or repeating a point', async () => {
    const dir = tmp();
    const out = join(dir, 'results.jsonl');
    const script = join(import.meta.dirname, '../fixtures/runSlowSweep.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, out, '12', '100'], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        let lines = 0;
        try {
          lines = readFileSync(out, 'utf8').split('\n').length - 1;
        } catch {}
        if (lines >= 3) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const before = readResults(out).size;
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(12);
    const points = gridPoints(
      { base: { delayMs: 100 }, axes: { x: Array.from({ length: 12 }, (_, i) => i) } },
      11,
    );
    const summary = await runSweep({ theorem: slowTheorem, points, out, budget: 'quick' });
    expect(summary.skipped).toBe(before);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('should report a truncated or corrupt line with its line number and repair it only when asked', () => {
    const dir = tmp();
    const out = join(dir, 'r.jsonl');
    writeFileSync(out, '{"index":0,"key":"{\\"x\\":0}","setting":{"x":0}}\nnot json\n');
    expect(() => readResults(out)).toThrow(ResultsFileError);
    expect(() => readResults(out)).toThrow(/r\.jsonl:2: the line is not valid JSON/);
    appendFileSync(out, '{"index":1,"ke');
    expect(repairResultsFile(out)).toEqual([2, 3]);
    expect(readResults(out).size).toBe(1);
    expect(readFileSync(`${out}.rejected`, 'utf8')).toBe('not json\n{"index":1,"ke\n');
  });

  it('should move a line cut short by an interruption aside on resume, say so, and rerun its point', async () => {
    const dir = tmp();
    const out = join(dir, 'r.jsonl');
    const points = gridPoints(grid, 9);
    await runSweep({ theorem: slowTheorem, points: points.slice(0, 2), out, budget: 'quick' });
    appendFileSync(out, '{"index":2,"key":');
    const warnings: string[] = [];
    const summary = await runSweep({
      theorem: slowTheorem,
      points,
      out,
      budget: 'quick',
      onWarning: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([expect.stringContaining('r.jsonl:3: truncated by an interruption')]);
    expect(summary).toEqual({ total: 7, skipped: 2, evaluated: 5 });
    expect([...readResults(out).values()].map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('resuming only the same sweep', () => {
  const resumeFix =
    /Write to a new --out file, or rerun with the original --theorem\/--seed\/--budget\/grid\./;
  const twoPointsOf = async (out: string) => {
    await runSweep({ theorem: slowTheorem, points: gridPoints(grid, 9).slice(0, 2), out, budget: 'quick' });
    return readFileSync(out, 'utf8');
  };
  const refusal = async (sweep: Promise<unknown>) => {
    const error = await sweep.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SweepMismatchError);
    expect((error as Error).message).toMatch(resumeFix);
    return (error as Error).message;
  };

  it('should record the sweep seed with every point', async () => {
    const out = join(tmp(), 'r.jsonl');
    await twoPointsOf(out);
    expect([...readResults(out).values()].map((r) => r.sweepSeed)).toEqual([9, 9]);
  });

  it('should refuse, before evaluating a point, a results file that another theorem wrote', async () => {
    const out = join(tmp(), 'r.jsonl');
    const before = await twoPointsOf(out);
    const cube = { ...slowTheorem, id: 'test-slow-cube' };
    const message = await refusal(
      runSweep({ theorem: cube, points: gridPoints(grid, 9), out, budget: 'quick' }),
    );
    expect(message).toMatch(
      /r\.jsonl:1: point 0 .*theorem "test-slow-square" in the file, "test-slow-cube" in this sweep/,
    );
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it("should refuse another sweep's file under --repair too, before moving any of its lines", async () => {
    const out = join(tmp(), 'r.jsonl');
    await twoPointsOf(out);
    appendFileSync(out, 'not json\n');
    const before = readFileSync(out, 'utf8');
    const cube = { ...slowTheorem, id: 'test-slow-cube' };
    await refusal(
      runSweep({ theorem: cube, points: gridPoints(grid, 9), out, budget: 'quick', repair: true }),
    );
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(existsSync(`${out}.rejected`)).toBe(false);
  });

  it('should refuse a results file written with another budget', async () => {
    const out = join(tmp(), 'r.jsonl');
    const before = await twoPointsOf(out);
    const message = await refusal(
      runSweep({ theorem: slowTheorem, points: gridPoints(grid, 9), out, budget: 'standard' }),
    );
    expect(message).toMatch(/r\.jsonl:1: point 0 .*budget "quick" in the file, "standard" in this sweep/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('should refuse a results file written with another sweep seed', async () => {
    const out = join(tmp(), 'r.jsonl');
    const before = await twoPointsOf(out);
    const message = await refusal(
      runSweep({ theorem: slowTheorem, points: gridPoints(grid, 10), out, budget: 'quick' }),
    );
    expect(message).toMatch(/r\.jsonl:1: point 0 .*sweep seed 9 in the file, 10 in this sweep/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('should refuse a point whose own seed differs when its line records no sweep seed', async () => {
    const out = join(tmp(), 'r.jsonl');
    const [first] = gridPoints(grid, 9);
    const { key, setting } = first;
    writeFileSync(
      out,
      `${JSON.stringify({ index: 0, key, setting, seed: 12345, theorem: slowTheorem.id, budget: 'quick' })}\n`,
    );
    const message = await refusal(
      runSweep({ theorem: slowTheorem, points: gridPoints(grid, 9), out, budget: 'quick' }),
    );
    expect(message).toContain(`r.jsonl:1: point 0 `);
    expect(message).toContain(`seed 12345 in the file, ${first.seed} in this sweep`);
  });

  it('should refuse a results file of a reordered grid, whose points sit at other indices', async () => {
    const out = join(tmp(), 'r.jsonl');
    const before = await twoPointsOf(out);
    const reordered = { base: grid.base, axes: { x: [...grid.axes.x].reverse() } };
    const message = await refusal(
      runSweep({ theorem: slowTheorem, points: gridPoints(reordered, 9), out, budget: 'quick' }),
    );
    expect(message).toMatch(/r\.jsonl:1: point 0 .*index 0 in the file, 6 in this sweep/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('should refuse a results file holding a point that is not in this shard', async () => {
    const out = join(tmp(), 'r.jsonl');
    const before = await twoPointsOf(out);
    const shard = shardPoints(gridPoints(grid, 9), parseShard('1/2'));
    const message = await refusal(runSweep({ theorem: slowTheorem, points: shard, out, budget: 'quick' }));
    expect(message).toMatch(
      /r\.jsonl:1: point 0 .*setting \{"delayMs":0,"x":0\} is not a point of this sweep's grid or shard/,
    );
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('should say on one line which file and what differs when the command line resumes another sweep', async () => {
    const { out, withoutTheorem: sweep } = cliSweep(tmp());
    const first = await runSaddlecheck([
      ...sweep,
      '--theorem',
      'order-euler-maruyama-additive-strong',
      '--seed',
      '4',
    ]);
    expect(first.code).toBe(0);
    const before = readFileSync(out, 'utf8');
    for (const [changed, difference] of [
      [['--theorem', 'order-milstein-additive-strong', '--seed', '4'], 'theorem'],
      [['--theorem', 'order-euler-maruyama-additive-strong', '--seed', '5'], 'sweep seed 4 in the file, 5'],
      [
        ['--theorem', 'order-euler-maruyama-additive-strong', '--seed', '4', '--budget', 'standard'],
        'budget',
      ],
    ] as const) {
      const { code, io } = await runSaddlecheck([...sweep, ...changed]);
      expect(code).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toContain(`${out}:1: point 0 `);
      expect(io.err[0]).toContain(difference);
      expect(io.err[0]).toMatch(resumeFix);
      expect(readFileSync(out, 'utf8')).toBe(before);
    }
  });
});

describe('the keys of a grid', () => {
  it("should refuse a key that the theorem's setting does not take, and accept its optional ones", async () => {
    const dir = tmp();
    // "paths" is not in the default setting {problem} but the theorem's settings draw it.
    const { out, argv: sweep } = cliSweep(dir, { axes: { pathz: [40] } });
    const typo = await runSaddlecheck(sweep);
    expect(typo.code).toBe(2);
    expect(typo.io.err).toEqual([
      'saddlecheck sweep: grid key "pathz" (point 0) must be a setting of order-euler-maruyama-additive-strong: one of problem, paths; received "pathz". Remove it or correct its spelling.',
    ]);
    expect(existsSync(out)).toBe(false);
    expect((await runSaddlecheck(cliSweep(dir, { axes: { paths: [40] } }).argv)).code).toBe(0);
  });
});

describe('the --out path of sweep and merge', () => {
  const sweepInto = (dir: string, out: string) => runSaddlecheck(cliSweep(dir, { out }).argv);
  const mergeInto = async (dir: string, out: string) => {
    const shard = join(dir, 's0.jsonl');
    await runSweep({
      theorem: slowTheorem,
      points: gridPoints(grid, 9).slice(0, 1),
      out: shard,
      budget: 'quick',
    });
    return runSaddlecheck(['merge', '--out', out, shard]);
  };
  const refusedOut = ({ code, io }: { code: number; io: { err: string[] } }, out: string, fix: RegExp) => {
    expect(code).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).not.toContain('internal error');
    expect(io.err[0]).toContain(`--out must be`);
    expect(io.err[0]).toContain(`received ${JSON.stringify(out)}`);
    expect(io.err[0]).toMatch(fix);
  };

  it('should refuse an empty --out with a named error', async () => {
    const dir = tmp();
    refusedOut(await sweepInto(dir, ''), '', /Give a file name after --out/);
    refusedOut(await mergeInto(dir, ''), '', /Give a file name after --out/);
  });

  it('should refuse a directory as --out and suggest a file inside it', async () => {
    const dir = tmp();
    refusedOut(await sweepInto(dir, dir), dir, new RegExp(`e\\.g\\. --out ${join(dir, 'results.jsonl')}`));
    refusedOut(await mergeInto(dir, dir), dir, new RegExp(`e\\.g\\. --out ${join(dir, 'merged.jsonl')}`));
  });

  it('should refuse an --out inside a regular file and name that file', async () => {
    const dir = tmp();
    const file = join(dir, 'file');
    writeFileSync(file, 'not a directory\n');
    const out = join(file, 'x.jsonl');
    const fix = new RegExp(`"${file}" is a file, not a directory`);
    refusedOut(await sweepInto(dir, out), out, fix);
    refusedOut(await mergeInto(dir, out), out, fix);
    expect(readFileSync(file, 'utf8')).toBe('not a directory\n');
  });

  it('should create the missing folders of --out', async () => {
    const dir = tmp();
    const out = join(dir, 'new', 'folder', 'r.jsonl');
    const { code } = await sweepInto(dir, out);
    expect(code).toBe(0);
    expect(readResults(out).size).toBe(2);
  });
});

describe('the inputs of merge', () => {
  const oneShard = async (dir: string) => {
    const shard = join(dir, 's0.jsonl');
    await runSweep({
      theorem: slowTheorem,
      points: gridPoints(grid, 9).slice(0, 1),
      out: shard,
      budget: 'quick',
    });
    return shard;
  };

  it('should refuse a results file that does not exist, naming it, and write nothing', async () => {
    const dir = tmp();
    const shard = await oneShard(dir);
    const missing = join(dir, 'nope.jsonl');
    expect(() => mergeResults([shard, missing])).toThrow(InvalidArgumentError);
    expect(() => mergeResults([shard, missing])).toThrow(`received ${JSON.stringify(missing)}. No such file`);
    const merged = join(dir, 'm.jsonl');
    const { code, io } = await runSaddlecheck(['merge', '--out', merged, shard, missing]);
    expect(code).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain(JSON.stringify(missing));
    expect(existsSync(merged)).toBe(false);
  });

  it('should refuse a directory given as a results file to merge', async () => {
    const dir = tmp();
    const shard = await oneShard(dir);
    const { code, io } = await runSaddlecheck(['merge', '--out', join(dir, 'm.jsonl'), shard, dir]);
    expect(code).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).not.toContain('internal error');
    expect(io.err[0]).toContain(`received ${JSON.stringify(dir)}. It is a directory`);
  });
});

describe('merging only the shards of one sweep', () => {
  const shardOf = async (
    file: string,
    shard: string,
    { theorem = slowTheorem, budget = 'quick', seed = 9, points = gridPoints(grid, seed) } = {},
  ) => {
    const share = shardPoints(points, parseShard(shard));
    await runSweep({ theorem, points: share, out: file, budget: budget as 'quick' | 'standard' });
    return file;
  };
  const mergeFix = /Merge only the shards of one sweep: the same --theorem, --budget, --seed and grid\./;
  const mismatch = (files: string[]) => {
    try {
      mergeResults(files);
    } catch (error) {
      expect(error).toBeInstanceOf(SweepMismatchError);
      expect((error as Error).message).toMatch(mergeFix);
      return (error as Error).message;
    }
    throw new Error(`merged ${files.join(', ')} without a complaint`);
  };

  it('should refuse shards of another theorem, budget or sweep seed and name both files', async () => {
    const dir = tmp();
    const s0 = await shardOf(join(dir, 's0.jsonl'), '0/2');
    const cube = await shardOf(join(dir, 'cube.jsonl'), '1/2', {
      theorem: { ...slowTheorem, id: 'test-slow-cube' },
    });
    const standard = await shardOf(join(dir, 'standard.jsonl'), '1/2', { budget: 'standard' });
    const seed10 = await shardOf(join(dir, 'seed10.jsonl'), '1/2', { seed: 10 });
    expect(mismatch([s0, cube])).toContain(
      `${cube}:1 and ${s0}:1 come from different sweeps (theorem "test-slow-cube" in ${cube}, "test-slow-square" in ${s0})`,
    );
    expect(mismatch([s0, standard])).toContain(`(budget "standard" in ${standard}, "quick" in ${s0})`);
    expect(mismatch([s0, seed10])).toContain(`(sweep seed 10 in ${seed10}, 9 in ${s0})`);
    const { code, io } = await runSaddlecheck(['merge', '--out', join(dir, 'm.jsonl'), s0, cube]);
    expect(code).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain(s0);
    expect(io.err[0]).toContain(cube);
    expect(existsSync(join(dir, 'm.jsonl'))).toBe(false);
  });

  it('should merge a point evaluated in two runs of one sweep when only its timing differs', async () => {
    const dir = tmp();
    const all = await shardOf(join(dir, 'all.jsonl'), '0/1');
    const again = await shardOf(join(dir, 'again.jsonl'), '0/2');
    // The rerun took another time: set it, rather than rely on two runs' clocks differing.
    const rerun = readFileSync(again, 'utf8').replace(/"durationMs":[-0-9.e]+/g, '"durationMs":987654');
    writeFileSync(again, rerun);
    const merged = mergeResults([all, again]);
    expect(merged.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // A point whose measurement differs is still an error, with both places named.
    const line = readFileSync(again, 'utf8').split('\n')[0];
    writeFileSync(again, `${line.replace(/"measured":([-0-9.e]+)/, '"measured":12345')}\n`);
    expect(() => mergeResults([all, again])).toThrow(
      `point 0 has different results in ${all}:1 and ${again}:1`,
    );
  });

  it('should refuse two files that hold the same point index with different settings', async () => {
    const dir = tmp();
    const reordered = gridPoints({ base: grid.base, axes: { x: [...grid.axes.x].reverse() } }, 9);
    const s0 = await shardOf(join(dir, 's0.jsonl'), '0/2');
    const other = await shardOf(join(dir, 'other.jsonl'), '0/2', { points: reordered });
    expect(mismatch([s0, other])).toContain(
      `${other}:1 and ${s0}:1 come from different sweeps (point 0 is {"delayMs":0,"x":6} in ${other}, {"delayMs":0,"x":0} in ${s0})`,
    );
  });
});

describe('a results file cut short on the command line', () => {
  it('should warn on one line when it moves a truncated last line aside, and rerun that point', async () => {
    const { out, argv: sweep } = cliSweep(tmp());
    expect((await runSaddlecheck(sweep)).code).toBe(0);
    const [first, second] = readFileSync(out, 'utf8').split('\n');
    const cut = second.slice(0, 30);
    writeFileSync(out, `${first}\n${cut}`);
    const { code, io } = await runSaddlecheck(sweep);
    expect(code).toBe(0);
    expect(io.err).toEqual([
      `sweep: ${out}:2: truncated by an interruption; moved to ${out}.rejected, the point is rerun`,
      `sweep: 1 points evaluated, 1 already in ${out}, 2 in this grid`,
    ]);
    expect(readFileSync(`${out}.rejected`, 'utf8')).toBe(`${cut}\n`);
    expect([...readResults(out).values()].map((r) => r.index)).toEqual([0, 1]);
  });

  it('should say in its help what happens to a truncated last line and to any other bad line', async () => {
    const { io } = await runSaddlecheck(['sweep', '--help']);
    const help = io.out.join('\n').replace(/\s+/g, ' ');
    expect(help).toContain(
      'A truncated last line (an append cut short by an interruption) is moved to RESULTS.jsonl.rejected with a warning and its point is rerun.',
    );
    expect(help).toContain('Any other bad line stops the run with its line number unless --repair');
  });
});
