/** The numerical commands of `saddlecheck`; each lives in its own file. The verify layer adds its own. */
import type { Command } from './command.js';

export const numericalCommands: readonly Command[] = [];
