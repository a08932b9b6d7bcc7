/**
 * The `--model per-mode` part of `saddlecheck escape-time`: the per-mode ODE du/dt = L u^{2−2/L}(s − u) of a
 * deep linear network from u0 = ε^L to frac·s. The dispatching command merges PER_MODE_ESCAPE_OPTIONS into its
 * option table, appends PER_MODE_ESCAPE_HELP to its help and calls runPerModeEscapeModel.
 */
import { numberOption, type OptionSpec, type ParsedArgs } from '../cli/args.js';
import type { CliIo } from '../cli/command.js';
import { MAX_PER_MODE_DEPTH } from './perModeClosedForm.js';
import {
  type PerModeEscapeOptions,
  type PerModeEscapeResult,
  perModeEscapeTime,
} from './perModeEscapeTime.js';

export const PER_MODE_ESCAPE_OPTIONS: OptionSpec = {
  depth: { type: 'string' },
  s: { type: 'string' },
  eps: { type: 'string' },
  frac: { type: 'string' },
  json: { type: 'boolean' },
};

export const PER_MODE_ESCAPE_HELP = `  --model per-mode: one mode of a depth-L linear network, du/dt = L u^(2-2/L) (s - u), from u = eps^L
    --depth L        number of weight matrices (integer 2..${MAX_PER_MODE_DEPTH})
    --s S            the mode's teacher singular value (> 0)
    --eps E          per-layer initial scale (> 0, with eps^L < frac * s)
    --frac F         escape when u reaches F * s (0 < F < 1, default 0.5)
  Prints the integrated escape time, the exact closed form (hypergeometric for L >= 3) and the small-eps law
  ln(1/eps)/s (L = 2) or eps^-(L-2)/((L-2) s) (L >= 3).`;

export function parsePerModeEscapeOptions(command: string, args: ParsedArgs): PerModeEscapeOptions {
  const positive = { min: 0, exclusiveMin: true };
  return {
    depth: numberOption(command, args, 'depth', { integer: true, min: 2, max: MAX_PER_MODE_DEPTH }),
    s: numberOption(command, args, 's', positive),
    eps: numberOption(command, args, 'eps', positive),
    frac: numberOption(command, args, 'frac', { ...positive, max: 1, exclusiveMax: true, default: 0.5 }),
  };
}

/** Runs the per-mode model; exit code 0 when the escape level was reached, 1 when the solve stopped first. */
export function runPerModeEscapeModel(command: string, args: ParsedArgs, io: CliIo): number {
  const options = parsePerModeEscapeOptions(command, args);
  const result = perModeEscapeTime(options);
  const json = args.values.json === true;
  io.stdout(json ? JSON.stringify({ model: 'per-mode', options, ...result }, null, 2) : summary(result));
  return result.escapeTime === null ? 1 : 0;
}

/** The integrated time, the exact and asymptotic ones, and how far the asymptotic law is from exact. */
function summary(result: PerModeEscapeResult): string {
  const lawGap = result.asymptotic / result.closedForm - 1;
  return [
    `escapeTime: ${result.escapeTime ?? 'none'}`,
    `closed form: ${result.closedForm}`,
    `asymptotic: ${result.asymptotic} (${(100 * lawGap).toPrecision(3)}% from the closed form)`,
    `status: ${result.status} (${result.message})`,
  ].join('\n');
}
