/**
 * verify(theorem, options) measures a theorem at one setting and returns a report; assertConfirmed throws the
 * formatted report unless the verdict is confirmed. Exceptions from the measurement become 'failed-to-run'
 * reports (with the error's message), so one broken theorem never stops a run of many.
 */
import { InvalidArgumentError } from '../src/errors.js';
import { oneOf, seedValue } from '../src/validate.js';
import { type AnyTheorem, BUDGETS, type Budget, type Measurement } from '../theorems/theorem.js';
import { judge, type Status } from './verdict.js';

export interface VerifyOptions {
  readonly budget?: Budget;
  readonly seed?: number;
  /** The setting to check; default: the theorem's defaultSetting. */
  readonly setting?: unknown;
  readonly onProgress?: (fraction: number) => void;
}

export interface Report {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly quantity: string;
  readonly status: Status;
  readonly predicted: number;
  readonly measured: number;
  readonly discrepancy: number;
  readonly tolerance: readonly [number, number];
  readonly interval: readonly [number, number];
  readonly reason: string;
  readonly budgetFactor?: number;
  readonly seed: number;
  readonly budget: Budget;
  readonly setting: unknown;
  readonly durationMs: number;
  readonly rerun: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_SEED = 20261124;

export function rerunCommand(id: string, seed: number, budget: Budget): string {
  return `npx saddlecheck verify ${id} --seed ${seed} --budget ${budget}`;
}

export async function verify(theorem: AnyTheorem, options: VerifyOptions = {}): Promise<Report> {
  const budget = oneOf('budget', options.budget ?? 'quick', BUDGETS);
  const seed = seedValue('seed', options.seed ?? DEFAULT_SEED);
  const setting = options.setting ?? theorem.defaultSetting;
  const start = performance.now();
  let predicted = Number.NaN;
  let measurement: Measurement;
  try {
    predicted = theorem.predict(setting);
    measurement = await theorem.measure(setting, { seed, budget, onProgress: options.onProgress });
  } catch (error) {
    if (error instanceof InvalidArgumentError && options.setting !== undefined) throw error;
    measurement = { value: Number.NaN, failure: error instanceof Error ? error.message : String(error) };
  }
  const verdict = judge(predicted, measurement, theorem.comparison);
  return {
    id: theorem.id,
    title: theorem.title,
    source: theorem.source,
    quantity: theorem.quantity,
    predicted,
    measured: measurement.value,
    ...verdict,
    seed,
    budget,
    setting,
    durationMs: Math.round(performance.now() - start),
    rerun: rerunCommand(theorem.id, seed, budget),
    ...(measurement.evidence ? { evidence: measurement.evidence } : {}),
  };
}

/** A report as the few lines a person reads first. */
export function formatReport(report: Report): string {
  const interval =
    report.interval[0] === report.interval[1]
      ? ''
      : `, 95% interval [${fmt(report.interval[0])}, ${fmt(report.interval[1])}]`;
  const lines = [
    `${report.id}: ${report.status} — ${report.title}`,
    `  source: ${report.source}`,
    `  ${report.quantity}: predicted ${fmt(report.predicted)}, measured ${fmt(report.measured)}${interval}`,
    `  tolerance ${fmt(report.predicted)} ± ${fmt((report.tolerance[1] - report.tolerance[0]) / 2)}: ${report.reason}`,
  ];
  if (report.budgetFactor !== undefined) {
    lines.push(`  about ${Math.ceil(report.budgetFactor)}× the samples would decide it`);
  }
  lines.push(`  setting: ${JSON.stringify(report.setting)}`, `  rerun: ${report.rerun}`);
  return lines.join('\n');
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? Number(x.toPrecision(6)).toString() : x.toExponential(4);
}

export class NotConfirmedError extends Error {
  override readonly name = 'NotConfirmedError';
  constructor(readonly report: Report) {
    super(formatReport(report));
  }
}

/** Verifies and throws NotConfirmedError (whose message is the formatted report) unless confirmed. */
export async function assertConfirmed(theorem: AnyTheorem, options: VerifyOptions = {}): Promise<Report> {
  const report = await verify(theorem, options);
  if (report.status !== 'confirmed') throw new NotConfirmedError(report);
  return report;
}
