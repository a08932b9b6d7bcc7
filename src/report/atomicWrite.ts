/**
 * Writes a file atomically: the text goes to a temporary file in the same directory, is flushed to disk, and
 * is renamed over the target, so a reader sees the old file or the new one, never half of one. A path that
 * cannot be written (a directory, a file where a directory should be, no permission) is an OutputFileError and
 * leaves no temporary file behind.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SaddlecheckError } from '../errors.js';

const REASONS: Record<string, string> = {
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of it that should be a directory is a file',
  EEXIST: 'a part of it that should be a directory is a file',
  ENOENT: 'it names no file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** A file the toolkit was asked to write could not be written. */
export class OutputFileError extends SaddlecheckError {
  override readonly name: string = 'OutputFileError';
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    const reason = REASONS[code] ?? 'the system refused';
    super(
      `cannot write ${JSON.stringify(path)}: ${reason} (${code}). Give the path of a file in a writable directory.`,
    );
  }
}

export function writeFileAtomic(path: string, text: string): void {
  if (path === '') throw new OutputFileError(path, 'ENOENT');
  const dir = dirname(path);
  const tmp = join(dir, `.${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  let created = false;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'w');
    created = true;
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    if (created) rmSync(tmp, { force: true });
    // A system error carries a code; anything else is not the path's fault and stays what it is.
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string') throw error;
    throw new OutputFileError(path, code);
  }
}
