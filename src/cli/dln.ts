/**
 * `saddlecheck dln`: train a deep linear network on a teacher (gradient flow, gradient descent or online SGD)
 * and report the saddle-to-saddle observables: loss and rank over time, the plateaus against the predicted
 * levels ½Σ_{j>k} s_j², each mode's escape time and the drift of the imbalances. `--plot FILE.svg` draws the
 * loss with the predicted levels above the rank staircase.
 */
import { staircasePlots } from '../analysis/staircasePlots.js';
import { writeFileAtomic } from '../report/atomicWrite.js';
import { renderSvg } from '../report/plots.js';
import {
  type DlnDynamics,
  type DlnRunOptions,
  type DlnRunResult,
  type DlnStart,
  dlnRun,
} from '../training/dlnRun.js';
import { oneOf } from '../validate.js';
import {
  numberOption,
  type OptionSpec,
  type ParsedArgs,
  parseNumber,
  parseOptions,
  requiredString,
  stringOption,
  UsageError,
} from './args.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpec = {
  depth: { type: 'string' },
  width: { type: 'string' },
  in: { type: 'string' },
  out: { type: 'string' },
  teacher: { type: 'string' },
  init: { type: 'string' },
  'init-scale': { type: 'string' },
  gamma: { type: 'string' },
  dynamics: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  'label-noise': { type: 'string' },
  t1: { type: 'string' },
  seed: { type: 'string' },
  band: { type: 'string' },
  json: { type: 'boolean' },
  plot: { type: 'string' },
};

const HELP = `Usage: saddlecheck dln --depth L --width W --in D --out D --teacher S1,S2,... --init random|aligned
         (--init-scale E | --gamma G) --dynamics gf|gd|sgd [--lr ETA] [--batch B] [--label-noise SIGMA]
         --t1 T --seed S [--band F] [--json] [--plot FILE.svg]

Trains W = W_L...W_1 on the population loss 1/2 ||W - W*||^2 (whitened inputs) of a teacher W* with singular
values S1 >= S2 >= ... and Haar singular vectors, and reports the saddle-to-saddle observables.

  --depth L            number of weight matrices (>= 2)
  --width W            hidden width
  --in D, --out D      input and output dimensions
  --teacher S1,S2,...  teacher singular values, non-increasing, at most min(in, out) of them
  --init random        entries E*N(0,1)/sqrt(fan_in) with --init-scale E, or N(0, W^-gamma) with --gamma G
  --init aligned       aligned with the teacher and balanced, per-layer scale --init-scale E
  --dynamics gf        gradient flow (adaptive ODE solver; a stiff one for L >= 3)
  --dynamics gd        gradient descent with step --lr ETA
  --dynamics sgd       online SGD with step --lr ETA, batch --batch B (default 1), label noise --label-noise
                       SIGMA (default 0)
  --t1 T               training time (gd/sgd: ceil(T/ETA) steps)
  --seed S             seed of the teacher, the initialization and the SGD samples
  --band F             plateau band as a fraction of the initial loss (default 0.005; raise it for SGD noise)
  --json               print JSON: times, loss, rank, plateaus [{loss, predictedLoss, saddle, start, end}],
                       escapeTimes (one per mode), imbalanceDrift, layerRanks, status
  --plot FILE.svg      draw the loss with the predicted plateau levels and the rank staircase

Exit code 0 when the run reached T, 1 when it stopped early (non-finite values, blow-up, step limit).`;

export const dlnCommand: Command = {
  name: 'dln',
  help: HELP,
  async run(argv, io) {
    const args = parseOptions('dln', argv, OPTIONS);
    const options = parseDlnOptions(args);
    const plot = stringOption(args, 'plot');
    // Checked before the run: the plot is an SVG document, and a .png name would mislabel it.
    if (plot !== undefined && !plot.toLowerCase().endsWith('.svg'))
      throw new UsageError(`--plot must name an .svg file; received ${JSON.stringify(plot)}.`);
    const result = dlnRun(options);
    if (plot !== undefined) writeFileAtomic(plot, await staircaseSvg(result));
    io.stdout(args.values.json === true ? JSON.stringify({ options, ...result }) : summary(result));
    return result.status === 'success' ? 0 : 1;
  },
};

