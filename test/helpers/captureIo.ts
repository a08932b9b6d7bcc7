import type { CliIo } from '../../src/cli/command.js';

/** A CliIo that records what a command prints, for assertions. */
export function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), interactive: false };
}
