/** `saddlecheck sweep`: evaluates a grid of settings of one theorem into a JSON Lines file that resumes. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { numberOption, parseOptions, requiredString, stringOption, UsageError } from '../src/cli/args.js';
import type { Command } from '../src/cli/command.js';
import { progressBar } from '../src/cli/progress.js';
import { checkOutputFile } from '../src/report/outputPath.js';
import { oneOf } from '../src/validate.js';
import { findTheorem } from '../theorems/index.js';
import { BUDGETS } from '../theorems/theorem.js';
import { gridPoints, MAX_GRID_POINTS, parseShard, shardPoints } from './sweep/grid.js';
import { runSweep } from './sweep/runSweep.js';
import { checkSettingKeys } from './sweep/settingKeys.js';
import { DEFAULT_SEED } from './verify.js';

function readGrid(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the grid file ${JSON.stringify(path)}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON (${error instanceof Error ? error.message : error}).`);
  }
}

export const sweepCommand: Command = {
  name: 'sweep',
  help: `Usage: saddlecheck sweep --theorem ID --grid GRID.json --out RESULTS.jsonl [--workers N] [--shard I/N]
                         [--budget quick|standard|full] [--seed S] [--repair]

Evaluates every point of the grid and appends one JSON line per finished point to RESULTS.jsonl. Rerun the same
command after an interruption: finished points are skipped, none is lost or repeated. A truncated last line (an
append cut short by an interruption) is moved to RESULTS.jsonl.rejected with a warning and its point is rerun.
Any other bad line stops the run with its line number unless --repair, which moves such lines to
RESULTS.jsonl.rejected first.

RESULTS.jsonl holds one sweep: if any line in it was written with another --theorem, --budget, --seed or grid (a
point at another index, or not in this grid or shard), the sweep stops before evaluating anything. Write to a new
--out file, or rerun with the original options.

GRID.json: {"base": {...}, "axes": {"eps": [0.1, 0.03, 0.01], "depth": [3, 4]}} (Cartesian product over the
base setting) or {"points": [{...}, ...]}. A grid has at most ${MAX_GRID_POINTS} points; split a larger one. Its
keys must be keys of the theorem's setting (a misspelt one is refused, not recorded unread).

Options:
  --theorem ID    a registered theorem (saddlecheck list)
  --grid FILE     the grid
  --out FILE      the results file (created, with its folders, if missing)
  --workers N     worker threads (default 1)
  --shard I/N     evaluate only the points with index mod N == I (0 <= I < N); on Slurm:
                  --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with --array=0-(N-1)
  --budget B      quick (default), standard or full
  --seed S        sweep seed (default ${DEFAULT_SEED}); each point's seed follows from it and the point's index
  --repair        move bad lines of the results file to RESULTS.jsonl.rejected before resuming
  --help          this text`,
  async run(argv, io) {
    const args = parseOptions('sweep', argv, {
      theorem: { type: 'string' },
      grid: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      budget: { type: 'string' },
      seed: { type: 'string' },
      repair: { type: 'boolean' },
    });
    const theorem = findTheorem(requiredString('sweep', args, 'theorem'));
    const grid = readGrid(requiredString('sweep', args, 'grid'));
    const out = requiredString('sweep', args, 'out');
    checkOutputFile('--out', out, 'results.jsonl');
    const workers = numberOption('sweep', args, 'workers', { integer: true, min: 1, max: 256, default: 1 });
    const budget = oneOf('--budget', stringOption(args, 'budget') ?? 'quick', BUDGETS);
    const seed = numberOption('sweep', args, 'seed', {
      integer: true,
      min: 0,
      max: 0xffffffff,
      default: DEFAULT_SEED,
    });
    const shardText = stringOption(args, 'shard');
    const all = gridPoints(grid, seed);
    checkSettingKeys(theorem, all);
    const points = shardText ? shardPoints(all, parseShard(shardText)) : all;
    mkdirSync(dirname(out), { recursive: true });
    const bar = progressBar(io, `sweep ${theorem.id}`, points.length);
    const summary = await runSweep({
      theorem,
      points,
      out,
      budget,
      workers,
      repair: args.values.repair === true,
      onPoint: (_r, done) => bar.update(done),
      onWarning: (message) => io.stderr(`sweep: ${message}`),
    });
    bar.finish();
    io.stderr(
      `sweep: ${summary.evaluated} points evaluated, ${summary.skipped} already in ${out}, ${summary.total} in this ${shardText ? 'shard' : 'grid'}`,
    );
    return 0;
  },
};
