/**
 * How a command's failure reads on the command line: which errors are the user's input (exit 2) and their
 * message in the words of the command line, on one line.
 */
import { InvalidArgumentError, SaddlecheckError } from '../errors.js';
import { ExpressionError } from '../expressions/ExpressionError.js';

/** A message on one line: an expression or a parser's hint may span several. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * The message for an error caused by the input, or undefined for an internal one. A SaddlecheckError from the
 * library names arguments as the library does; here an expression's error names the option it came from, an
 * argument given as an option is called by it (`dt` is `--dt`), and `variables[i]` and `parameters.k` become
 * `--var` and `--param k`. An allocation refused for its size comes from a size on the command line.
 */
export function inputProblem(error: unknown, argv: readonly string[]): string | undefined {
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
  if (error instanceof RangeError && /array length|allocation failed/i.test(error.message)) {
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
