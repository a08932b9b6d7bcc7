/**
 * Saddle-to-saddle from small random initialization (JACOT): the loss rests on plateaus at ½Σ_{j>k} s_j² for
 * k = 0, 1, …, r in that order, the numerical rank of the end-to-end map rises by exactly one from each plateau
 * to the next, and the flow ends at the teacher with every layer of effective rank r = rank W*.
 *
 * The claim is a conjunction of discrete facts, so the measurement counts the conditions that fail (predicted:
 * none); the evidence lists each condition with what was seen.
 */
import fc from 'fast-check';
import { detectPlateaus, saddleLossLevels } from '../src/analysis/plateaus.js';
import { layerEffectiveRanks, rankDuring, rankSteps } from '../src/analysis/rankSteps.js';
import { staircasePlots } from '../src/analysis/staircasePlots.js';
import { type SquareProblemSetting, squareProblem } from '../src/networks/squareProblem.js';
import { perModeEscapeAsymptotic } from '../src/reductions/perModeClosedForm.js';
import { gradientFlow } from '../src/training/gradientFlow.js';
import type { Trajectory } from '../src/training/trajectory.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

/** Teacher singular values well separated (ratios ≥ 2: random overlaps move escapes by O(1) factors). */
export type StaircaseSetting = SquareProblemSetting;

interface Condition {
  readonly condition: string;
  readonly holds: boolean;
  readonly seen: unknown;
}

const WIDTH_BY_BUDGET: Record<Budget, number> = { quick: 1, standard: 2, full: 4 };

export const jacotStaircase: Theorem<StaircaseSetting> = {
  id: 'jacot-staircase',
  title: 'From small init the loss descends a staircase of saddles of rank 0, 1, …, r',
  source: 'JACOT (arXiv 2106.15933) §1 [P] and [D]; THEORY.md §1',
  statement:
    'From a small random initialization, gradient flow visits saddles whose maps have rank 0, 1, …, r: the ' +
    'loss sits on plateaus at ½Σ_{j>k} s_j² in order, the rank of W rises by exactly one between plateaus, and ' +
    'the end point is the teacher with every layer of effective rank r.',
  assumptions: [
    'whitened inputs, loss ½‖W − W*‖², gradient flow',
    'well-separated teacher spectrum (ratios ≥ 2), small ε (ε ≲ 1e-8 for L = 2, whose plateaus grow only like ln 1/ε)',
    'rank counts singular values of W above 1% of s_1; layer effective rank counts those above 10% of the largest',
  ],
  settings: fc
    .record({
      depth: fc.integer({ min: 2, max: 4 }),
      width: fc.integer({ min: 6, max: 16 }),
      dims: fc.integer({ min: 4, max: 6 }),
      singularValues: fc.constantFrom([4, 2, 1], [6, 2], [8, 4, 2, 1]),
      eps: fc.constantFrom(0.003, 0.01),
    })
    // For L = 2 a plateau lasts ~ln(1/ε)/s_k against O(1/s_k) drops: only ε ≲ 1e-8 separates them in log time.
    .map((s) => (s.depth === 2 ? { ...s, eps: s.eps === 0.003 ? 1e-10 : 1e-8 } : s)),
  defaultSetting: { depth: 3, width: 12, dims: 5, singularValues: [4, 2, 1], eps: 0.01 },
  predict: () => 0,
  measure(setting, { seed, budget, onProgress }): Measurement {
    const { depth, singularValues, eps } = setting;
    const width = setting.width * WIDTH_BY_BUDGET[budget];
    const { teacher, net } = squareProblem({ ...setting, width }, seed);
    const r = singularValues.length;
    // Ten times the weakest mode's escape on the aligned law: random overlaps shift escapes by O(1) factors.
    const t1 = 10 * perModeEscapeAsymptotic({ depth, s: singularValues[r - 1], eps });
    const saveAt = [0, ...Array.from({ length: 300 }, (_, k) => t1 * 10 ** (-4 + (4 * (k + 1)) / 300))];
    const flow = gradientFlow(net, teacher, { t1, saveAt, rtol: 1e-7, maxSteps: 500000, stiff: depth >= 3 });
    onProgress?.(1);
    if (flow.status !== 'success') return { value: Number.NaN, failure: flow.message };
    const conditions = staircaseConditions(flow, singularValues, layerEffectiveRanks(net, flow.thetaEnd));
    return {
      value: conditions.filter((c) => !c.holds).length,
      evidence: {
        conditions,
        width,
        t1,
        steps: flow.steps,
        plots: staircasePlots(flow.t, flow.loss, flow.rank, saddleLossLevels(singularValues)),
      },
    };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 0.5,
    relative: false,
    why: 'each condition holds or fails; the claim is that none fails',
  },
  quantity: 'number of staircase conditions that fail',
};

/** The discrete facts of the staircase, each with what was seen. */
export function staircaseConditions(
  flow: Trajectory,
  singularValues: readonly number[],
  layerRanks: number[],
): Condition[] {
  const r = singularValues.length;
  const levels = saddleLossLevels(singularValues);
  const plateaus = detectPlateaus(flow.t, flow.loss);
  // A level is resolved when it is within a tenth of the smallest gap between saddle levels, ½ s_r².
  const levelTolerance = 0.05 * singularValues[r - 1] ** 2;
  const seenLevels = plateaus.map((p) => p.level);
  const plateauRanks = plateaus.map((p) => rankDuring(flow.t, flow.rank, p.start, p.end));
  const steps = rankSteps(flow.t, flow.rank).map((s) => s.rank);
  const finalLoss = flow.loss[flow.loss.length - 1];
  return [
    { condition: `${r + 1} plateaus`, holds: plateaus.length === r + 1, seen: plateaus.length },
    {
      condition: 'plateau k at ½Σ_{j>k} s_j², in order (within ½ s_r²/10)',
      holds:
        plateaus.length === r + 1 && seenLevels.every((v, k) => Math.abs(v - levels[k]) <= levelTolerance),
      seen: seenLevels,
    },
    {
      condition: 'rank k on plateau k',
      holds: plateauRanks.length === r + 1 && plateauRanks.every((rank, k) => rank === k),
      seen: plateauRanks,
    },
    {
      condition: 'rank of W steps 0, 1, …, r, one at a time',
      holds: steps.length === r + 1 && steps.every((rank, k) => rank === k),
      seen: steps,
    },
    {
      condition: 'ends at the teacher (loss below 1e-6 of its start)',
      holds: finalLoss <= 1e-6 * flow.loss[0],
      seen: finalLoss,
    },
    {
      condition: `every layer of effective rank ${r}`,
      holds: layerRanks.every((rank) => rank === r),
      seen: layerRanks,
    },
  ];
}
