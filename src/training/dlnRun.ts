/**
 * One training run of a deep linear network on a teacher, summarized by the observables of the saddle-to-saddle
 * picture: the loss and rank over time, the plateaus (with the saddle level each one sits nearest), every
 * mode's escape time, the drift of the imbalances, and the effective rank of each layer at the end. The
 * `saddlecheck dln` command prints this; it is plain data (JSON-ready).
 */
import { imbalanceDrift } from '../analysis/imbalanceDrift.js';
import { modeEscapeTimes } from '../analysis/modeEscapeTimes.js';
import { detectPlateaus, saddleLossLevels } from '../analysis/plateaus.js';
import { layerEffectiveRanks } from '../analysis/rankSteps.js';
import { InvalidArgumentError } from '../errors.js';
import { deepLinearNetwork } from '../networks/deepLinearNetwork.js';
import type { DeepLinearInit } from '../networks/initialize.js';
import { createTeacher } from '../networks/teacher.js';
import type { SolveStatus } from '../solution.js';
import { positiveNumber } from '../validate.js';
import { gradientDescent } from './gradientDescent.js';
import { gradientFlow } from './gradientFlow.js';
import { onlineSgd } from './onlineSgd.js';
import type { Trajectory } from './trajectory.js';

export type DlnDynamics =
  | { readonly kind: 'gf' }
  | { readonly kind: 'gd'; readonly lr: number }
  | { readonly kind: 'sgd'; readonly lr: number; readonly batch: number; readonly labelNoise: number };

export type DlnStart =
  | { readonly kind: 'random'; readonly eps: number }
  | { readonly kind: 'random'; readonly gamma: number }
  | { readonly kind: 'aligned'; readonly eps: number };

export interface DlnRunOptions {
  readonly depth: number;
  readonly width: number;
  readonly dIn: number;
  readonly dOut: number;
  readonly singularValues: readonly number[];
  readonly init: DlnStart;
  readonly dynamics: DlnDynamics;
  readonly t1: number;
  readonly seed: number;
  /** Plateau band as a fraction of the largest loss (default 0.005; raise it for noisy SGD curves). */
  readonly band?: number;
}

export interface DlnRunResult {
  readonly status: SolveStatus;
  readonly message: string;
  readonly tReached: number;
  readonly method: string;
  readonly times: number[];
  readonly loss: number[];
  readonly rank: number[];
  readonly predictedLevels: number[];
  readonly plateaus: { loss: number; predictedLoss: number; saddle: number; start: number; end: number }[];
  /** Time each mode's strength u_kᵀ W v_k first reached s_k/2, interpolated between saved points. */
  readonly escapeTimes: (number | null)[];
  readonly imbalanceDrift: { absolute: number[]; relative: number[]; maxRelative: number };
  readonly layerRanks: number[];
  readonly gradientEvaluations: number;
  readonly steps: number;
}

const RECORDS = 400;

export function dlnRun(options: DlnRunOptions): DlnRunResult {
  const { depth, width, dIn, dOut, singularValues, seed } = options;
  const t1 = positiveNumber('t1', options.t1);
  const teacher = createTeacher({ dIn, dOut, singularValues, seed });
  const net = deepLinearNetwork({ dIn, dOut, depth, width, init: initOf(options.init, seed, teacher) });
  const run = train(options, net, teacher, t1);
  const t = Array.from(run.t);
  const loss = Array.from(run.loss);
  const predictedLevels = saddleLossLevels(teacher.s);
  const plateaus = detectPlateaus(run.t, run.loss, { band: options.band ?? 0.005 }).map((p) => {
    const saddle = nearest(predictedLevels, p.level);
    return { loss: p.level, predictedLoss: predictedLevels[saddle], saddle, start: p.start, end: p.end };
  });
  const drift = imbalanceDrift(net, net.theta, run.thetaEnd);
  return {
    status: run.status,
    message: run.message,
    tReached: run.tReached,
    method: run.method,
    times: t,
    loss,
    rank: Array.from(run.rank),
    predictedLevels,
    plateaus,
    escapeTimes: modeEscapeTimes(run.t, run.modeStrengths, teacher.s, 0.5),
    imbalanceDrift: { absolute: drift.absolute, relative: drift.relative, maxRelative: drift.maxRelative },
    layerRanks: layerEffectiveRanks(net, run.thetaEnd),
    gradientEvaluations: run.gradientEvaluations,
    steps: run.steps,
  };
}

function initOf(start: DlnStart, seed: number, teacher: ReturnType<typeof createTeacher>): DeepLinearInit {
  if (start.kind === 'aligned') return { kind: 'aligned', eps: start.eps, teacher };
  if ('gamma' in start) return { kind: 'jacot', gamma: start.gamma, seed, path: 1 };
  return { kind: 'scaled', eps: start.eps, seed, path: 1 };
}

function train(
  options: DlnRunOptions,
  net: ReturnType<typeof deepLinearNetwork>,
  teacher: ReturnType<typeof createTeacher>,
  t1: number,
): Trajectory {
  const dynamics = options.dynamics;
  if (dynamics.kind === 'gf') {
    // Geometric save times: plateaus are judged on the log-time axis.
    const saveAt = [
      0,
      ...Array.from({ length: RECORDS }, (_, k) => t1 * 10 ** (-5 + (5 * (k + 1)) / RECORDS)),
    ];
    return gradientFlow(net, teacher, {
      t1,
      saveAt,
      rtol: 1e-7,
      stiff: options.depth >= 3,
      maxSteps: 1000000,
    });
  }
  const lr = positiveNumber('lr', dynamics.lr);
  const steps = Math.ceil(t1 / lr);
  const saveEvery = Math.max(1, Math.ceil(steps / RECORDS));
  if (dynamics.kind === 'gd') return gradientDescent(net, teacher, { lr, steps, saveEvery });
  if (dynamics.kind === 'sgd') {
    const { batch, labelNoise } = dynamics;
    return onlineSgd(net, teacher, { lr, steps, saveEvery, batch, labelNoise, seed: options.seed, path: 2 });
  }
  throw new InvalidArgumentError('dynamics.kind', (dynamics as { kind: unknown }).kind, 'one of gf, gd, sgd');
}

function nearest(levels: readonly number[], value: number): number {
  let best = 0;
  for (let k = 1; k < levels.length; k++) {
    if (Math.abs(levels[k] - value) < Math.abs(levels[best] - value)) best = k;
  }
  return best;
}
