/**
 * `saddlecheck escape-time --model network|scalar|...`: the time to escape a saddle, for each model of the
 * dynamics. Each model lives with its mathematics and contributes its options, help and runner here.
 */
import {
  NETWORK_ESCAPE_HELP,
  NETWORK_ESCAPE_OPTIONS,
  runNetworkEscapeModel,
} from '../networks/mlpEscapeCli.js';
import {
  PER_MODE_ESCAPE_HELP,
  PER_MODE_ESCAPE_OPTIONS,
  runPerModeEscapeModel,
} from '../reductions/perModeEscapeCli.js';
import {
  runScalarEscapeModel,
  SCALAR_ESCAPE_HELP,
  SCALAR_ESCAPE_OPTIONS,
} from '../reductions/scalarEscapeCli.js';
import { oneOf } from '../validate.js';
import { type OptionSpec, type ParsedArgs, parseOptions, requiredString } from './args.js';
import type { CliIo, Command } from './command.js';

export interface EscapeModel {
  readonly options: OptionSpec;
  readonly help: string;
  run(command: string, args: ParsedArgs, io: CliIo): number | Promise<number>;
}

export const ESCAPE_MODELS: Readonly<Record<string, EscapeModel>> = {
  network: { options: NETWORK_ESCAPE_OPTIONS, help: NETWORK_ESCAPE_HELP, run: runNetworkEscapeModel },
  scalar: { options: SCALAR_ESCAPE_OPTIONS, help: SCALAR_ESCAPE_HELP, run: runScalarEscapeModel },
  'per-mode': { options: PER_MODE_ESCAPE_OPTIONS, help: PER_MODE_ESCAPE_HELP, run: runPerModeEscapeModel },
};

const OPTIONS: OptionSpec = Object.assign(
  { model: { type: 'string' } },
  ...Object.values(ESCAPE_MODELS).map((m) => m.options),
);

export const escapeTimeCommand: Command = {
  name: 'escape-time',
  help: `Usage: saddlecheck escape-time --model ${Object.keys(ESCAPE_MODELS).join('|')} [model options] [--json]

Prints escapeTime (JSON with --json). Exit code 1 when the run ended before the escape.

${Object.values(ESCAPE_MODELS)
  .map((m) => m.help)
  .join('\n\n')}`,
  async run(argv, io) {
    const args = parseOptions('escape-time', argv, OPTIONS);
    const model = oneOf('--model', requiredString('escape-time', args, 'model'), Object.keys(ESCAPE_MODELS));
    return ESCAPE_MODELS[model].run('escape-time', args, io);
  },
};