export function parseDlnOptions(args: ParsedArgs): DlnRunOptions {
  const count = { integer: true, min: 1 };
  return {
    depth: numberOption('dln', args, 'depth', { integer: true, min: 2, max: 1000 }),
    width: numberOption('dln', args, 'width', count),
    dIn: numberOption('dln', args, 'in', count),
    dOut: numberOption('dln', args, 'out', count),
    singularValues: requiredString('dln', args, 'teacher')
      .split(',')
      .map((text, i) => parseNumber('dln', `teacher (value ${i + 1})`, text, { min: 0 })),
    init: parseStart(args),
    dynamics: parseDynamics(args),
    t1: numberOption('dln', args, 't1', { min: 0, exclusiveMin: true }),
    seed: numberOption('dln', args, 'seed', { integer: true, min: 0, max: 0xffffffff }),
    band: numberOption('dln', args, 'band', { min: 0, exclusiveMin: true, max: 1, default: 0.005 }),
  };
}

function parseStart(args: ParsedArgs): DlnStart {
  const init = oneOf('--init', requiredString('dln', args, 'init'), ['random', 'aligned'] as const);
  const hasScale = stringOption(args, 'init-scale') !== undefined;
  const hasGamma = stringOption(args, 'gamma') !== undefined;
  const scale = () => numberOption('dln', args, 'init-scale', { min: 0, exclusiveMin: true });
  if (init === 'aligned') {
    if (hasGamma) throw new UsageError('--gamma applies to --init random; give --init-scale with aligned.');
    return { kind: 'aligned', eps: scale() };
  }
  if (hasScale === hasGamma)
    throw new UsageError('--init random takes exactly one of --init-scale and --gamma.');
  return hasGamma
    ? { kind: 'random', gamma: numberOption('dln', args, 'gamma') }
    : { kind: 'random', eps: scale() };
}

function parseDynamics(args: ParsedArgs): DlnDynamics {
  const dynamics = oneOf('--dynamics', requiredString('dln', args, 'dynamics'), ['gf', 'gd', 'sgd'] as const);
  const sgdOnly = ['batch', 'label-noise'].filter((name) => stringOption(args, name) !== undefined);
  if (dynamics !== 'sgd' && sgdOnly.length > 0) {
    throw new UsageError(`--${sgdOnly[0]} applies to --dynamics sgd only.`);
  }
  if (dynamics === 'gf') {
    if (stringOption(args, 'lr') !== undefined)
      throw new UsageError('--lr applies to --dynamics gd and sgd.');
    return { kind: 'gf' };
  }
  const lr = numberOption('dln', args, 'lr', { min: 0, exclusiveMin: true });
  if (dynamics === 'gd') return { kind: 'gd', lr };
  const batch = numberOption('dln', args, 'batch', { integer: true, min: 1, default: 1 });
  const labelNoise = numberOption('dln', args, 'label-noise', { min: 0, default: 0 });
  return { kind: 'sgd', lr, batch, labelNoise };
}

function summary(result: DlnRunResult): string {
  const last = result.loss.length - 1;
  const fmt = (x: number | null) => (x === null ? 'never' : Number(x.toPrecision(6)).toString());
  return [
    `status: ${result.status} at t = ${fmt(result.tReached)} (${result.method})`,
    `final loss: ${fmt(result.loss[last])}, rank ${result.rank[last]}, layer ranks ${result.layerRanks.join(' ')}`,
    'plateaus (loss, predicted, t from - to):',
    ...result.plateaus.map(
      (p) =>
        `  ${fmt(p.loss)}  ${fmt(p.predictedLoss)} (saddle ${p.saddle})  ${fmt(p.start)} - ${fmt(p.end)}`,
    ),
    `escape times (u_k = s_k/2): ${result.escapeTimes.map(fmt).join(', ')}`,
    `imbalance drift (relative, per layer pair): ${result.imbalanceDrift.relative.map(fmt).join(', ')}`,
  ].join('\n');
}

/** The loss plot above the rank plot, in one SVG document. */
async function staircaseSvg(result: DlnRunResult): Promise<string> {
  const parts = await Promise.all(
    staircasePlots(result.times, result.loss, result.rank, result.predictedLevels).map(renderSvg),
  );
  const size = (svg: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(svg)?.[1] ?? 0);
  const width = Math.max(...parts.map((svg) => size(svg, 'width')));
  let y = 0;
  const body = parts.map((svg) => {
    const placed = svg.replace('<svg ', `<svg x="0" y="${y}" `);
    y += size(svg, 'height');
    return placed;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}">${body.join('')}</svg>\n`;
}
