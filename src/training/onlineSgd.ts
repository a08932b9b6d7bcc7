/**
 * Online SGD: each step draws a fresh batch of B samples x ~ N(0, I), y = W* x + ξ, ξ ~ N(0, σ_ξ² I), and
 * steps along the batch gradient: θ_{k+1} = θ_k − η ĝ_B(θ_k), recorded at t = kη. The recorded loss is the
 * population loss ½‖W − W*‖² (without the noise floor ½σ_ξ² dOut), not the noisy batch loss. Batches come
 * from randomStream(seed, path, 0), so a run is reproduced bit for bit from (seed, path).
 */
import type { DeepLinearNetwork } from '../networks/deepLinearNetwork.js';
import { OnlineGradient } from '../networks/onlineGradient.js';
import type { Teacher } from '../networks/teacher.js';
import { randomStream } from '../random/stream.js';
import { integerInRange, seedValue } from '../validate.js';
import { type DescentOptions, descentLoop } from './descentLoop.js';
import type { Trajectory } from './trajectory.js';

export interface OnlineSgdOptions extends DescentOptions {
  /** Batch size B ≥ 1. */
  readonly batch: number;
  /** Label-noise standard deviation σ_ξ ≥ 0. */
  readonly labelNoise: number;
  readonly seed: number;
  /** Independent replica index (default 0). */
  readonly path?: number;
}

/** Runs `steps` SGD steps from the network's parameters (or options.theta0); net is not modified. */
export function onlineSgd(net: DeepLinearNetwork, teacher: Teacher, options: OnlineSgdOptions): Trajectory {
  const online = new OnlineGradient(net, teacher, options);
  const stream = randomStream(seedValue('seed', options.seed), integerInRange('path', options.path ?? 0, 0));
  return descentLoop(
    `online SGD (B=${online.batch}, σξ=${online.labelNoise})`,
    net,
    teacher,
    options,
    (theta, grad) => online.gradient(theta, grad, stream),
  );
}
