/**
 * The `--model scalar` part of `saddlecheck escape-time`: ẏ = Γ y^{r−1} from ε to ϑ. The dispatching command
 * merges SCALAR_ESCAPE_OPTIONS into its option table and calls runScalarEscapeModel.
 */
import { numberOption, type OptionSpec, type ParsedArgs } from '../cli/args.js';
import type { CliIo } from '../cli/command.js';
import { type ScalarEscapeOptions, scalarEscapeTime } from './scalarEscapeTime.js';

export const SCALAR_ESCAPE_OPTIONS: OptionSpec = {
  bottleneck: { type: 'string' },
  rate: { type: 'string' },
  eps: { type: 'string' },
  threshold: { type: 'string' },
  json: { type: 'boolean' },
};

export const SCALAR_ESCAPE_HELP = `  --model scalar: the scalar escape law dy/dt = rate * y^(r-1) from eps to the threshold
    --bottleneck r   number of bottleneck layers (integer >= 1)
    --rate G         the rate Gamma (> 0)
    --eps E          initial magnitude (> 0)
    --threshold T    escape threshold (> eps)`;

export function parseScalarEscapeOptions(command: string, args: ParsedArgs): ScalarEscapeOptions {
  const positive = { min: 0, exclusiveMin: true };
  return {
    bottleneck: numberOption(command, args, 'bottleneck', { integer: true, min: 1, max: 64 }),
    rate: numberOption(command, args, 'rate', positive),
    eps: numberOption(command, args, 'eps', positive),
    threshold: numberOption(command, args, 'threshold', positive),
  };
}

/** Runs the scalar model and prints escapeTime (integrated) next to the closed form. */
export function runScalarEscapeModel(command: string, args: ParsedArgs, io: CliIo): number {
  const options = parseScalarEscapeOptions(command, args);
  const result = scalarEscapeTime(options);
  if (args.values.json === true) {
    io.stdout(JSON.stringify({ model: 'scalar', options, ...result }, null, 2));
  } else {
    io.stdout(
      [
        `escapeTime: ${result.escapeTime ?? 'none'}`,
        `closed form: ${result.closedForm}`,
        `status: ${result.status} (${result.message})`,
      ].join('\n'),
    );
  }
  return result.escapeTime === null ? 1 : 0;
}
