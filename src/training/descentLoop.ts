/**
 * The loop shared by gradient descent and online SGD: θ_{k+1} = θ_k − η g(θ_k), time t = kη, records every
 * `saveEvery` steps and at the end; a state is recorded only once its loss has been checked. Two parameter buffers alternate, so the last finite state survives a step
 * that overflows; nothing is allocated per step. Trouble stops the run with a status and the time reached:
 * 'non-finite' when the loss reported by g is NaN or infinite, 'blow-up' when it exceeds `blowUpBound`; the
 * trajectory then ends at the last good state θ_{k−1}, t = (k−1)η.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import type { DeepLinearShape } from '../networks/deepLinearShape.js';
import type { Teacher } from '../networks/teacher.js';
import { outcome } from '../solution.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate.js';
import { type RecordOptions, type Trajectory, TrajectoryRecorder } from './trajectory.js';

export interface DescentOptions extends RecordOptions {
  /** Learning rate η > 0. */
  readonly lr: number;
  /** Number of steps ≥ 1. */
  readonly steps: number;
  /** Record every this many steps (default: about 200 records over the run); the last step is always recorded. */
  readonly saveEvery?: number;
  /** Stop with status 'blow-up' when the loss exceeds this. Default 1e12 · max(1, ℒ(θ_0)). */
  readonly blowUpBound?: number;
  /** Start here instead of at the network's parameters (same length; not modified). */
  readonly theta0?: Float64Array;
}

/** Writes the step direction g(θ) (a gradient) into grad and returns the loss it was computed with. */
export type StepGradient = (theta: Float64Array, grad: Float64Array) => number;

/** Runs the loop from theta0; `gradient` is evaluated once per step. */
export function descentLoop(
  method: string,
  net: DeepLinearShape & { readonly theta: Float64Array },
  teacher: Teacher,
  options: DescentOptions,
  gradient: StepGradient,
): Trajectory {
  const lr = positiveNumber(
    'lr',
    options.lr,
    'Choose a learning rate below 2 / (largest Hessian eigenvalue).',
  );
  const steps = integerInRange('steps', options.steps, 1);
  const saveEvery = integerInRange('saveEvery', options.saveEvery ?? Math.max(1, Math.ceil(steps / 200)), 1);
  const start = finiteVector('theta0', options.theta0 ?? net.theta);
  if (start.length !== net.size) {
    throw new DimensionMismatchError(
      `theta0 has ${start.length} entries; the network has ${net.size} parameters.`,
    );
  }
  const recorder = new TrajectoryRecorder(net, teacher, options);
  const loss0 = recorder.record(0, start);
  if (!Number.isFinite(loss0)) {
    throw new InvalidArgumentError(
      'theta0',
      'parameters whose loss overflows',
      'parameters with a finite loss',
    );
  }
  const bound =
    options.blowUpBound === undefined
      ? 1e12 * Math.max(1, loss0)
      : positiveNumber('blowUpBound', options.blowUpBound);
  let theta: Float64Array<ArrayBufferLike> = start;
  let next: Float64Array<ArrayBufferLike> = new Float64Array(net.size);
  const grad = new Float64Array(net.size);
  const stop = (k: number, what: string, loss: number, gradientEvaluations: number) => {
    const status = Number.isNaN(loss) || loss === Number.POSITIVE_INFINITY ? 'non-finite' : 'blow-up';
    const detail = `${what} at step ${k} of ${steps} had loss ${loss}. Try a smaller learning rate.`;
    // θ_k is bad; θ_{k−1} (held in `next` after the swap) is the last good state.
    const last = k > 0 ? next : theta;
    const reached = Math.max(k - 1, 0);
    return recorder.finish(method, outcome(status, reached * lr, detail), last, {
      gradientEvaluations,
      steps: reached,
    });
  };
  for (let k = 0; k < steps; k++) {
    const loss = gradient(theta, grad);
    if (!(loss <= bound)) return stop(k, 'The state', loss, k + 1);
    if (k > 0 && k % saveEvery === 0) recorder.record(k * lr, theta);
    for (let i = 0; i < grad.length; i++) next[i] = theta[i] - lr * grad[i];
    [theta, next] = [next, theta];
  }
  const lossEnd = recorder.lossAt(theta);
  if (!(lossEnd <= bound)) return stop(steps, 'The final state', lossEnd, steps);
  recorder.record(steps * lr, theta);
  return recorder.finish(method, outcome('success', steps * lr), theta, {
    gradientEvaluations: steps,
    steps,
  });
}
