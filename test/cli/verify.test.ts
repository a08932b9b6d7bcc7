import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

describe('saddlecheck verify', () => {
  it('should print an exploration as JSON when asked', async () => {
    const { code, io } = await runSaddlecheck([
      'verify',
      'rawal-scalar-law',
      '--explore',
      '2',
      '--seed',
      '7',
      '--json',
    ]);
    expect(code, io.err.join('\n')).toBe(0);
    const { explorations } = JSON.parse(io.out.join('\n'));
    expect(explorations).toHaveLength(1);
    expect(explorations[0]).toMatchObject({ id: 'rawal-scalar-law', seed: 7 });
    expect(explorations[0].failure).toBeUndefined();
  });

  it('should refuse, before running anything, an --out that is a file or empty, and a --path without --explore', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'verify-out-')), 'report.txt');
    writeFileSync(file, 'not a directory');
    for (const [argv, text] of [
      [['verify', '--out', file], 'which is a file'],
      [['verify', '--out', join(file, 'sub')], `${JSON.stringify(file)} is a file, not a directory`],
      [['verify', '--out', ''], 'which is empty'],
      [['verify', '--path', '1:2'], 'give it with --explore N'],
    ] as const) {
      const { code, io } = await runSaddlecheck([...argv]);
      expect(code).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toContain(text);
      expect(io.out).toEqual([]);
    }
  });
});
