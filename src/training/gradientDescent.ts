/**
 * Full-batch gradient descent on the population loss ½‖W − W*‖²: θ_{k+1} = θ_k − η ∇ℒ(θ_k) with the exact
 * gradient, recorded at t = kη so it can be laid over gradient flow (GD matches GF as η → 0).
 */
import type { DeepLinearNetwork } from '../networks/deepLinearNetwork.js';
import { PopulationObjective } from '../networks/populationLoss.js';
import type { Teacher } from '../networks/teacher.js';
import { type DescentOptions, descentLoop } from './descentLoop.js';
import type { Trajectory } from './trajectory.js';

export type GradientDescentOptions = DescentOptions;

/** Runs `steps` steps of size `lr` from the network's parameters (or options.theta0); net is not modified. */
export function gradientDescent(
  net: DeepLinearNetwork,
  teacher: Teacher,
  options: GradientDescentOptions,
): Trajectory {
  const objective = new PopulationObjective(net, teacher);
  return descentLoop('gradient descent', net, teacher, options, (theta, grad) =>
    objective.gradient(theta, grad),
  );
}
