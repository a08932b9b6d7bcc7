/**
 * Dispatches `saddlecheck <command> ...`. Bad input (any SaddlecheckError, or a size too large to allocate)
 * prints one line on stderr and exits 2 with no stack trace; an unexpected failure prints one line and exits 1
 * (the stack with SADDLECHECK_DEBUG=1).
 */
import { InvalidArgumentError, SaddlecheckError } from '../errors.js';
import { ExpressionError } from '../expressions/ExpressionError.js';
import type { CliIo, CommandEntry } from './command.js';

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
      io.stderr(`saddlecheck ${name}: ${oneLine(problem).replace(new RegExp(`^${name}: `), '')}`);
      return 2;
    }
    const text = error instanceof Error ? error.message : String(error);
    io.stderr(`saddlecheck ${name}: internal error: ${oneLine(text)}`);
    if (process.env.SADDLECHECK_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}

/** A message on one line: an expression or a parser's hint may span several. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * The message for an error caused by the input, or undefined for an internal one. A SaddlecheckError from the
 * library names arguments as the library does; here an expression's error names the option it came from, an
 * argument given as an option is called by it (`dt` is `--dt`), and `variables[i]` and `parameters.k` become
 * `--var` and `--param k`. An allocation refused for its size comes
 * from a size on the command line.
 */
function inputProblem(error: unknown, argv: readonly string[]): string | undefined {
  if (error instanceof ExpressionError) {
    const option = optionOfValue(argv, error.expression);
    return option === undefined ? error.message : `${option}: ${error.message}`;
  }
  if (error instanceof InvalidArgumentError) {
    const given = optionValues(argv).some(([option]) => option === `--${error.argument}`);
    const argument = given
      ? `--${error.argument}`
      : error.argument.replace(/^variables\[\d+\]$/, '--var').replace(/^parameters\.(.*)$/, '--param $1');
    if (argument !== error.argument)
      return new InvalidArgumentError(argument, error.received, error.allowed, error.fix).message;
  }
  if (error instanceof SaddlecheckError) return error.message;
  if (
    error instanceof RangeError &&
    /typed array length|array length|allocation failed/i.test(error.message)
  ) {
    const sizes = optionValues(argv)
      .filter(([, value]) => Number(value) >= 1e5)
      .map(([option]) => option);
    const which = sizes.length > 0 ? sizes.join(', ') : 'the sizes given';
    return `the sizes asked for need more memory than this process can allocate (${error.message}); reduce ${which}.`;
  }
  return undefined;
}

/** The [option, value] pairs of the command line, written `--opt value` or `--opt=value`. */
function optionValues(argv: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [i, token] of argv.entries()) {
    if (!token.startsWith('--')) continue;
    const eq = token.indexOf('=');
    if (eq > 0) pairs.push([token.slice(0, eq), token.slice(eq + 1)]);
    else if (i + 1 < argv.length) pairs.push([token, argv[i + 1]]);
  }
  return pairs;
}

/** The option whose value is `value`, or undefined. */
function optionOfValue(argv: readonly string[], value: string): string | undefined {
  return optionValues(argv).find(([, given]) => given === value)?.[0];
}
