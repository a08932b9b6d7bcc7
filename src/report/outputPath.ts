/**
 * An output path from the command line, checked before anything is read or written: a results file (possibly
 * not created yet) or a directory of reports, whose existing folders are directories. A bad path becomes a
 * named error that names the option, not a filesystem error code halfway through a run.
 */
import { type Stats, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { InvalidArgumentError, SaddlecheckError } from '../errors.js';

function statOf(path: string, option: string, out: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InvalidArgumentError(
      option,
      out,
      'a path this process can inspect',
      `${JSON.stringify(path)} cannot be inspected (${code ?? String(error)}): check its permissions, or choose another path.`,
    );
  }
}

/** The nearest existing folder above `out`, or a refusal when it is not a directory. */
function checkFolders(option: string, out: string): void {
  for (let folder = dirname(out); ; folder = dirname(folder)) {
    const found = statOf(folder, option, out);
    if (found && !found.isDirectory()) {
      throw new InvalidArgumentError(
        option,
        out,
        'a path whose folders are directories',
        `${JSON.stringify(folder)} is a file, not a directory: choose another path for ${option}.`,
      );
    }
    if (found || dirname(folder) === folder) return;
  }
}

/** Throws unless `out` can be the file written; `example` is the file name a fix suggests. */
export function checkOutputFile(option: string, out: string, example: string): void {
  if (out.trim() === '') {
    throw new InvalidArgumentError(
      option,
      out,
      `the path of a results file, e.g. ${example}`,
      `Give a file name after ${option}.`,
    );
  }
  const stats = statOf(out, option, out);
  if (stats?.isDirectory() || (!stats && (out.endsWith('/') || out.endsWith(sep)))) {
    throw new InvalidArgumentError(
      option,
      out,
      'a file, not a directory',
      `Give a file inside it, e.g. ${option} ${join(out, example)}.`,
    );
  }
  if (stats && !stats.isFile()) {
    throw new InvalidArgumentError(
      option,
      out,
      'a regular file',
      `Give the path of a results file, e.g. ${example}.`,
    );
  }
  checkFolders(option, out);
}

/** Throws unless `out` can be a directory of reports, new or existing. */
export function checkOutputDirectory(option: string, out: string): void {
  const stats = out.trim() === '' ? undefined : statOf(out, option, out);
  const problem = out.trim() === '' ? 'is empty' : stats && !stats.isDirectory() ? 'is a file' : undefined;
  if (problem !== undefined) {
    throw new SaddlecheckError(
      `${option} must name a directory (new or existing); received ${JSON.stringify(out)}, which ${problem}.`,
    );
  }
  checkFolders(option, out);
}
