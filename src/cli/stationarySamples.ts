/**
 * Reading the samples of `saddlecheck stationary --samples FILE`: either a JSON array of numbers, or plain text
 * with one number per line (blank lines and lines starting with # are skipped). Anything else is a UsageError
 * naming the line or entry.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './args.js';

/** Parses the text of a samples file; `source` names it in messages. */
export function parseSamples(text: string, source: string): Float64Array {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return fromJson(trimmed, source);
  const values: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const value = Number(line);
    if (!Number.isFinite(value)) {
      throw new UsageError(
        `line ${index + 1} of ${source} must be one finite number; received ${JSON.stringify(line)}.`,
      );
    }
    values.push(value);
  });
  return checkCount(values, source);
}

function fromJson(text: string, source: string): Float64Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}.`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`${source} must hold a JSON array of numbers.`);
  parsed.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new UsageError(
        `entry ${i} of ${source} must be a finite number; received ${JSON.stringify(value)}.`,
      );
    }
  });
  return checkCount(parsed as number[], source);
}

function checkCount(values: number[], source: string): Float64Array {
  if (values.length < 4) {
    throw new UsageError(
      `${source} holds ${values.length} samples; the tests need at least 4 (and hundreds to be useful).`,
    );
  }
  return Float64Array.from(values);
}

/** Reads and parses a samples file. */
export function readSamples(path: string): Float64Array {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --samples ${JSON.stringify(path)}: ${(error as Error).message}.`);
  }
  return parseSamples(text, path);
}
