/** Measures one convergence case: an error sweep on shared paths, then the order with bootstrap intervals. */
import { estimateOrder, type OrderEstimate } from '../../analysis/convergenceOrder.js';
import { errorSweep } from './errorSweep.js';
import type { ConvergenceCase } from './orderCases.js';

export interface MeasureOrderOptions {
  readonly paths: number;
  readonly seed: number;
  /** Bootstrap resamples (default 1000). */
  readonly resamples?: number;
}

export function measureOrder(c: ConvergenceCase, options: MeasureOrderOptions): OrderEstimate {
  const { dts, differences } = errorSweep(c.target, c.method, {
    kind: c.kind,
    levels: c.levels,
    paths: options.paths,
    seed: options.seed,
    ...(c.referenceLevel !== undefined ? { referenceLevel: c.referenceLevel } : {}),
  });
  return estimateOrder(dts, differences, {
    kind: c.kind,
    seed: options.seed,
    resamples: options.resamples ?? 1000,
  });
}
