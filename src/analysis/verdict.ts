/**
 * From a prediction, a measurement and a comparison to a verdict. Pure: no numerics run here.
 * An inconclusive verdict says by what factor the budget must grow to decide, assuming the interval narrows like
 * 1/sqrt(samples) about the centre it has now.
 */

/** A numerical measurement: a point estimate with, when it is statistical, its 95% interval. */
export interface Measurement {
  readonly value: number;
  /** 95% confidence interval; omitted for a deterministic computation (then the point is the interval). */
  readonly ci95?: readonly [number, number];
  /** 99.9% interval, used to refute; defaults to the 95% interval widened by the normal ratio 3.29/1.96. */
  readonly ci999?: readonly [number, number];
  /** What the budget bought (paths, samples, settings), so an inconclusive report can say how much more. */
  readonly samples?: number;
  /** Anything a report or plot should show (arrays of times, fitted lines, histograms ...). */
  readonly evidence?: Readonly<Record<string, unknown>>;
  /** Set when the measurement could not be made (a solver failed); the verdict is then failed-to-run. */
  readonly failure?: string;
}

/**
 * How prediction and measurement are compared.
 * - 'tolerance' (an equivalence test): the 95% interval must lie inside prediction ± tolerance (relative:
 *   tolerance·|prediction|); it is refuted when the 99.9% interval lies wholly outside that band, inconclusive
 *   otherwise. Unlike containment, a 2-sigma fluctuation or a small pre-asymptotic bias well inside the band does
 *   not make a check inconclusive, so a suite of many checks is not undone by multiple testing.
 * - 'containment': the 95% interval must contain the prediction and be no wider than ± halfWidth; it is refuted
 *   when even the 99.9% interval excludes the prediction (strong evidence is needed to refute).
 * - 'pValue': the measurement is a p-value of a distribution test with `samples` draws: confirmed at p >= alpha,
 *   refuted at p < alpha / 10, inconclusive between.
 */
export type Comparison =
  | {
      readonly kind: 'tolerance';
      readonly tolerance: number;
      readonly relative: boolean;
      readonly why: string;
    }
  | { readonly kind: 'containment'; readonly halfWidth: number; readonly why: string }
  | { readonly kind: 'pValue'; readonly alpha: number; readonly why: string };

export type Status = 'confirmed' | 'refuted' | 'inconclusive' | 'failed-to-run';

export interface Verdict {
  readonly status: Status;
  /** measured − predicted. */
  readonly discrepancy: number;
  /** The band the measurement had to fall in, as [lo, hi]. */
  readonly tolerance: readonly [number, number];
  /** The 95% interval of the measurement ([value, value] for a deterministic one). */
  readonly interval: readonly [number, number];
  /** Why the verdict is what it is, in one sentence. */
  readonly reason: string;
  /** For inconclusive verdicts: the factor by which samples must grow to decide (about). */
  readonly budgetFactor?: number;
}

/** Ratio of the 99.9% to the 95% two-sided normal quantile, used when no 99.9% interval is given. */
const WIDEN_95_TO_999 = 3.2905267314919255 / 1.959963984540054;

function widen(interval: readonly [number, number], value: number, factor: number): [number, number] {
  return [value - (value - interval[0]) * factor, value + (interval[1] - value) * factor];
}

export function judge(predicted: number, measurement: Measurement, comparison: Comparison): Verdict {
  const value = measurement.value;
  const interval: [number, number] = measurement.ci95
    ? [measurement.ci95[0], measurement.ci95[1]]
    : [value, value];
  const discrepancy = value - predicted;
  const base = { discrepancy, interval };
  if (measurement.failure || !Number.isFinite(value) || !interval.every(Number.isFinite)) {
    const reason = measurement.failure ?? `the measurement is not a finite number (${value})`;
    return { ...base, status: 'failed-to-run', tolerance: [predicted, predicted], reason };
  }
  switch (comparison.kind) {
    case 'tolerance':
      return judgeTolerance(
        predicted,
        measurement,
        comparison.relative ? comparison.tolerance * Math.abs(predicted) : comparison.tolerance,
        base,
      );
    case 'containment':
      return judgeContainment(predicted, measurement, comparison.halfWidth, base);
    case 'pValue':
      return judgePValue(value, comparison.alpha, base);
  }
}

