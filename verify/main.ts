/** Entry point of the `saddlecheck` command: the numerical commands from src/ plus the verify layer's. */
import { processIo } from '../src/cli/command.js';
import { numericalCommands } from '../src/cli/commands.js';
import { runCli } from '../src/cli/runCli.js';
import { verifyCommands } from './commands.js';

export const allCommands = [...numericalCommands, ...verifyCommands];

export async function main(argv: string[]): Promise<number> {
  return runCli(allCommands, argv, processIo());
}
