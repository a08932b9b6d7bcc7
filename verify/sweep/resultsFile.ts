/**
 * A sweep's results file: JSON Lines, one finished point per line. Each point is appended with one write of one
 * whole line and flushed, so an interruption loses at most the point in progress. Reading checks every line: a
 * corrupt or truncated line is reported with its line number (ResultsFileError) and never silently dropped;
 * `repairResultsFile` moves such lines to `<file>.rejected` and rewrites the file atomically.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { SaddlecheckError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/report/atomicWrite.js';
import { canonicalJson } from './grid.js';

export interface PointRecord {
  readonly index: number;
  readonly key: string;
  readonly setting: Record<string, unknown>;
  /** The sweep seed the point's seed was derived from (absent in files written before it was recorded). */
  readonly sweepSeed?: number;
  readonly seed: number;
  readonly theorem: string;
  readonly budget: string;
  readonly [field: string]: unknown;
}

/** A point record and the line of the results file that holds it (counted from 1). */
export interface RecordLine {
  readonly lineNumber: number;
  readonly record: PointRecord;
}

export class ResultsFileError extends SaddlecheckError {
  override readonly name: string = 'ResultsFileError';
  constructor(
    readonly file: string,
    readonly lineNumber: number,
    detail: string,
  ) {
    super(
      `${file}:${lineNumber}: ${detail}. Run 'saddlecheck sweep ... --repair' to move bad lines to ${file}.rejected.`,
    );
  }
}

interface ParsedLine {
  readonly lineNumber: number;
  readonly text: string;
  readonly record?: PointRecord;
  readonly problem?: string;
}

const TRUNCATED = 'the last line is truncated (no newline)';

function isTruncated(line: ParsedLine): boolean {
  return line.problem === TRUNCATED;
}

function parseLines(text: string): ParsedLine[] {
  const lines = text.split('\n');
  const truncatedTail = !text.endsWith('\n') && text.length > 0;
  if (!truncatedTail) lines.pop();
  return lines.map((line, i) => {
    const lineNumber = i + 1;
    if (truncatedTail && i === lines.length - 1) return { lineNumber, text: line, problem: TRUNCATED };
    try {
      const record = JSON.parse(line) as PointRecord;
      if (
        typeof record !== 'object' ||
        record === null ||
        typeof record.key !== 'string' ||
        !Number.isInteger(record.index)
      ) {
        return {
          lineNumber,
          text: line,
          problem: 'the line is JSON but not a point record (index, key missing)',
        };
      }
      return { lineNumber, text: line, record };
    } catch {
      return { lineNumber, text: line, problem: 'the line is not valid JSON' };
    }
  });
}

/** Two records of one point agree in everything but the wall-clock time their evaluation took. */
export function sameResult(a: PointRecord, b: PointRecord): boolean {
  const { durationMs: _a, ...first } = a;
  const { durationMs: _b, ...second } = b;
  return canonicalJson(first) === canonicalJson(second);
}

/** Which bad lines reading leaves out instead of refusing: none, a last line cut short by an interruption, all. */
export type SkippedLines = 'none' | 'truncatedTail' | 'bad';

/** A results file read once: its point records with their line numbers, and the bad lines left out. */
export interface ResultsText {
  readonly file: string;
  readonly records: readonly RecordLine[];
  readonly skipped: readonly ParsedLine[];
  /** Every line, good and bad, in order: what a repair rewrites from. */
  readonly lines: readonly ParsedLine[];
}

/**
 * Reads the text of results file `file`: throws ResultsFileError at the first bad line that `skip` does not
 * leave out, and at a point recorded twice with different results.
 */
export function parseResults(file: string, text: string, skip: SkippedLines = 'none'): ResultsText {
  const lines = parseLines(text);
  const records: RecordLine[] = [];
  const skipped: ParsedLine[] = [];
  const byKey = new Map<string, PointRecord>();
  for (const [i, line] of lines.entries()) {
    if (!line.record) {
      const tail = i === lines.length - 1 && isTruncated(line);
      if (skip === 'bad' || (skip === 'truncatedTail' && tail)) skipped.push(line);
      else throw new ResultsFileError(file, line.lineNumber, line.problem ?? 'bad line');
      continue;
    }
    const earlier = byKey.get(line.record.key);
    if (earlier && !sameResult(earlier, line.record)) {
      const detail = `point ${line.record.index} appears twice with different results`;
      throw new ResultsFileError(file, line.lineNumber, detail);
    }
    byKey.set(line.record.key, line.record);
    records.push({ lineNumber: line.lineNumber, record: line.record });
  }
  return { file, records, skipped, lines };
}

/** The results file `file` read once (a file not written yet holds no points); see parseResults. */
export function loadResults(file: string, skip: SkippedLines = 'none'): ResultsText {
  return parseResults(file, existsSync(file) ? readFileSync(file, 'utf8') : '', skip);
}

/** The finished points of a results file, by key; throws ResultsFileError at the first bad line. */
export function readResults(file: string): Map<string, PointRecord> {
  return new Map(loadResults(file).records.map(({ record }) => [record.key, record]));
}

/**
 * Moves the lines that reading skipped to `<file>.rejected` (appended) and rewrites the file without them;
 * returns their line numbers. Nothing is written when nothing was skipped.
 */
export function moveSkippedLines(results: ResultsText): number[] {
  const { file, skipped, lines } = results;
  if (skipped.length === 0) return [];
  appendFileSync(`${file}.rejected`, skipped.map((l) => `${l.text}\n`).join(''));
  writeFileAtomic(
    file,
    lines
      .filter((l) => l.record)
      .map((l) => `${l.text}\n`)
      .join(''),
  );
  return skipped.map((l) => l.lineNumber);
}

/**
 * Moves bad lines to `<file>.rejected` and rewrites the file without them; returns their numbers. With
 * `tailOnly`, only a truncated last line is moved: the mark of an append cut short by an interruption.
 */
export function repairResultsFile(file: string, tailOnly = false): number[] {
  return moveSkippedLines(loadResults(file, tailOnly ? 'truncatedTail' : 'bad'));
}

/** Appends one record as one line with a single write, then flushes it to disk. */
export function appendRecord(file: string, record: PointRecord): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, `${JSON.stringify(record)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
