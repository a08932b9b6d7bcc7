/** `saddlecheck sde`: statistics of X(t1) over an ensemble of paths of a user-written scalar SDE. */
import { UnsupportedProblemError } from '../errors.js';
import { sdeFromExpressions } from '../expressions/sdeFromExpressions.js';
import { runEnsemble } from '../sde/ensemble.js';
import { oneOf } from '../validate.js';
import { keyValueNumbers, numberOption, parseOptions, requiredString, stringOption } from './args.js';
import type { Command } from './command.js';
import { progressBar } from './progress.js';

/** Short names on the command line for the registered methods. */
export const METHOD_ALIASES = {
  em: 'eulerMaruyama',
  milstein: 'milstein',
  heun: 'stochasticHeun',
  sra1: 'sra1',
} as const;

/** A method's refusal in this command's words: `--method heun` for stochasticHeun, the --interpretation switch. */
function inCommandLineTerms(error: unknown): unknown {
  if (!(error instanceof UnsupportedProblemError)) return error;
  let message = error.message;
  for (const [alias, name] of Object.entries(METHOD_ALIASES))
    message = message.replace(new RegExp(`\\b${name}\\b`, 'g'), `--method ${alias}`);
  const solves = /solves (Itô|Stratonovich) SDEs/.exec(message)?.[1];
  if (solves !== undefined) {
    const sense = solves === 'Itô' ? 'ito' : 'stratonovich';
    message += ` If the SDE is meant in the ${solves} sense, pass --interpretation ${sense}.`;
  }
  return new UnsupportedProblemError(message);
}

const PROBLEM_MODULE = new URL('../expressions/sdeFromTrees.js', import.meta.url).href;

export const sdeCommand: Command = {
  name: 'sde',
  help: `Usage: saddlecheck sde --drift EXPR --diffusion EXPR [--var x] [--param k=v ...] --x0 X --t1 T --dt DT
                       --paths N --method em|milstein|heun|sra1 --seed S [--workers K]
                       [--interpretation ito|stratonovich] [--json]

Simulates dX = drift dt + diffusion dW from X(0) = x0 to t1 on N paths with fixed step dt and prints the mean,
variance, standard error of the mean and quantiles of X(t1). Path p uses its own random stream keyed by (seed, p),
so the output is identical for any number of workers. Expressions may use the state variable, t, the parameters,
pi, e, arithmetic and elementary functions (exp, log, sqrt, sin, tanh, erf, ...).

Options:
  --drift EXPR         drift a(x, t), e.g. "-k*x"
  --diffusion EXPR     diffusion b(x, t), e.g. "0.5*sqrt(1+x^2)"
  --var NAME           name of the state variable (default x)
  --param k=v          a parameter (repeatable)
  --x0 X               initial state
  --t1 T               end time (start 0)
  --dt DT              step; must divide t1
  --paths N            number of paths
  --method M           em (Euler-Maruyama), milstein, heun (Stratonovich), sra1 (additive noise only)
  --interpretation I   ito (default) or stratonovich
  --seed S             seed (0 .. 2^32-1)
  --workers K          worker threads (default 1); the output does not depend on it
  --json               print JSON {mean, variance, meanStdError, quantiles: {q05, q50, q95}, paths, failed, seed, method, ...}
  --help               this text`,
  async run(argv, io) {
    const args = parseOptions('sde', argv, {
      drift: { type: 'string' },
      diffusion: { type: 'string' },
      var: { type: 'string' },
      param: { type: 'string', multiple: true },
      x0: { type: 'string' },
      t1: { type: 'string' },
      dt: { type: 'string' },
      paths: { type: 'string' },
      method: { type: 'string' },
      interpretation: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
    });
    const alias = oneOf(
      '--method',
      requiredString('sde', args, 'method'),
      Object.keys(METHOD_ALIASES) as (keyof typeof METHOD_ALIASES)[],
    );
    const problemArgs = {
      drift: requiredString('sde', args, 'drift'),
      diffusion: requiredString('sde', args, 'diffusion'),
      variable: stringOption(args, 'var') ?? 'x',
      parameters: keyValueNumbers('sde', 'param', (args.values.param as string[] | undefined) ?? []),
      interpretation: oneOf('--interpretation', stringOption(args, 'interpretation') ?? 'ito', [
        'ito',
        'stratonovich',
      ] as const),
      x0: numberOption('sde', args, 'x0'),
      t1: numberOption('sde', args, 't1', { min: 0, exclusiveMin: true }),
      seed: numberOption('sde', args, 'seed', { integer: true, min: 0, max: 0xffffffff }),
    };
    const paths = numberOption('sde', args, 'paths', { integer: true, min: 2 });
    const dt = numberOption('sde', args, 'dt', { min: 0, exclusiveMin: true });
    const workers = numberOption('sde', args, 'workers', { integer: true, min: 1, max: 256, default: 1 });
    // Parsed and checked here once; every thread then compiles the trees without loading the parser.
    const { trees } = sdeFromExpressions(problemArgs);
    const bar = progressBar(io, 'sde', paths);
    const result = await runEnsemble(
      { module: PROBLEM_MODULE, export: 'sdeFromTrees', args: trees },
      {
        method: METHOD_ALIASES[alias],
        paths,
        dt,
        seed: problemArgs.seed,
        workers,
        onProgress: (done) => bar.update(done),
      },
    ).catch((error: unknown) => {
      throw inCommandLineTerms(error);
    });
    bar.finish();
    const stats = result.statistics;
    const summary = {
      mean: stats?.mean[0] ?? Number.NaN,
      variance: stats?.variance[0] ?? Number.NaN,
      meanStdError: stats?.standardError[0] ?? Number.NaN,
      quantiles: {
        q05: stats?.q05[0] ?? Number.NaN,
        q50: stats?.q50[0] ?? Number.NaN,
        q95: stats?.q95[0] ?? Number.NaN,
      },
      paths,
      failed: result.failed,
      seed: result.seed,
      method: result.method,
      dt: result.dt,
      steps: result.steps,
      t1: result.t1,
      message: result.message,
    };
    if (args.values.json) {
      io.stdout(JSON.stringify(summary, null, 2));
    } else {
      const q = summary.quantiles;
      io.stdout(
        `X(${summary.t1}) over ${paths} paths (${summary.method}, dt ${summary.dt}, seed ${summary.seed}): ` +
          `mean ${summary.mean} ± ${summary.meanStdError}, variance ${summary.variance}, ` +
          `q05 ${q.q05}, q50 ${q.q50}, q95 ${q.q95}${result.failed ? `; ${result.message}` : ''}`,
      );
    }
    return result.failed > 0 ? 1 : 0;
  },
};
