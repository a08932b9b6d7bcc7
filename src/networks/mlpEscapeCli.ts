/**
 * The `--model network` part of `saddlecheck escape-time`: its options, their parsing into
 * NetworkEscapeRunOptions, and the printed result. The command that dispatches on --model merges
 * NETWORK_ESCAPE_OPTIONS into its own option table and calls runNetworkEscapeModel.
 */
import { numberOption, type OptionSpec, type ParsedArgs, stringOption, UsageError } from '../cli/args.js';
import type { CliIo } from '../cli/command.js';
import { MAX_DEPTH, MAX_DIM } from './deepLinearShape.js';
import { ESCAPE_INITS, type EscapeInit } from './mlpEscapeSetup.js';
import {
  type NetworkEscapeResult,
  type NetworkEscapeRunOptions,
  networkEscapeTime,
} from './mlpEscapeTime.js';

export const NETWORK_ESCAPE_OPTIONS: OptionSpec = {
  activation: { type: 'string' },
  depth: { type: 'string' },
  bottleneck: { type: 'string' },
  eps: { type: 'string' },
  width: { type: 'string' },
  init: { type: 'string' },
  threshold: { type: 'string' },
  'loss-drop': { type: 'string' },
  seed: { type: 'string' },
  'sample-size': { type: 'string' },
  rtol: { type: 'string' },
  'max-time': { type: 'string' },
  json: { type: 'boolean' },
};

export const NETWORK_ESCAPE_HELP = `  --model network: gradient flow of a full MLP from r bottleneck layers at scale eps
    --activation NAME|EXPR   built-in (linear relu tanh erf sin gelu silu sigmoid softplus) or an expression in z
    --depth L                number of weight matrices (2..1000)
    --bottleneck r           number of bottleneck layers, the first r (1..L)
    --eps E                  bottleneck scale (> 0)
    --seed S                 seed of the sample, the teacher and He init
    --width W                hidden width (1..65536, default 16)
    --init manifold|he       permutation-symmetric aligned point, or He-normal (default manifold)
    --threshold T            escape when the bottleneck magnitude reaches T (default 0.1 on the manifold)
    --loss-drop F            escape when the loss has dropped by the fraction F, 0 < F < 1 (default 0.1 with
                             --init he)
    --sample-size N          Gaussian inputs estimating the loss (default 256)
    --rtol R                 relative tolerance of the solve (default 1e-7)
    --max-time T             horizon of the solve (default far beyond the scalar law)`;

function optionalNumber(
  command: string,
  args: ParsedArgs,
  name: string,
  rule: Parameters<typeof numberOption>[3],
) {
  return stringOption(args, name) === undefined ? undefined : numberOption(command, args, name, rule);
}

export function parseNetworkEscapeOptions(command: string, args: ParsedArgs): NetworkEscapeRunOptions {
  const activation = stringOption(args, 'activation');
  if (activation === undefined) throw new UsageError(`--activation is required with --model network.`);
  const init = stringOption(args, 'init') ?? 'manifold';
  if (!(ESCAPE_INITS as readonly string[]).includes(init)) {
    throw new UsageError(
      `--init must be one of ${ESCAPE_INITS.join(', ')}; received ${JSON.stringify(init)}.`,
    );
  }
  return {
    activation,
    init: init as EscapeInit,
    depth: numberOption(command, args, 'depth', { integer: true, min: 2, max: MAX_DEPTH }),
    bottleneck: numberOption(command, args, 'bottleneck', { integer: true, min: 1 }),
    eps: numberOption(command, args, 'eps', { min: 0, exclusiveMin: true }),
    seed: numberOption(command, args, 'seed', { integer: true, min: 0, max: 0xffffffff }),
    width: numberOption(command, args, 'width', { integer: true, min: 1, max: MAX_DIM, default: 16 }),
    threshold: optionalNumber(command, args, 'threshold', { min: 0, exclusiveMin: true }),
    lossDrop: optionalNumber(command, args, 'loss-drop', {
      min: 0,
      exclusiveMin: true,
      max: 1,
      exclusiveMax: true,
    }),
    sampleSize: numberOption(command, args, 'sample-size', { integer: true, min: 1, default: 256 }),
    rtol: numberOption(command, args, 'rtol', { min: 0, exclusiveMin: true, default: 1e-7 }),
    tMax: optionalNumber(command, args, 'max-time', { min: 0, exclusiveMin: true }),
  };
}

/** Runs the network model and prints escapeTime (JSON with --json); exit code 0 on escape, 1 otherwise. */
export function runNetworkEscapeModel(command: string, args: ParsedArgs, io: CliIo): number {
  const options = parseNetworkEscapeOptions(command, args);
  const result = networkEscapeTime(options);
  if (args.values.json === true) {
    io.stdout(JSON.stringify({ model: 'network', options, ...result }, null, 2));
  } else {
    io.stdout(formatNetworkEscape(result));
  }
  return result.escapeTime === null ? 1 : 0;
}

function formatNetworkEscape(result: NetworkEscapeResult): string {
  const criterion =
    result.criterion.kind === 'magnitude'
      ? `bottleneck magnitude reaches ${result.criterion.threshold}`
      : `loss drops by ${result.criterion.drop * 100}%`;
  const lines = [
    `escapeTime: ${result.escapeTime ?? 'none'}`,
    `criterion: ${criterion}`,
    `status: ${result.status} (${result.message})`,
  ];
  if (result.scalarEscapeTime !== null) {
    lines.push(`scalar law: rate ${result.scalarRate}, escape time ${result.scalarEscapeTime}`);
  }
  lines.push(
    `loss: ${result.initialLoss} -> ${result.finalLoss}`,
    `solver: ${result.steps} steps, ${result.rhsEvaluations} gradients, ${result.seconds.toFixed(2)} s`,
  );
  return lines.join('\n');
}
