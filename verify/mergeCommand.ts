/** `saddlecheck merge`: combines the results files of a sharded sweep into one, ordered by point index. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOptions, requiredString, UsageError } from '../src/cli/args.js';
import type { Command } from '../src/cli/command.js';
import { InvalidArgumentError } from '../src/errors.js';
import { writeFileAtomic } from '../src/report/atomicWrite.js';
import { checkOutputFile } from '../src/report/outputPath.js';
import { type PointRecord, parseResults, type RecordLine, sameResult } from './sweep/resultsFile.js';
import { checkOneSweep, type LocatedRecord } from './sweep/sameSweep.js';

/** The records of one results file to merge; a missing, unreadable or directory path is an InvalidArgumentError. */
function readShard(file: string): readonly RecordLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'No such file: check the path, or run that shard first.'
        : code === 'EISDIR'
          ? `It is a directory: give the results files in it, e.g. ${join(file, '*.jsonl')}.`
          : `It cannot be read (${code ?? String(error)}): check its permissions.`;
    throw new InvalidArgumentError('SHARD.jsonl', file, 'an existing, readable results file', why);
  }
  return parseResults(file, text).records;
}

/**
 * The union of the files' records by key, sorted by index. Records of different sweeps (theorem, budget, sweep
 * seed, or a point index with two settings) are a SweepMismatchError; a point with two different results is an
 * error too.
 */
export function mergeResults(files: readonly string[]): PointRecord[] {
  const byKey = new Map<string, LocatedRecord>();
  const byIndex = new Map<number, LocatedRecord>();
  let first: LocatedRecord | undefined;
  let firstSeeded: LocatedRecord | undefined;
  for (const file of files) {
    for (const line of readShard(file)) {
      const located: LocatedRecord = { ...line, file };
      const { record } = line;
      const earlier = byKey.get(record.key);
      for (const other of [first, firstSeeded, byIndex.get(record.index), earlier])
        checkOneSweep(located, other);
      if (earlier && !sameResult(earlier.record, record)) {
        throw new UsageError(
          `point ${record.index} has different results in ${earlier.file}:${earlier.lineNumber} and ${file}:${line.lineNumber}; keep the file of one run of it.`,
        );
      }
      first ??= located;
      if (record.sweepSeed !== undefined) firstSeeded ??= located;
      byKey.set(record.key, located);
      byIndex.set(record.index, located);
    }
  }
  return [...byKey.values()].map((e) => e.record).sort((a, b) => a.index - b.index);
}

export const mergeCommand: Command = {
  name: 'merge',
  help: `Usage: saddlecheck merge --out MERGED.jsonl SHARD.jsonl [SHARD.jsonl ...]

Reads every shard's results (a missing file, or a corrupt line, stops with its name and line number), takes the
union of the points, and writes them ordered by point index, atomically. A point that appears with two different
results is an error, and so are shards of different sweeps: another theorem, budget or seed, or a point index
that holds two different settings (another grid).

Options:
  --out FILE   the merged results file
  --help       this text`,
  async run(argv, io) {
    const args = parseOptions('merge', argv, { out: { type: 'string' } }, true);
    const out = requiredString('merge', args, 'out');
    checkOutputFile('--out', out, 'merged.jsonl');
    if (args.positionals.length === 0) throw new UsageError('give at least one results file to merge.');
    const records = mergeResults(args.positionals);
    writeFileAtomic(out, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    io.stderr(`merge: ${records.length} points from ${args.positionals.length} files into ${out}`);
    return 0;
  },
};
