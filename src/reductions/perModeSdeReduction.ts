/**
 * The per-mode reduction put to the test: full-matrix online SGD on a deep linear network from an aligned,
 * balanced initialization against the per-layer SDE of each teacher mode (perModeSde.ts), integrated by
 * Euler–Maruyama on a grid finer than the SGD step. At every saved time after t = 0 and for every mode, the
 * ensemble mean and variance of u_k(t) from both are compared jointly (jointComparison.ts), with the standard
 * errors of the two independent ensembles combined. The SDE is a first-order (weak) model of SGD and the
 * reduction drops the off-diagonal gradient noise, so the two differ by O(η): a large enough ensemble will
 * resolve that gap; the comparison says whether this one does.
 */
import {
  type ComparisonRow,
  compareJointly,
  type JointComparison,
  momentEstimate,
} from '../analysis/jointComparison.js';
import { createTeacher } from '../networks/teacher.js';
import { runEnsemble } from '../sde/ensemble.js';
import { onlineSgdEnsemble } from '../training/onlineSgdEnsemble.js';
import { integerInRange, positiveNumber, seedValue } from '../validate.js';
import { integerPower, perModeParameters } from './perModeSde.js';
import { PER_MODE_EULER_SPEC } from './perModeSdeMethod.js';
import { perModeSdeSpec } from './perModeSdeProblem.js';

export interface ReductionSetting {
  readonly depth: number;
  /** dIn = dOut = hidden width of the network. */
  readonly dims: number;
  /** The teacher's singular values s_1 ≥ … (at most dims of them). */
  readonly singularValues: readonly number[];
  /** Initial per-layer scale of every mode. */
  readonly eps: number;
  readonly lr: number;
  readonly batch: number;
  readonly labelNoise: number;
  /** Time of the last save; the run lasts round(t1/η) steps. */
  readonly t1: number;
  /** Number of saved times after t = 0 (equally spaced). */
  readonly saves: number;
}

export interface ReductionRun {
  readonly sgdPaths: number;
  /** SDE paths per mode. */
  readonly sdePaths: number;
  /** Euler–Maruyama steps per SGD step. */
  readonly substeps: number;
  readonly seed: number;
}

export interface ReductionSeries {
  readonly mode: number;
  readonly t: readonly number[];
  readonly sgdMean: readonly number[];
  readonly sgdVariance: readonly number[];
  readonly sdeMean: readonly number[];
  readonly sdeVariance: readonly number[];
}

export interface ReductionComparison {
  readonly joint: JointComparison;
  readonly series: readonly ReductionSeries[];
  /** Largest misalignment and imbalance seen over SGD paths and saves. */
  readonly misalignment: number;
  readonly imbalance: number;
  /** SGD runs that stopped early, and SDE paths that failed. */
  readonly failed: number;
}

function checkRun(run: ReductionRun): ReductionRun {
  return {
    sgdPaths: integerInRange('sgdPaths', run.sgdPaths, 4),
    sdePaths: integerInRange('sdePaths', run.sdePaths, 4),
    substeps: integerInRange('substeps', run.substeps, 1, 1000),
    seed: seedValue('seed', run.seed),
  };
}

/** Runs both ensembles and compares the mean and variance of every mode strength at every save. */
export async function perModeReduction(
  setting: ReductionSetting,
  options: ReductionRun,
): Promise<ReductionComparison> {
  const run = checkRun(options);
  const saves = integerInRange('saves', setting.saves, 1, 1000);
  const lr = positiveNumber('lr', setting.lr);
  const saveEvery = Math.max(1, Math.round(positiveNumber('t1', setting.t1) / (lr * saves)));
  const steps = saveEvery * saves;
  const dims = integerInRange('dims', setting.dims, 1, 64);
  const teacher = createTeacher({
    dIn: dims,
    dOut: dims,
    singularValues: setting.singularValues,
    seed: run.seed,
  });
  const sgd = onlineSgdEnsemble({
    network: { dIn: dims, dOut: dims, depth: setting.depth, width: dims },
    teacher,
    init: { kind: 'aligned', eps: setting.eps, teacher },
    lr,
    batch: setting.batch,
    labelNoise: setting.labelNoise,
    steps,
    saveEvery,
    paths: run.sgdPaths,
    seed: run.seed,
  });
  const t = Array.from(sgd.t.subarray(1));
  const rows: ComparisonRow[] = [];
  const series: ReductionSeries[] = [];
  let failed = sgd.failed;
  for (let k = 0; k < teacher.s.length; k++) {
    const sde = await modeEnsemble(setting, teacher.s[k], run, steps, t, run.seed + k + 1);
    failed += sde.failed;
    const sgdAt = (j: number) =>
      Float64Array.from(
        { length: run.sgdPaths },
        (_, path) => sgd.modeStrengths[(path * sgd.t.length + j + 1) * sgd.modes + k],
      );
    const sdeAt = (j: number) =>
      Float64Array.from({ length: run.sdePaths }, (_, path) =>
        integerPower(sde.saved[path * t.length + j], setting.depth),
      );
    series.push(compareMode(k, t, sgdAt, sdeAt, rows));
  }
  return {
    joint: compareJointly(rows),
    series,
    misalignment: largest(sgd.misalignment),
    imbalance: largest(sgd.imbalance),
    failed,
  };
}

/** The per-layer SDE ensemble of a mode of strength s, on the SGD's time span with `substeps` per SGD step. */
async function modeEnsemble(
  setting: ReductionSetting,
  s: number,
  run: ReductionRun,
  steps: number,
  saveAt: readonly number[],
  seed: number,
) {
  const p = perModeParameters({ ...setting, s });
  const spec = perModeSdeSpec('per-layer', { ...p, x0: setting.eps, t1: steps * setting.lr, seed });
  return runEnsemble(spec, {
    method: PER_MODE_EULER_SPEC,
    paths: run.sdePaths,
    steps: steps * run.substeps,
    saveAt,
    statistics: false,
  });
}

/** Appends the mean and variance comparisons of mode k at every save to `rows`; returns the mode's series. */
function compareMode(
  k: number,
  t: readonly number[],
  sgdAt: (j: number) => Float64Array,
  sdeAt: (j: number) => Float64Array,
  rows: ComparisonRow[],
): ReductionSeries {
  const entry = {
    mode: k,
    t,
    sgdMean: [] as number[],
    sgdVariance: [] as number[],
    sdeMean: [] as number[],
    sdeVariance: [] as number[],
  };
  t.forEach((time, j) => {
    const a = momentEstimate(sgdAt(j));
    const b = momentEstimate(sdeAt(j));
    const label = `mode ${k + 1}, t = ${time.toPrecision(4)}`;
    rows.push(
      { label: `mean of u, ${label}`, a: a.mean, b: b.mean, error: Math.hypot(a.meanError, b.meanError) },
      {
        label: `variance of u, ${label}`,
        a: a.variance,
        b: b.variance,
        error: Math.hypot(a.varianceError, b.varianceError),
      },
    );
    entry.sgdMean.push(a.mean);
    entry.sgdVariance.push(a.variance);
    entry.sdeMean.push(b.mean);
    entry.sdeVariance.push(b.variance);
  });
  return entry;
}

function largest(values: Float64Array): number {
  let out = 0;
  for (const v of values) if (v > out) out = v;
  return out;
}
