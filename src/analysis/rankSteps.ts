/**
 * The rank staircase: runs of constant numerical rank of the end-to-end map over saved times, and the effective
 * rank of every layer of a network.
 *
 * Effective rank of a layer W_l: the number of singular values above `relative` times the largest. After small-
 * initialization training the learned modes sit at per-layer scales s_k^{1/L} while the unlearned directions keep
 * their initial scale ε, so any cut between (s_r/s_1)^{1/L} and ε/s_1^{1/L} counts the learned modes; the
 * default 0.1 is such a cut for spectra spanning less than a factor 10^L and ε below about a tenth.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { numericalRank, svd } from '../linalg/svd.js';
import { type DeepLinearShape, layerViews } from '../networks/deepLinearShape.js';
import { finiteVector } from '../validate.js';

export interface RankStep {
  readonly rank: number;
  /** First and last saved times with this rank. */
  readonly start: number;
  readonly end: number;
  readonly points: number;
}

/** Maximal runs of equal rank, in time order. */
export function rankSteps(
  t: Float64Array | readonly number[],
  rank: Int32Array | readonly number[],
): RankStep[] {
  const times = finiteVector('t', t);
  if (rank.length !== times.length) {
    throw new DimensionMismatchError(
      `rankSteps: ${times.length} times but ${rank.length} ranks. Give one rank per saved time.`,
    );
  }
  const steps: RankStep[] = [];
  for (let k = 0; k < times.length; k++) {
    const last = steps[steps.length - 1];
    if (last !== undefined && last.rank === rank[k]) {
      steps[steps.length - 1] = { ...last, end: times[k], points: last.points + 1 };
    } else steps.push({ rank: rank[k], start: times[k], end: times[k], points: 1 });
  }
  return steps;
}

/** The rank most often seen among saved times in [start, end] (ties: the smaller rank); −1 if none. */
export function rankDuring(
  t: Float64Array | readonly number[],
  rank: Int32Array | readonly number[],
  start: number,
  end: number,
): number {
  const counts = new Map<number, number>();
  for (let k = 0; k < t.length; k++) {
    if (t[k] >= start && t[k] <= end) counts.set(rank[k], (counts.get(rank[k]) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  for (const [value, count] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/** The effective rank of each layer W_1..W_L (see the file header). */
export function layerEffectiveRanks(shape: DeepLinearShape, theta: Float64Array, relative = 0.1): number[] {
  if (typeof relative !== 'number' || !(relative > 0 && relative < 1)) {
    throw new InvalidArgumentError('relative', relative, 'a number in (0, 1)');
  }
  return layerViews(shape, theta).map((layer) => {
    const s = svd(layer).s;
    return s.length === 0 ? 0 : numericalRank(s, relative * s[0]);
  });
}
