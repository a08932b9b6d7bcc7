/** The commands of the verify layer, loaded on use; each lives in its own file. */
import type { CommandEntry } from '../src/cli/command.js';

export const verifyCommands: readonly CommandEntry[] = [
  {
    name: 'verify',
    summary: 'measure theorems and print confirmed / refuted / inconclusive verdicts',
    load: async () => (await import('./verifyCommand.js')).verifyCommand,
  },
  {
    name: 'list',
    summary: 'list the registered theorems',
    load: async () => (await import('./listCommand.js')).listCommand,
  },
  {
    name: 'sweep',
    summary: 'evaluate a theorem over a grid of settings, appending to a results file that resumes',
    load: async () => (await import('./sweepCommand.js')).sweepCommand,
  },
  {
    name: 'merge',
    summary: 'combine the results files of a sharded sweep',
    load: async () => (await import('./mergeCommand.js')).mergeCommand,
  },
];
