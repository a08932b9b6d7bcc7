/**
 * Dispatches `saddlecheck <command> ...`. Bad input (any SaddlecheckError, or a size too large to allocate)
 * prints one line on stderr and exits 2 with no stack trace; an unexpected failure prints one line and exits 1
 * (the stack with SADDLECHECK_DEBUG=1).
 */
import type { CliIo, CommandEntry } from './command.js';
import { inputProblem, oneLine } from './inputProblem.js';

export function globalHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'saddlecheck: numerical checks of theories of training dynamics near saddle points.',
    '',
    'Usage: saddlecheck <command> [options]      saddlecheck <command> --help      saddlecheck help <command>',
    '',
    'Commands:',
    ...lines,
    '',
  ].join('\n');
}

export async function runCli(commands: readonly CommandEntry[], argv: string[], io: CliIo): Promise<number> {
  const [first, ...others] = argv;
  // `saddlecheck help CMD` is `saddlecheck CMD --help`.
  const [name, ...rest] = first === 'help' && others.length > 0 ? [others[0], '--help'] : argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(globalHelp(commands));
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(
      `saddlecheck: unknown command ${JSON.stringify(name)}; the commands are ${commands.map((c) => c.name).join(', ')}.`,
    );
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const problem = inputProblem(error, rest);
    if (problem !== undefined) {
      io.stderr(`saddlecheck ${name}: ${oneLine(problem)}`);
      return 2;
    }
    const text = error instanceof Error ? error.message : String(error);
    io.stderr(`saddlecheck ${name}: internal error: ${oneLine(text)}`);
    if (process.env.SADDLECHECK_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}
