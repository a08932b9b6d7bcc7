import { runCli } from '../../src/cli/runCli.js';
import { allCommands } from '../../verify/main.js';
import { captureIo } from './captureIo.js';

/** Runs `saddlecheck ...argv` in this process: its exit code and what it printed. */
export async function runSaddlecheck(argv: string[]) {
  const io = captureIo();
  const code = await runCli(allCommands, argv, io);
  return { code, io };
}
