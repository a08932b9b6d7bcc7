/** The commands of the verify layer (verify, list, sweep, merge); each lives in its own file. */
import type { Command } from '../src/cli/command.js';

export const verifyCommands: readonly Command[] = [];
