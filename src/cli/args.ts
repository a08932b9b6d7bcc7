/**
 * Option parsing for the commands, on node:util's parseArgs. Every problem becomes a UsageError, which the
 * command runner prints as one line with exit code 2.
 */
import { parseArgs } from 'node:util';
import { SaddlecheckError } from '../errors.js';

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

export function parseOptions(
  command: string,
  argv: string[],
  options: OptionSpec,
  allowPositionals = false,
): ParsedArgs {
  try {
    const parsed = parseArgs({
      args: joinDashValues(argv, options),
      options,
      allowPositionals,
      strict: true,
    });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    const text = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/\.$/, '');
    throw new UsageError(`${text}. See 'saddlecheck ${command} --help'.`);
  }
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
}

export function parseNumber(_command: string, name: string, text: string, rule: NumberRule = {}): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const kind = rule.integer ? 'an integer' : 'a number';
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`${rule.exclusiveMin ? '>' : '>='} ${rule.min}`);
  if (rule.max !== undefined) bounds.push(`<= ${rule.max}`);
  const allowed = bounds.length ? `${kind} ${bounds.join(' and ')}` : kind;
  const bad =
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value)) ||
    (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) ||
    (rule.max !== undefined && value > rule.max);
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

/** `--param k=v` pairs (repeatable) as a record of numbers. */
export function keyValueNumbers(command: string, name: string, items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} takes name=value; received ${JSON.stringify(item)}.`);
    const key = item.slice(0, eq).trim();
    out[key] = parseNumber(command, `${name} ${key}`, item.slice(eq + 1));
  }
  return out;
}
