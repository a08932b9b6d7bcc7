/**
 * `saddlecheck stationary`: the exact stationary density of a 1-D SDE given as expressions, with a check of
 * normalizability at each end of the domain, its mean, variance and quantiles, and, with --samples, the
 * Kolmogorov–Smirnov and Anderson–Darling tests of the samples against it (autocorrelation divided out).
 */
import { type StationaryDensity, stationaryDensity } from '../analysis/stationaryDensity.js';
import { type StationaryTestResult, stationaryDensityTest } from '../analysis/stationaryDensityTest.js';
import { compileExpression } from '../expressions/compileExpression.js';
import { parseExpression } from '../expressions/parseExpression.js';
import {
  keyValueNumbers,
  type ParsedArgs,
  parseNumber,
  parseOptions,
  requiredString,
  stringOption,
  UsageError,
} from './args.js';
import type { CliIo, Command } from './command.js';
import { readSamples } from './stationarySamples.js';

const NAME = 'stationary';

const OPTIONS = {
  drift: { type: 'string' },
  diffusion: { type: 'string' },
  var: { type: 'string' },
  domain: { type: 'string' },
  interpretation: { type: 'string' },
  samples: { type: 'string' },
  independent: { type: 'boolean' },
  tau: { type: 'string' },
  param: { type: 'string', multiple: true },
  center: { type: 'string' },
  scale: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const HELP = `saddlecheck stationary --drift EXPR --diffusion EXPR --domain LO,HI [options]

The exact stationary density of dX = a(X) dt + b(X) dW on the domain (LO, HI):
p(x) ∝ b(x)^-2 exp(∫ 2a/b²) (Itô) or b(x)^-1 exp(∫ 2a/b²) (Stratonovich). Each end is checked for
normalizability; a density that is not normalizable is reported with the failing end (exit code 1). When no
end is shown not integrable but one could not be decided, or the integral of 2a/b² failed inside the
domain, normalizability is undecided (exit code 3), never reported as false.

  --drift EXPR              the drift a(x), e.g. "-k*(x - 1)"
  --diffusion EXPR          the diffusion b(x), e.g. "s*sqrt(x)"
  --var NAME                the state variable (default x)
  --domain LO,HI            the domain; use inf and -inf for infinite ends; write --domain=-inf,inf when LO
                            starts with a minus sign
  --interpretation KIND     ito (default) or stratonovich
  --param NAME=VALUE        a parameter of the expressions (repeatable)
  --center C, --scale W     where the mass is and how wide (optional; found automatically)
  --samples FILE            samples to test against the density: one number per line (blank lines and lines
                            starting with # are skipped), or a JSON array of numbers
  --independent             the samples are independent draws (default: consecutive points of one path, whose
                            autocorrelation time is estimated and divided out)
  --tau T                   the autocorrelation time of the samples, when known
  --json                    print JSON. As in the other commands' JSON, a number that is not finite is
                            written null: an infinite end of the domain (in domain and in each end's
                            bound, lower -inf and upper +inf), the cut of an end that is not integrable
                            (none is made), a moment that does not exist, a statistic that failed

Prints normalizable (true, false, or undecided: null in JSON), mean, variance, quantiles {q05, q50, q95}
and the ends; with --samples, the Kolmogorov-Smirnov and Anderson-Darling statistics and p-values. Unless
normalizable is true, it prints a message saying why instead of the moments.`;

function parseEnd(text: string, which: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Number.POSITIVE_INFINITY;
  if (t === '-inf' || t === '-infinity') return Number.NEGATIVE_INFINITY;
  return parseNumber(NAME, `domain ${which}`, text);
}

function parseDomain(text: string): [number, number] {
  const parts = text.split(',');
  if (parts.length !== 2) {
    throw new UsageError(`--domain takes LO,HI (e.g. 0,inf); received ${JSON.stringify(text)}.`);
  }
  const domain: [number, number] = [parseEnd(parts[0], 'LO'), parseEnd(parts[1], 'HI')];
  if (!(domain[1] > domain[0])) {
    throw new UsageError(`--domain must have LO < HI; received ${JSON.stringify(text)}.`);
  }
  return domain;
}

function compile(args: ParsedArgs, name: 'drift' | 'diffusion', variable: string) {
  const parameters = keyValueNumbers(NAME, 'param', (args.values.param as string[] | undefined) ?? []);
  return compileExpression(
    parseExpression(requiredString(NAME, args, name), { variables: [variable], parameters }),
  );
}

function optionalNumber(args: ParsedArgs, name: string): number | undefined {
  const text = stringOption(args, name);
  return text === undefined
    ? undefined
    : parseNumber(NAME, name, text, { min: 0, exclusiveMin: name !== 'center' });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(NAME, argv, OPTIONS);
  const variable = stringOption(args, 'var') ?? 'x';
  const drift = compile(args, 'drift', variable);
  const diffusion = compile(args, 'diffusion', variable);
  const [lower, upper] = parseDomain(requiredString(NAME, args, 'domain'));
  const interpretation = stringOption(args, 'interpretation') ?? 'ito';
  if (interpretation !== 'ito' && interpretation !== 'stratonovich') {
    throw new UsageError(
      `--interpretation must be ito or stratonovich; received ${JSON.stringify(interpretation)}.`,
    );
  }
  const centerText = stringOption(args, 'center');
  const density = stationaryDensity(drift, diffusion, {
    lower,
    upper,
    interpretation,
    ...(centerText === undefined ? {} : { center: parseNumber(NAME, 'center', centerText) }),
    ...(stringOption(args, 'scale') === undefined ? {} : { scale: optionalNumber(args, 'scale') }),
  });
  const samplesFile = stringOption(args, 'samples');
  let test: StationaryTestResult | undefined;
  if (samplesFile !== undefined && density.normalizable === true) {
    const tau = optionalNumber(args, 'tau');
    test = stationaryDensityTest(readSamples(samplesFile), density, {
      samples: args.values.independent === true ? 'independent' : 'chain',
      ...(tau === undefined ? {} : { tau }),
    });
  }
  io.stdout(args.values.json === true ? toJson(density, test) : toText(density, test, samplesFile));
  return density.normalizable === true ? 0 : density.normalizable === false ? 1 : 3;
}

function summary(density: StationaryDensity) {
  const ends = density.ends.map((end) => ({
    end: end.end,
    bound: end.bound,
    verdict: end.verdict,
    cut: end.cut,
    reason: end.reason,
  }));
  if (density.normalizable !== true) {
    return { normalizable: density.normalizable, message: density.message, ends };
  }
  const { mean, variance, quantiles, support } = density;
  return { normalizable: true, mean, variance, quantiles, support, ends };
}

function toJson(density: StationaryDensity, test: StationaryTestResult | undefined): string {
  const payload = {
    interpretation: density.interpretation,
    domain: [density.lower, density.upper],
    ...summary(density),
    ...(test ? { test } : {}),
  };
  return JSON.stringify(payload, null, 2);
}

function toText(
  density: StationaryDensity,
  test: StationaryTestResult | undefined,
  samplesFile?: string,
): string {
  const ends = density.ends.map((e) => `  ${e.end} end ${e.bound}: ${e.verdict} (${e.reason})`);
  if (density.normalizable !== true) {
    const verdict = density.normalizable === null ? 'undecided' : 'false';
    return [`normalizable: ${verdict}`, density.message, 'ends:', ...ends].join('\n');
  }
  const q = density.quantiles;
  const lines = [
    'normalizable: true',
    `mean: ${density.mean}`,
    `variance: ${density.variance}`,
    `quantiles: q05 ${q.q05}, q50 ${q.q50}, q95 ${q.q95}`,
    'ends:',
    ...ends,
  ];
  if (test !== undefined) {
    lines.push(
      `samples: ${test.n} from ${samplesFile} (${test.samples}), autocorrelation time ${test.tau}, effective size ${test.effectiveSampleSize}${test.status === 'success' ? '' : ' (chain too short: p-values unreliable)'}`,
      `kolmogorov-smirnov: statistic ${test.kolmogorovSmirnov.statistic}, p-value ${test.kolmogorovSmirnov.pValue}`,
      `anderson-darling: statistic ${test.andersonDarling.statistic}, p-value ${test.andersonDarling.pValue}`,
    );
  }
  return lines.join('\n');
}

export const stationaryCommand: Command = {
  name: NAME,
  help: HELP,
  run,
};
