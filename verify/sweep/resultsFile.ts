/**
 * A sweep's results file: JSON Lines, one finished point per line. Each point is appended with one write of one
 * whole line and flushed, so an interruption loses at most the point in progress. Reading checks every line: a
 * corrupt or truncated line is reported with its line number (ResultsFileError) and never silently dropped;
 * `repairResultsFile` moves such lines to `<file>.rejected` and rewrites the file atomically.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { SaddlecheckError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/report/atomicWrite.js';

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

function parseLines(file: string): ParsedLine[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
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

/**
 * The point records of a results file with their line numbers; throws ResultsFileError at the first bad line.
 * `skip` leaves out instead a last line cut short by an interruption ('truncatedTail') or every bad line ('bad').
 */
export function readRecordLines(file: string, skip: 'none' | 'truncatedTail' | 'bad' = 'none'): RecordLine[] {
  const lines = parseLines(file);
  const out: RecordLine[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.record) out.push({ lineNumber: line.lineNumber, record: line.record });
    else if (!(skip === 'bad' || (skip === 'truncatedTail' && i === lines.length - 1 && isTruncated(line))))
      throw new ResultsFileError(file, line.lineNumber, line.problem ?? 'bad line');
  }
  return out;
}

/** The finished points of a results file, by key; throws ResultsFileError at the first bad line. */
export function readResults(file: string): Map<string, PointRecord> {
  const byKey = new Map<string, PointRecord>();
  for (const line of parseLines(file)) {
    if (!line.record) throw new ResultsFileError(file, line.lineNumber, line.problem ?? 'bad line');
    const earlier = byKey.get(line.record.key);
    if (earlier && JSON.stringify(earlier) !== line.text) {
      throw new ResultsFileError(
        file,
        line.lineNumber,
        `point ${line.record.index} appears twice with different results`,
      );
    }
    byKey.set(line.record.key, line.record);
  }
  return byKey;
}

/**
 * Moves bad lines to `<file>.rejected` (appended) and rewrites the file without them; returns their numbers.
 * With `tailOnly`, only a truncated last line is moved: the mark of an append cut short by an interruption.
 */
export function repairResultsFile(file: string, tailOnly = false): number[] {
  const lines = parseLines(file);
  const last = lines.length - 1;
  const bad = lines.filter((l, i) => !l.record && (!tailOnly || (i === last && isTruncated(l))));
  if (bad.length === 0) return [];
  appendFileSync(`${file}.rejected`, bad.map((l) => `${l.text}\n`).join(''));
  writeFileAtomic(
    file,
    lines
      .filter((l) => l.record)
      .map((l) => `${l.text}\n`)
      .join(''),
  );
  return bad.map((l) => l.lineNumber);
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
