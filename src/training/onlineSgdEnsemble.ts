/**
 * Independent seeded runs of full-matrix online SGD on a deep linear network (batch B, step η, label noise
 * σ_ξ), recording at save times what the per-mode reduction assumes and what breaks it: the strength
 * u_k = u_kᵀ W v_k of every teacher mode, the misalignment ‖W − Σ_k u_k u_k v_kᵀ‖_F (zero while W stays
 * diagonal in the teacher's singular bases) and the imbalance max_l ‖W_{l+1}ᵀW_{l+1} − W_l W_lᵀ‖_F (zero while
 * the layers stay balanced).
 *
 * Path p draws its batches from randomStream(seed, p, 0), exactly as onlineSgd({seed, path: p}), so any path
 * replays alone; a seeded initialization gets path p too. The run of a path stops at the first step whose batch
 * loss is not finite ('non-finite') or exceeds the bound ('blow-up'); its later saves are NaN.
 */
import { type DeepLinearShapeOptions, deepLinearShape } from '../networks/deepLinearShape.js';
import { type DeepLinearInit, initialize } from '../networks/initialize.js';
import { OnlineGradient } from '../networks/onlineGradient.js';
import { PopulationObjective } from '../networks/populationLoss.js';
import type { Teacher } from '../networks/teacher.js';
import { randomStream } from '../random/stream.js';
import { type SolveStatus, STATUS_MESSAGES } from '../solution.js';
import { integerInRange, positiveNumber, seedValue } from '../validate.js';
import { AlignmentRecorder } from './alignmentRecorder.js';

export interface OnlineSgdEnsembleOptions {
  readonly network: DeepLinearShapeOptions;
  readonly teacher: Teacher;
  /** The initialization; seeded kinds (jacot, scaled, he, glorot) use path p for path p. */
  readonly init: DeepLinearInit;
  /** Learning rate η > 0; time t = kη. */
  readonly lr: number;
  readonly batch: number;
  readonly labelNoise: number;
  readonly steps: number;
  /** Record every this many steps (and at the last); default about 50 records per run. */
  readonly saveEvery?: number;
  readonly paths: number;
  readonly seed: number;
  /** Stop a path whose batch loss exceeds this; default 1e12 · max(1, ℒ(θ_0)). */
  readonly blowUpBound?: number;
}

export interface OnlineSgdEnsemble {
  readonly paths: number;
  readonly modes: number;
  readonly lr: number;
  /** Save times kη. */
  readonly t: Float64Array;
  /** u_k of path p at save j: index (p · saves + j) · modes + k. */
  readonly modeStrengths: Float64Array;
  /** ‖W − Σ_k u_k u_k v_kᵀ‖_F of path p at save j: index p · saves + j. */
  readonly misalignment: Float64Array;
  /** max_l ‖W_{l+1}ᵀW_{l+1} − W_l W_lᵀ‖_F, same indexing (0 for a network of depth 1). */
  readonly imbalance: Float64Array;
  /** Per path: 'success', 'non-finite' or 'blow-up'. */
  readonly status: readonly SolveStatus[];
  /** Per path: the last time with a good state. */
  readonly tReached: Float64Array;
  readonly failed: number;
  readonly message: string;
}

function saveSteps(steps: number, saveEvery: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < steps; k += saveEvery) out.push(k);
  out.push(steps);
  return out;
}

/** Runs `paths` independent online SGD runs from the same initialization law. */
export function onlineSgdEnsemble(options: OnlineSgdEnsembleOptions): OnlineSgdEnsemble {
  const shape = deepLinearShape(options.network);
  const online = new OnlineGradient(shape, options.teacher, options);
  const lr = positiveNumber(
    'lr',
    options.lr,
    'Choose a learning rate below 2 / (largest Hessian eigenvalue).',
  );
  const steps = integerInRange('steps', options.steps, 1);
  const paths = integerInRange('paths', options.paths, 1, 2 ** 30);
  const seed = seedValue('seed', options.seed);
  const saveEvery = integerInRange('saveEvery', options.saveEvery ?? Math.max(1, Math.ceil(steps / 50)), 1);
  const saves = saveSteps(steps, saveEvery);
  const recorder = new AlignmentRecorder(shape, options.teacher, paths, saves.length);
  const population = new PopulationObjective(shape, options.teacher);
  const status: SolveStatus[] = [];
  const tReached = new Float64Array(paths);
  const grad = new Float64Array(shape.size);
  for (let p = 0; p < paths; p++) {
    const theta = initialize(shape, withPath(options.init, p));
    const bound =
      options.blowUpBound === undefined
        ? 1e12 * Math.max(1, population.loss(theta))
        : positiveNumber('blowUpBound', options.blowUpBound);
    const stream = randomStream(seed, p, 0);
    let next = 0;
    let k = 0;
    let code: SolveStatus = 'success';
    for (; k <= steps; k++) {
      if (k === saves[next]) recorder.record(p, next++, theta);
      if (k === steps) break;
      const loss = online.gradient(theta, grad, stream);
      if (!(loss <= bound)) {
        code = Number.isNaN(loss) || loss === Number.POSITIVE_INFINITY ? 'non-finite' : 'blow-up';
        break;
      }
      for (let i = 0; i < theta.length; i++) theta[i] -= lr * grad[i];
    }
    // A save at the failing step k recorded the bad state: it is overwritten with NaN too.
    if (code !== 'success') recorder.fail(p, next > 0 && saves[next - 1] === k ? next - 1 : next);
    status.push(code);
    tReached[p] = code === 'success' ? steps * lr : Math.max(0, k - 1) * lr;
  }
  const failed = status.filter((s) => s !== 'success').length;
  return {
    paths,
    modes: options.teacher.s.length,
    lr,
    t: Float64Array.from(saves, (k) => k * lr),
    ...recorder.arrays(),
    status,
    tReached,
    failed,
    message:
      failed === 0
        ? `All ${paths} runs reached step ${steps}.`
        : `${failed} of ${paths} runs stopped early: ${STATUS_MESSAGES[status.find((s) => s !== 'success') as SolveStatus]}`,
  };
}

function withPath(init: DeepLinearInit, path: number): DeepLinearInit {
  return 'seed' in init ? { ...init, path } : init;
}
