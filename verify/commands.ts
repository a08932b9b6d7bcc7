/** The commands of the verify layer; each lives in its own file. */
import type { Command } from '../src/cli/command.js';
import { listCommand } from './listCommand.js';
import { mergeCommand } from './mergeCommand.js';
import { sweepCommand } from './sweepCommand.js';
import { verifyCommand } from './verifyCommand.js';

export const verifyCommands: readonly Command[] = [verifyCommand, listCommand, sweepCommand, mergeCommand];
