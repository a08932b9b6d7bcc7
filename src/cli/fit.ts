/**
 * `saddlecheck fit`: a scaling law fitted to two columns of a CSV (or JSON Lines) file. Nothing is dropped
 * silently: a short row, a cell that is not a number, or a non-positive value where the model takes a
 * logarithm is an error that quotes the file, line and column. Blank lines are not rows and are skipped.
 */
import { readFile } from 'node:fs/promises';
import { compareScalingForms } from '../analysis/fits/compareScalingForms.js';
import { fitScalingLaw, SCALING_MODELS } from '../analysis/fits/fitScalingLaw.js';
import type { ScalingFit, ScalingModel } from '../analysis/fits/scalingFit.js';
import { InvalidArgumentError } from '../errors.js';
import { parseOptions, requiredString, stringOption, UsageError } from './args.js';
import type { Command } from './command.js';

const HELP = `Usage: saddlecheck fit --in FILE --x COLUMN --y COLUMN [--model MODEL] [--compare] [--json]

Fits a scaling law y(x) to two columns of FILE and prints the exponent with its 95% interval.

FILE is CSV with a header row naming the columns (comma- or tab-separated), or JSON Lines (one object per
line, FILE ending in .jsonl) with the columns as keys. Every row must hold a number in both columns.

Models (--model, default power):
  power          y = C x^p, least squares on ln y (Student-t interval)
  log            y = a + b ln x; the exponent reported is b
  power-offset   y = y0 + C x^p, nonlinear least squares (profile-likelihood interval)
  theil-sen      y = C x^p by the median of pairwise log-log slopes (Sen's interval)

Options:
  --in FILE      the data file
  --x COLUMN     column of the independent variable (must be > 0)
  --y COLUMN     column of the response (> 0 for power and theil-sen)
  --model MODEL  one of ${SCALING_MODELS.join(', ')}
  --compare      also rank y = C x^p against y = a + b ln x by AICc
  --json         print {model, exponent, ci95, prefactor, prefactorCi95, offset, n, r2, ...} as JSON
  --help         this text`;

interface Table {
  header: string[];
  rows: { line: number; cells: Map<string, string> }[];
}

function splitCsv(text: string): string[] {
  const separator = text.includes('\t') && !text.includes(',') ? '\t' : ',';
  return text.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function parseCsv(file: string, text: string): Table {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new UsageError(`${file} is empty; it needs a header row and data rows.`);
  const header = splitCsv(lines[headerIndex]);
  const rows: Table['rows'] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitCsv(lines[i]);
    if (cells.length !== header.length) {
      throw new UsageError(
        `${file} line ${i + 1} has ${cells.length} cells but the header has ${header.length}; fix that row.`,
      );
    }
    rows.push({ line: i + 1, cells: new Map(header.map((h, k) => [h, cells[k]])) });
  }
  return { header, rows };
}

function parseJsonLines(file: string, text: string): Table {
  const keys = new Set<string>();
  const rows: Table['rows'] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new UsageError(`${file} line ${i + 1} is not valid JSON; each line must be one object.`);
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new UsageError(`${file} line ${i + 1} is not a JSON object.`);
    }
    const cells = new Map(
      Object.entries(record).map(([k, v]) => [k, typeof v === 'number' ? String(v) : JSON.stringify(v)]),
    );
    for (const key of cells.keys()) keys.add(key);
    rows.push({ line: i + 1, cells });
  });
  return { header: [...keys], rows };
}

function column(file: string, table: Table, name: string, positive: string | undefined): Float64Array {
  if (!table.header.includes(name)) {
    throw new UsageError(`${file} has no column "${name}"; its columns are ${table.header.join(', ')}.`);
  }
  return Float64Array.from(table.rows, ({ line, cells }) => {
    const text = cells.get(name);
    const value = text === undefined || text === '' ? Number.NaN : Number(text);
    const where = `${file} line ${line}, column "${name}"`;
    if (!Number.isFinite(value)) throw new InvalidArgumentError(where, text ?? null, 'a finite number');
    if (positive && !(value > 0)) throw new InvalidArgumentError(where, value, 'a number > 0', positive);
    return value;
  });
}

/** The fit; the library's refusal of the data as a whole is said of the file's rows. */
function fitWithRows(file: string, x: Float64Array, y: Float64Array, model: ScalingModel): ScalingFit {
  try {
    return fitScalingLaw(x, y, model);
  } catch (error) {
    if (error instanceof InvalidArgumentError && (error.argument === 'x' || error.argument === 'y'))
      throw new UsageError(`${file} has ${x.length} data rows; the fit needs ${error.allowed}. Add rows.`);
    throw error;
  }
}

function interval(values: readonly [number, number] | number[]): string {
  const [lo, hi] = values;
  return `[${lo.toPrecision(4)}, ${hi.toPrecision(4)}]`;
}

function humanReport(fit: ScalingFit, comparison?: ReturnType<typeof compareScalingForms>): string {
  const lines = [
    `model      ${fit.model}`,
    `formula    ${fit.formula}`,
    `exponent   ${fit.exponent.toPrecision(6)}  95% ${interval(fit.ci95)} (${fit.interval})`,
    `prefactor  ${fit.prefactor.toPrecision(6)}  95% ${interval(fit.prefactorCi95)}`,
    `n          ${fit.n}`,
    `r2         ${fit.r2.toPrecision(6)}`,
    `status     ${fit.status}${fit.detail ? `: ${fit.detail}` : ''}`,
  ];
  if (comparison) {
    lines.push(
      `compare    ${comparison.better} law better by ΔAICc = ${comparison.deltaAicc.toFixed(2)}` +
        ` (${comparison.evidence}, weight ${comparison.weight.toFixed(3)})`,
    );
  }
  return lines.join('\n');
}

export const fitCommand: Command = {
  name: 'fit',
  help: HELP,
  async run(argv, io) {
    const args = parseOptions('fit', argv, {
      in: { type: 'string' },
      x: { type: 'string' },
      y: { type: 'string' },
      model: { type: 'string' },
      compare: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const file = requiredString('fit', args, 'in');
    const xName = requiredString('fit', args, 'x');
    const yName = requiredString('fit', args, 'y');
    const model = (stringOption(args, 'model') ?? 'power') as ScalingModel;
    if (!SCALING_MODELS.includes(model)) {
      throw new UsageError(`--model must be one of ${SCALING_MODELS.join(', ')}; received "${model}".`);
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(
        `cannot read --in ${JSON.stringify(file)} (${code}); give the path of a CSV or JSON Lines file.`,
      );
    }
    const table = file.endsWith('.jsonl') ? parseJsonLines(file, text) : parseCsv(file, text);
    if (table.rows.length === 0) throw new UsageError(`${file} has no data rows, only its header; add rows.`);
    const logOfY = model === 'power' || model === 'theil-sen' || args.values.compare === true;
    const x = column(file, table, xName, `Every model takes x^p or ln x, so x must be positive.`);
    const y = column(
      file,
      table,
      yName,
      logOfY ? `The ${model} fit takes ln y, so y must be positive.` : undefined,
    );
    const fit = fitWithRows(file, x, y, model);
    const comparison = args.values.compare ? compareScalingForms(x, y) : undefined;
    if (args.values.json) {
      io.stdout(
        JSON.stringify({ file, x: xName, y: yName, ...fit, ...(comparison ? { comparison } : {}) }, null, 2),
      );
    } else {
      io.stdout(humanReport(fit, comparison));
    }
    if (fit.status !== 'success') io.stderr(`saddlecheck fit: ${fit.status}: ${fit.detail ?? ''}`);
    return 0;
  },
};
