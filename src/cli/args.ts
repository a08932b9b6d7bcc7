/**
 * Option parsing for the commands, on node:util's parseArgs. Every problem becomes a UsageError, which the
 * command runner prints as one line with exit code 2.
 */
import { parseArgs } from 'node:util';
import { SaddlecheckError } from '../errors.js';
import { oneLine } from './inputProblem.js';

export class UsageError extends SaddlecheckError {
  override readonly name: string = 'UsageError';
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * Joins `--name value` into `--name=value` for string options whose value starts with a dash (a negative number,
 * an expression such as -k*x), which parseArgs would otherwise refuse as ambiguous.
 */
function joinDashValues(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const next = argv[i + 1];
    const spec = token.startsWith('--') ? options[token.slice(2)] : undefined;
    if (spec?.type === 'string' && next?.startsWith('-') && !next.startsWith('--') && next !== '-h') {
      out.push(`${token}=${next}`);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

function optionNames(options: OptionSpec): string {
  return [...Object.keys(options), 'help'].map((name) => `--${name}`).join(', ');
}

/** parseArgs's failures in our words: the option, what was wrong with it, and the options there are. */
function usageProblem(argv: readonly string[], options: OptionSpec, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const quoted = (/'([^']*)'/.exec(message)?.[1] ?? '').replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown option ${quoted}; the options are ${optionNames(options)}.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument ${JSON.stringify(quoted)}; this command takes only the options ${optionNames(options)}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument'))
      return `${quoted} is a switch and takes no value; give ${quoted.split('=')[0]} alone.`;
    const next = argv[argv.indexOf(quoted) + 1];
    if (next !== undefined && argv.includes(quoted))
      return `${quoted} needs a value but is followed by the option ${JSON.stringify(next)}; write ${quoted}=VALUE for a value that starts with '--'.`;
    return `${quoted} needs a value.`;
  }
  return oneLine(message).replace(/\.$/, '');
}

/** An option that is not repeatable given more than once: the last would silently win. */
function repeatedOption(
  options: OptionSpec,
  tokens: ReturnType<typeof parseArgs>['tokens'],
): string | undefined {
  const seen = new Map<string, string | undefined>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) {
      const values = [seen.get(token.name), token.value].map((v) =>
        v === undefined ? '' : ` ${JSON.stringify(v)}`,
      );
      return `--${token.name} is given twice (--${token.name}${values[0]} and --${token.name}${values[1]}); give it once.`;
    }
    seen.set(token.name, token.value);
  }
  return undefined;
}

export function parseOptions(
  command: string,
  argv: string[],
  options: OptionSpec,
  allowPositionals = false,
): ParsedArgs {
  const args = joinDashValues(argv, options);
  const see = `See 'saddlecheck ${command} --help'.`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(`${usageProblem(args, options, error)} ${see}`);
  }
  const repeated = repeatedOption(options, parsed.tokens);
  if (repeated !== undefined) throw new UsageError(`${repeated} ${see}`);
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(command: string, args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined) {
    throw new UsageError(`--${name} is required. See 'saddlecheck ${command} --help'.`);
  }
  return value;
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  /** The minimum itself is not allowed (min < value). */
  exclusiveMin?: boolean;
  max?: number;
  /** The maximum itself is not allowed (value < max). */
  exclusiveMax?: boolean;
}

/** Decimal notation only: Number() would also read '0x10', '0b11' and '' as numbers. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseNumber(_command: string, name: string, text: string, rule: NumberRule = {}): number {
  const value = DECIMAL.test(text.trim()) ? Number(text) : Number.NaN;
  const kind = rule.integer ? 'an integer' : 'a number';
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`${rule.exclusiveMin ? '>' : '>='} ${rule.min}`);
  if (rule.max !== undefined) bounds.push(`${rule.exclusiveMax ? '<' : '<='} ${rule.max}`);
  const allowed = bounds.length ? `${kind} ${bounds.join(' and ')}` : kind;
  const bad =
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value)) ||
    (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) ||
    (rule.max !== undefined && (rule.exclusiveMax ? value >= rule.max : value > rule.max));
  if (bad) throw new UsageError(`--${name} must be ${allowed}; received ${JSON.stringify(text)}.`);
  return value;
}

export function numberOption(
  command: string,
  args: ParsedArgs,
  name: string,
  rule: NumberRule & { default?: number } = {},
): number {
  const text = stringOption(args, name);
  if (text === undefined) {
    if (rule.default !== undefined) return rule.default;
    throw new UsageError(`--${name} is required. See 'saddlecheck ${command} --help'.`);
  }
  return parseNumber(command, name, text, rule);
}

/** `--param k=v` pairs (repeatable) as a record of numbers; a name given twice is refused. */
export function keyValueNumbers(command: string, name: string, items: string[]): Record<string, number> {
  // No prototype: a name such as __proto__ is an ordinary key here, refused later as a name, never lost.
  const out: Record<string, number> = Object.create(null);
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} takes name=value; received ${JSON.stringify(item)}.`);
    const key = item.slice(0, eq).trim();
    if (key in out)
      throw new UsageError(`--${name} ${key} is given twice (${key}=${out[key]} and ${item}); give it once.`);
    out[key] = parseNumber(command, `${name} ${key}`, item.slice(eq + 1));
  }
  return out;
}
