/**
 * Gradient flow dθ/dt = −∇ℒ(θ) on the population loss, integrated as an ODE on the flat parameter vector.
 *
 * Accuracy near the saddle (THEORY.md §0.3): from a per-layer scale ε the parameters that matter during a
 * plateau are of size ε (and the end-to-end strengths ε^L), so an absolute tolerance like 1e-6 would accept
 * errors as large as the signal and misplace every escape. The error control is relative (rtol, default 1e-8);
 * the default atol is rtol · 1e-3 · max|θ_0|, a floor a thousand times below the largest initial parameter,
 * needed only for components that start at or pass through 0 (aligned initializations are mostly zeros).
 *
 * Stiffness: once a mode is learned its directions relax at a rate ~L s^{2−2/L} while the next plateau lasts
 * ~ε^{−(L−2)}, so an explicit method (the default dopri5) takes ~ε^{−(L−2)} steps per plateau. With
 * `stiff: true` the flow is integrated by ros34pw2 on exact Hessian-vector products, whose steps follow the slow
 * dynamics instead.
 */

import { DimensionMismatchError } from '../errors.js';
import type { DeepLinearNetwork } from '../networks/deepLinearNetwork.js';
import type { DeepLinearShape } from '../networks/deepLinearShape.js';
import { PopulationObjective } from '../networks/populationLoss.js';
import type { Teacher } from '../networks/teacher.js';
import { dopri5 } from '../ode/dopri5.js';
import { solveOde } from '../ode/solveOde.js';
import type { OdeMethod, OdeRhs } from '../ode/types.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate.js';
import { gradientFlowJacobian } from './gradientFlowJacobian.js';
import { ros34pw2 } from './ros34pw2.js';
import { type RecordOptions, type Trajectory, TrajectoryRecorder } from './trajectory.js';

export interface GradientFlowOptions extends RecordOptions {
  /** End time t1 > 0 (the flow starts at t = 0). */
  readonly t1: number;
  /** Save times, strictly increasing in [0, t1]. Default: `saves` + 1 equally spaced times from 0 to t1. */
  readonly saveAt?: readonly number[];
  /** Number of equal intervals of the default save grid (default 200). */
  readonly saves?: number;
  /** Relative tolerance (default 1e-8). */
  readonly rtol?: number;
  /** Absolute tolerance (default rtol · 1e-3 · max|θ_0|; see the file header). */
  readonly atol?: number;
  /** Integrate with ros34pw2 on the exact Jacobian −∇²ℒ (default false); see the file header. */
  readonly stiff?: boolean;
  /** Any ODE method instead (default dopri5(), or ros34pw2 with `stiff`). */
  readonly method?: OdeMethod;
  /** Accepted steps allowed (default 100000). */
  readonly maxSteps?: number;
  /** Start here instead of at the network's parameters (not modified). */
  readonly theta0?: Float64Array;
}

/** The right-hand side f(t, θ) = −∇ℒ(θ) for solveOde; allocation-free after its first calls on a buffer. */
export function gradientFlowRhs(net: DeepLinearShape, teacher: Teacher): OdeRhs {
  const objective = new PopulationObjective(net, teacher);
  return (_t, theta, dtheta) => {
    objective.gradient(theta, dtheta);
    for (let i = 0; i < dtheta.length; i++) dtheta[i] = -dtheta[i];
  };
}

/** Integrates gradient flow from the network's parameters to t1 and records the save times. */
export function gradientFlow(
  net: DeepLinearNetwork,
  teacher: Teacher,
  options: GradientFlowOptions,
): Trajectory {
  const t1 = positiveNumber('t1', options?.t1);
  const y0 = finiteVector('theta0', options.theta0 ?? net.theta);
  if (y0.length !== net.size) {
    throw new DimensionMismatchError(
      `theta0 has ${y0.length} entries; the network has ${net.size} parameters.`,
    );
  }
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-8);
  const largest = y0.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const atol = options.atol ?? rtol * 1e-3 * (largest > 0 ? largest : 1);
  const saves = integerInRange('saves', options.saves ?? 200, 1);
  const saveAt =
    options.saveAt ?? Array.from({ length: saves + 1 }, (_, k) => (k === saves ? t1 : (k * t1) / saves));
  const recorder = new TrajectoryRecorder(net, teacher, options);
  const method: OdeMethod & { linearStats?: { jacobianProducts: number } } =
    options.method ?? (options.stiff === true ? ros34pw2(gradientFlowJacobian(net, teacher)) : dopri5());
  const solution = solveOde({ rhs: gradientFlowRhs(net, teacher), y0, t0: 0, t1 }, method, {
    rtol,
    atol,
    saveAt,
    maxSteps: options.maxSteps,
  });
  for (let k = 0; k < solution.t.length; k++) {
    recorder.record(solution.t[k], solution.y.subarray(k * solution.dim, (k + 1) * solution.dim));
  }
  const { status, message, tReached } = solution;
  return recorder.finish(`gradient flow (${solution.method})`, { status, message, tReached }, solution.yEnd, {
    gradientEvaluations: solution.stats.rhsEvaluations,
    steps: solution.stats.steps,
    hessianProducts: method.linearStats?.jacobianProducts ?? 0,
  });
}
