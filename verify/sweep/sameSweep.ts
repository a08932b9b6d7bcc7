/**
 * A results file holds the points of one sweep: one theorem, one budget, one sweep seed and one grid (each point
 * at its index, with the seed that follows from the sweep seed and that index). Resuming into a file that another
 * sweep wrote would skip points whose recorded results answer a different question, and merging shards of
 * different sweeps would make one file of unrelated results, so both are refused.
 */
import { SaddlecheckError } from '../../src/errors.js';
import type { GridPoint } from './grid.js';
import type { RecordLine } from './resultsFile.js';

/** A results file, or a shard of one, that belongs to another sweep than the one at hand. */
export class SweepMismatchError extends SaddlecheckError {
  override readonly name: string = 'SweepMismatchError';
}

export interface SweepIdentity {
  readonly theorem: string;
  readonly budget: string;
  /** The points of this sweep: its grid, or its shard of the grid. */
  readonly points: readonly GridPoint[];
}

const RESUME_FIX = 'Write to a new --out file, or rerun with the original --theorem/--seed/--budget/grid.';

function quoted(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

/** What differs between a recorded point and this sweep, as "field received in the file, expected in this sweep". */
function difference(
  line: RecordLine,
  sweep: SweepIdentity,
  byKey: Map<string, GridPoint>,
): string | undefined {
  const { record } = line;
  const differs = (field: string, received: unknown, expected: unknown) =>
    `${field} ${quoted(received)} in the file, ${quoted(expected)} in this sweep`;
  if (record.theorem !== sweep.theorem) return differs('theorem', record.theorem, sweep.theorem);
  if (record.budget !== sweep.budget) return differs('budget', record.budget, sweep.budget);
  const point = byKey.get(record.key);
  if (!point) return `its setting ${record.key} is not a point of this sweep's grid or shard`;
  if (record.index !== point.index) return differs('index', record.index, point.index);
  if (record.sweepSeed !== undefined && record.sweepSeed !== point.sweepSeed)
    return differs('sweep seed', record.sweepSeed, point.sweepSeed);
  if (record.seed !== point.seed) return differs('seed', record.seed, point.seed);
  return undefined;
}

/** Throws SweepMismatchError at the first line of `file` that another sweep than `sweep` wrote. */
export function checkSameSweep(file: string, lines: readonly RecordLine[], sweep: SweepIdentity): void {
  const byKey = new Map(sweep.points.map((p) => [p.key, p]));
  for (const line of lines) {
    const differs = difference(line, sweep, byKey);
    if (differs) {
      throw new SweepMismatchError(
        `${file}:${line.lineNumber}: point ${line.record.index} was written by another sweep (${differs}). ${RESUME_FIX}`,
      );
    }
  }
}

/** A point record, the file that holds it, and its line there. */
export interface LocatedRecord extends RecordLine {
  readonly file: string;
}

const MERGE_FIX = 'Merge only the shards of one sweep: the same --theorem, --budget, --seed and grid.';

function across(a: LocatedRecord, b: LocatedRecord): string | undefined {
  const differs = (field: string, ofA: unknown, ofB: unknown) =>
    `${field} ${quoted(ofA)} in ${a.file}, ${quoted(ofB)} in ${b.file}`;
  const [x, y] = [a.record, b.record];
  if (x.theorem !== y.theorem) return differs('theorem', x.theorem, y.theorem);
  if (x.budget !== y.budget) return differs('budget', x.budget, y.budget);
  if (x.sweepSeed !== undefined && y.sweepSeed !== undefined && x.sweepSeed !== y.sweepSeed)
    return differs('sweep seed', x.sweepSeed, y.sweepSeed);
  if (x.index === y.index && x.key !== y.key)
    return `point ${x.index} is ${x.key} in ${a.file}, ${y.key} in ${b.file}`;
  if (x.key === y.key && x.index !== y.index)
    return `setting ${x.key} is point ${x.index} in ${a.file}, point ${y.index} in ${b.file}`;
  return undefined;
}

/** Throws SweepMismatchError, naming both files, when two records cannot come from one sweep. */
export function checkOneSweep(a: LocatedRecord, b: LocatedRecord | undefined): void {
  if (b === undefined) return;
  const differs = across(a, b);
  if (differs) {
    throw new SweepMismatchError(
      `${a.file}:${a.lineNumber} and ${b.file}:${b.lineNumber} come from different sweeps (${differs}). ${MERGE_FIX}`,
    );
  }
}
