/**
 * The --out file of `sweep` and `merge`, checked before anything is read or written: a path that names a file
 * (possibly not created yet) whose existing folders are directories. A bad path becomes an InvalidArgumentError
 * that names --out, not a filesystem error code halfway through a run.
 */
import { type Stats, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { InvalidArgumentError } from '../../src/errors.js';

function statOf(path: string, out: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InvalidArgumentError(
      '--out',
      out,
      'a path this process can inspect',
      `${JSON.stringify(path)} cannot be inspected (${code ?? String(error)}): check its permissions, or choose another path.`,
    );
  }
}

/** Throws InvalidArgumentError unless `out` can be the results file; `example` is the file name a fix suggests. */
export function checkOutFile(out: string, example: string): void {
  if (out.trim() === '') {
    throw new InvalidArgumentError(
      '--out',
      out,
      `the path of a results file, e.g. ${example}`,
      'Give a file name after --out.',
    );
  }
  const stats = statOf(out, out);
  if (stats?.isDirectory() || (!stats && (out.endsWith('/') || out.endsWith(sep)))) {
    throw new InvalidArgumentError(
      '--out',
      out,
      'a file, not a directory',
      `Give a file inside it, e.g. --out ${join(out, example)}.`,
    );
  }
  if (stats && !stats.isFile()) {
    throw new InvalidArgumentError(
      '--out',
      out,
      'a regular file',
      `Give the path of a results file, e.g. ${example}.`,
    );
  }
  for (let folder = dirname(out); ; folder = dirname(folder)) {
    const found = statOf(folder, out);
    if (found && !found.isDirectory()) {
      throw new InvalidArgumentError(
        '--out',
        out,
        'a path whose folders are directories',
        `${JSON.stringify(folder)} is a file, not a directory: choose another path for --out.`,
      );
    }
    if (found || dirname(folder) === folder) return;
  }
}
