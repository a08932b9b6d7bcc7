/**
 * Evaluates the points of a sweep that the results file does not hold yet, appending each finished point at once.
 * Rerunning after an interruption skips finished points and loses none; with workers > 1 the points are spread
 * over worker threads (each point's seed depends only on its index, so the results are the same).
 */
import { once } from 'node:events';
import { startWorker } from '../../src/parallel/workerScript.js';
import type { AnyTheorem, Budget } from '../../theorems/theorem.js';
import { type Report, verify } from '../verify.js';
import type { GridPoint } from './grid.js';
import { appendRecord, loadResults, moveSkippedLines, type PointRecord } from './resultsFile.js';
import { checkSameSweep } from './sameSweep.js';

export interface SweepOptions {
  readonly theorem: AnyTheorem;
  readonly points: readonly GridPoint[];
  readonly out: string;
  readonly budget: Budget;
  readonly workers?: number;
  readonly onPoint?: (record: PointRecord, done: number, total: number) => void;
  /**
   * Move every bad line of the results file to `<out>.rejected` before resuming (after checking that its good
   * lines belong to this sweep); without it a bad line other than a truncated last one stops the run.
   */
  readonly repair?: boolean;
  /** Told when lines are moved to `<out>.rejected`: a truncated last line always, others with `repair`. */
  readonly onWarning?: (message: string) => void;
}

export interface SweepSummary {
  readonly total: number;
  readonly skipped: number;
  readonly evaluated: number;
}

export function pointRecord(point: GridPoint, budget: Budget, report: Report): PointRecord {
  const { status, predicted, measured, interval, discrepancy, reason, durationMs } = report;
  return {
    index: point.index,
    key: point.key,
    setting: point.setting,
    sweepSeed: point.sweepSeed,
    seed: point.seed,
    theorem: report.id,
    budget,
    status,
    predicted,
    measured,
    interval,
    discrepancy,
    reason,
    durationMs,
  };
}

/**
 * Throws SweepMismatchError, before any point is evaluated or the file is touched, when the results file holds a
 * point that another sweep wrote (another theorem, budget, sweep seed, grid or shard).
 */
export async function runSweep(options: SweepOptions): Promise<SweepSummary> {
  const results = loadResults(options.out, options.repair ? 'bad' : 'truncatedTail');
  checkSameSweep(options.out, results.records, {
    theorem: options.theorem.id,
    budget: options.budget,
    points: options.points,
  });
  const moved = moveSkippedLines(results);
  if (options.repair && moved.length > 0)
    options.onWarning?.(`moved lines ${moved.join(', ')} of ${options.out} to ${options.out}.rejected`);
  else if (moved.length > 0)
    options.onWarning?.(
      `${options.out}:${moved[0]}: truncated by an interruption; moved to ${options.out}.rejected, the point is rerun`,
    );
  const finished = new Set(results.records.map(({ record }) => record.key));
  const todo = options.points.filter((p) => !finished.has(p.key));
  const total = options.points.length;
  let done = total - todo.length;
  const record = (point: GridPoint, report: Report): void => {
    const rec = pointRecord(point, options.budget, report);
    appendRecord(options.out, rec);
    done++;
    options.onPoint?.(rec, done, total);
  };
  const workers = Math.min(options.workers ?? 1, todo.length);
  if (workers <= 1) {
    for (const point of todo) {
      record(
        point,
        await verify(options.theorem, { setting: point.setting, seed: point.seed, budget: options.budget }),
      );
    }
  } else {
    await runInWorkers(options, todo, workers, record);
  }
  return { total, skipped: total - todo.length, evaluated: todo.length };
}

async function runInWorkers(
  options: SweepOptions,
  todo: readonly GridPoint[],
  workers: number,
  record: (point: GridPoint, report: Report) => void,
): Promise<void> {
  let next = 0;
  const runOne = async (): Promise<void> => {
    const worker = startWorker(import.meta.url, 'sweepWorker');
    try {
      while (next < todo.length) {
        const point = todo[next++];
        worker.postMessage({
          id: options.theorem.id,
          setting: point.setting,
          seed: point.seed,
          budget: options.budget,
        });
        const [reply] = (await once(worker, 'message')) as [{ report?: Report; error?: string }];
        if (!reply.report) throw new Error(`sweep worker failed at point ${point.index}: ${reply.error}`);
        record(point, reply.report);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, runOne));
}
