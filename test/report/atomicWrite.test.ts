import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFileError, writeFileAtomic } from '../../src/report/atomicWrite.js';

describe('atomic file writes', () => {
  it('should write the text, creating missing directories', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileAtomic(join(dir, 'a', 'b.txt'), 'hello\n');
    expect(readFileSync(join(dir, 'a', 'b.txt'), 'utf8')).toBe('hello\n');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.txt']);
  });

  it('should refuse a directory, a file used as a directory and an empty path, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'plain'), 'x');
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'sub'), /it is a directory \(EISDIR\)/],
      [join(dir, 'plain', 'x.txt'), /should be a directory is a file \((ENOTDIR|EEXIST)\)/],
      [join(dir, 'plain', 'deeper', 'x.txt'), /should be a directory is a file \((ENOTDIR|EEXIST)\)/],
      ['', /it names no file \(ENOENT\)/],
    ];
    for (const [path, reason] of cases) {
      expect(() => writeFileAtomic(path, 'text')).toThrow(OutputFileError);
      expect(() => writeFileAtomic(path, 'text')).toThrow(reason);
      expect(() => writeFileAtomic(path, 'text')).toThrow(`cannot write ${JSON.stringify(path)}`);
    }
    expect(readdirSync(dir).sort()).toEqual(['plain', 'sub']);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });
});
