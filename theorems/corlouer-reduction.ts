/**
 * CORLOUER's reduction: from an aligned, balanced initialization, online SGD on the full matrices and the
 * per-layer SDE of each mode give the same law of the mode strengths over the saddle-to-saddle transition.
 * For each depth of the setting, a full-matrix SGD ensemble (dIn = dOut = width, a teacher with two modes) and a
 * per-mode SDE ensemble per mode (Euler–Maruyama at a quarter of the SGD step) are compared at every saved
 * time: the mean and the variance of u_k(t), each difference divided by its standard error (the two ensembles
 * are independent). The measurement is the Šidák p-value of the largest of these m standardized differences,
 * 1 − (1 − 2Φ(−max|z|))^m: it is at least 0.01 exactly when every difference lies inside its joint 99%
 * interval ±z_{(1+0.99^{1/m})/2}·se. The SDE is a first-order model of SGD and the reduction drops the
 * off-diagonal noise, so the two differ by O(η); a budget large enough resolves that gap and refutes an exact
 * match at that η.
 */
import fc from 'fast-check';
import type { ComparisonRow } from '../src/analysis/jointComparison.js';
import { compareJointly } from '../src/analysis/jointComparison.js';
import {
  perModeReduction,
  type ReductionSeries,
  type ReductionSetting,
} from '../src/reductions/perModeSdeReduction.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

/** The reduction's setting with a list of depths instead of one. */
export type ReductionTheoremSetting = Omit<ReductionSetting, 'depth'> & {
  readonly depths: readonly number[];
};

const SGD_PATHS: Record<Budget, number> = { quick: 400, standard: 2000, full: 8000 };

export const corlouerReduction: Theorem<ReductionTheoremSetting> = {
  id: 'corlouer-reduction',
  title: 'Per-mode SDEs reproduce the mean and variance of full-matrix SGD mode strengths over time',
  source: 'CORLOUER §2 [P] (exact split into per-mode SDEs under alignment and balance); THEORY.md §2, §0.5',
  statement:
    'From an aligned, balanced start, the ensemble mean and variance of every mode strength u_k(t) under ' +
    'full-matrix online SGD equal those of the per-layer SDE da = a^{L−1}(s_k − a^L)dt + √(η/B) a^{L−1}√D dW ' +
    '(u = a^L), at every saved time and for L = 2, 3, 4, within joint 99% intervals.',
  assumptions: [
    'x ~ N(0, I), label noise σ_ξ',
    'aligned, balanced initialization at per-layer scale ε for every mode',
    'η small: the SDE is a weak first-order model of SGD',
  ],
  settings: fc.record({
    depths: fc.constantFrom([2], [3], [4], [2, 3, 4]),
    dims: fc.integer({ min: 2, max: 3 }),
    singularValues: fc.constantFrom([1, 0.5], [1], [2, 1]),
    eps: fc.double({ min: 0.3, max: 0.7, noNaN: true }),
    lr: fc.constantFrom(0.005, 0.01),
    batch: fc.integer({ min: 1, max: 4 }),
    labelNoise: fc.double({ min: 0, max: 0.8, noNaN: true }),
    t1: fc.constant(8),
    saves: fc.constant(8),
  }),
  defaultSetting: {
    depths: [2, 3, 4],
    dims: 2,
    singularValues: [1, 0.5],
    eps: 0.5,
    lr: 0.01,
    batch: 1,
    labelNoise: 0.5,
    t1: 8,
    saves: 8,
  },
  // The measurement is a p-value; under the claim it is uniform on (0, 1), with mean 1/2.
  predict: () => 0.5,
  async measure(setting, context): Promise<Measurement> {
    const sgdPaths = SGD_PATHS[context.budget];
    const rows: ComparisonRow[] = [];
    const evidence: Record<string, unknown>[] = [];
    const plots: unknown[] = [];
    for (const [index, depth] of setting.depths.entries()) {
      const result = await perModeReduction(
        { ...setting, depth },
        { sgdPaths, sdePaths: 4 * sgdPaths, substeps: 4, seed: context.seed + index },
      );
      rows.push(...result.joint.rows.map((row) => ({ ...row, label: `L = ${depth}, ${row.label}` })));
      evidence.push({
        depth,
        misalignment: result.misalignment,
        imbalance: result.imbalance,
        failed: result.failed,
      });
      plots.push(...result.series.map((series) => meanPlot(depth, series)));
      context.onProgress?.((index + 1) / setting.depths.length);
    }
    const joint = compareJointly(rows);
    return {
      value: joint.pValue,
      samples: sgdPaths,
      evidence: {
        comparisons: joint.comparisons,
        largestZ: joint.largestZ,
        worst: joint.worst.label,
        joint99Multiplier: joint.jointZ.p99,
        depths: evidence,
        plots,
      },
    };
  },
  comparison: {
    kind: 'pValue',
    alpha: 0.01,
    why: 'p ≥ 0.01 is every mean and variance difference inside its joint (Šidák) 99% interval',
  },
  quantity: 'joint p-value of mean and variance differences',
};

function meanPlot(depth: number, series: ReductionSeries) {
  return {
    kind: 'trajectory',
    title: `L = ${depth}, mode ${series.mode + 1}: mean strength`,
    xLabel: 't',
    yLabel: 'E u',
    t: series.t,
    series: [
      { name: 'full-matrix SGD', y: series.sgdMean },
      { name: 'per-mode SDE', y: series.sdeMean },
    ],
  };
}
