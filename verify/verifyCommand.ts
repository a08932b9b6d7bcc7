/**
 * `saddlecheck verify [IDS...]`: measures theorems and prints a table of verdicts.
 * Exit code 0 when every verdict is confirmed, 1 when any is refuted or failed to run, 3 when the rest are only
 * inconclusive.
 */
import { numberOption, parseOptions, stringOption, UsageError } from '../src/cli/args.js';
import type { Command } from '../src/cli/command.js';
import { progressBar } from '../src/cli/progress.js';
import { checkOutputDirectory } from '../src/report/outputPath.js';
import { oneOf } from '../src/validate.js';
import { findTheorem, theorems } from '../theorems/index.js';
import { BUDGETS, type Budget } from '../theorems/theorem.js';
import { explore, formatExploration } from './explore.js';
import { formatTable } from './table.js';
import { DEFAULT_SEED, fmt, type Report, verify } from './verify.js';
import { writeReports } from './writeReports.js';

export function exitCode(reports: readonly Report[]): number {
  if (reports.some((r) => r.status === 'refuted' || r.status === 'failed-to-run')) return 1;
  if (reports.some((r) => r.status === 'inconclusive')) return 3;
  return 0;
}

export function verdictTable(reports: readonly Report[]): string {
  const rows = reports.map((r) => [
    r.id,
    r.source,
    fmt(r.predicted),
    r.interval[0] === r.interval[1]
      ? fmt(r.measured)
      : `${fmt(r.measured)} [${fmt(r.interval[0])}, ${fmt(r.interval[1])}]`,
    r.status,
    `${(r.durationMs / 1000).toFixed(1)}s`,
  ]);
  return formatTable(['theorem', 'source', 'predicted', 'measured [95%]', 'verdict', 'time'], rows);
}

export const verifyCommand: Command = {
  name: 'verify',
  help: `Usage: saddlecheck verify [IDS...] [--budget quick|standard|full] [--seed S] [--json] [--out DIR]
       saddlecheck verify ID --explore N [--seed S] [--budget B] [--path P] [--json]

Measures each theorem (all registered ones when no id is given) at its default setting and compares the
measurement with the prediction. Exit code: 0 all confirmed, 1 any refuted or failed to run, 3 the rest only
inconclusive.

Options:
  --budget B     quick (default), standard or full: how many paths, samples and settings to spend
  --seed S       seed of every random number (default ${DEFAULT_SEED}); the report prints the rerun command
  --json         print {results: [{id, status, predicted, measured, interval, seed, rerun, ...}]}; with
                 --explore, {explorations: [{id, runs, seed, failure?, path?, shrinks, replay?}]}
  --out DIR      also write DIR/<id>.json per theorem, SVG plots of the evidence and DIR/summary.md
  --explore N    draw N settings from the theorem's parameter space; on a refutation shrink to the smallest
                 failing setting and print it with the seed and the replay path
  --path P       with --explore: replay the counterexample at path P of an earlier exploration
  --help         this text`,
  async run(argv, io) {
    const args = parseOptions(
      'verify',
      argv,
      {
        budget: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        explore: { type: 'string' },
        path: { type: 'string' },
      },
      true,
    );
    const budget: Budget = oneOf('--budget', stringOption(args, 'budget') ?? 'quick', BUDGETS);
    const seed = numberOption('verify', args, 'seed', {
      integer: true,
      min: 0,
      max: 0xffffffff,
      default: DEFAULT_SEED,
    });
    const out = stringOption(args, 'out');
    if (out !== undefined) checkOutputDirectory('--out', out);
    const selected = args.positionals.length ? args.positionals.map((id) => findTheorem(id)) : theorems;
    const path = stringOption(args, 'path');
    if (stringOption(args, 'explore') !== undefined) {
      const runs = numberOption('verify', args, 'explore', { integer: true, min: 1 });
      const explorations = [];
      for (const theorem of selected)
        explorations.push(
          await explore(theorem, { runs, seed, budget, ...(path !== undefined ? { path } : {}) }),
        );
      if (args.values.json) io.stdout(JSON.stringify({ explorations }, null, 2));
      else for (const result of explorations) io.stdout(formatExploration(result));
      return explorations.some((result) => result.failure) ? 1 : 0;
    }
    if (path !== undefined)
      throw new UsageError(
        "--path replays an exploration: give it with --explore N. See 'saddlecheck verify --help'.",
      );
    const reports: Report[] = [];
    const bar = progressBar(io, 'verify', selected.length);
    for (const [i, theorem] of selected.entries()) {
      reports.push(await verify(theorem, { budget, seed, onProgress: (f) => bar.update(i + f) }));
      bar.update(i + 1);
    }
    bar.finish();
    if (out !== undefined) await writeReports(out, reports);
    if (args.values.json) {
      io.stdout(JSON.stringify({ results: reports }, null, 2));
    } else {
      io.stdout(verdictTable(reports));
      for (const r of reports.filter((r) => r.status !== 'confirmed'))
        io.stdout(`\n${r.id}: ${r.status}: ${r.reason}\n  rerun: ${r.rerun}`);
    }
    return exitCode(reports);
  },
};