type Base = { discrepancy: number; interval: [number, number] };

function judgeTolerance(predicted: number, measurement: Measurement, tol: number, base: Base): Verdict {
  const band: [number, number] = [predicted - tol, predicted + tol];
  const [lo, hi] = base.interval;
  const wide = measurement.ci999 ?? widen(base.interval, measurement.value, WIDEN_95_TO_999);
  if (lo >= band[0] && hi <= band[1]) {
    return {
      ...base,
      status: 'confirmed',
      tolerance: band,
      reason: 'the measured interval lies inside the tolerance band',
    };
  }
  if (wide[1] < band[0] || wide[0] > band[1]) {
    return {
      ...base,
      status: 'refuted',
      tolerance: band,
      reason: 'the 99.9% interval lies outside the tolerance band',
    };
  }
  // With the interval's centre where it is, more samples decide it one way: confirmed once the 95% interval fits
  // inside the band (centre inside), refuted once the 99.9% interval's arm towards the band clears it (centre
  // outside). A bootstrap 99.9% interval need not be centred where the 95% one is, so its near arm is used.
  const centre = (lo + hi) / 2;
  const offset = Math.abs(centre - predicted);
  const nearArm = centre > predicted ? centre - wide[0] : wide[1] - centre;
  const budgetFactor =
    offset < tol
      ? ((hi - lo) / 2 / (tol - offset)) ** 2
      : offset > tol
        ? (nearArm / (offset - tol)) ** 2
        : undefined;
  return {
    ...base,
    status: 'inconclusive',
    tolerance: band,
    reason: 'the measured interval straddles an edge of the tolerance band',
    ...(budgetFactor !== undefined ? { budgetFactor } : {}),
  };
}

function judgeContainment(
  predicted: number,
  measurement: Measurement,
  halfWidth: number,
  base: Base,
): Verdict {
  const band: [number, number] = [predicted - halfWidth, predicted + halfWidth];
  const [lo, hi] = base.interval;
  const wide = measurement.ci999 ?? widen(base.interval, measurement.value, WIDEN_95_TO_999);
  if (predicted < wide[0] || predicted > wide[1]) {
    return {
      ...base,
      status: 'refuted',
      tolerance: band,
      reason: 'the 99.9% interval excludes the prediction',
    };
  }
  const width = (hi - lo) / 2;
  if (predicted >= lo && predicted <= hi && width <= halfWidth) {
    return {
      ...base,
      status: 'confirmed',
      tolerance: band,
      reason: `the 95% interval contains the prediction and is within ±${halfWidth}`,
    };
  }
  const reason =
    width > halfWidth
      ? `the 95% interval (±${width.toPrecision(3)}) is wider than ±${halfWidth}`
      : 'the prediction lies between the 95% and the 99.9% interval';
  return {
    ...base,
    status: 'inconclusive',
    tolerance: band,
    reason,
    budgetFactor: Math.max(1, (width / halfWidth) ** 2),
  };
}

function judgePValue(pValue: number, alpha: number, base: Base): Verdict {
  const band: [number, number] = [alpha, 1];
  if (pValue >= alpha)
    return {
      ...base,
      status: 'confirmed',
      tolerance: band,
      reason: `p = ${pValue.toPrecision(3)} >= ${alpha}`,
    };
  if (pValue < alpha / 10)
    return {
      ...base,
      status: 'refuted',
      tolerance: band,
      reason: `p = ${pValue.toPrecision(3)} < ${alpha / 10}`,
    };
  return {
    ...base,
    status: 'inconclusive',
    tolerance: band,
    reason: `p = ${pValue.toPrecision(3)} is between ${alpha / 10} and ${alpha}`,
  };
}
