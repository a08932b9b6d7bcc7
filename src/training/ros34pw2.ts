/**
 * ROS34PW2 (Rang & Angermann 2005): a Rosenbrock-W method of order 3 with an embedded order-2 estimate, four
 * stages, L-stable and stiffly accurate, for stiff systems whose Jacobian J is symmetric — gradient flows, where
 * J = −∇²ℒ. After a mode of a deep linear network is learned its directions relax at a rate ~ L s^{2−2/L}, while
 * the next plateau lasts ~ ε^{−(L−2)}: an explicit method must step at the fast rate through the whole plateau,
 * this one steps at the slow one.
 *
 * Each stage solves (I − γhJ) k_i = h f(y + Σ_j a_ij k_j) + hJ Σ_j γ_ij k_j with J at the step's start, by MINRES
 * on products with J only (no matrix is formed), to a relative residual `krylovTolerance`. A W-method keeps its
 * order with an inexact J, so an inexact solve costs accuracy only through the residual it leaves. The step size
 * is controlled on the embedded estimate in the usual weighted RMS norm; dense output is the cubic Hermite
 * interpolant of the step's end values and derivatives (order 3, like the method). The system must be
 * autonomous (a gradient flow is): the ∂f/∂t terms of a Rosenbrock step are not formed.
 */
import { InvalidArgumentError } from '../errors.js';
import type { OdeMethod } from '../ode/types.js';
import { integerInRange, positiveNumber } from '../validate.js';
import { Ros34pw2Stepper } from './ros34pw2Stepper.js';

/** A symmetric Jacobian available through products: fix the point, then apply. */
export interface SymmetricJacobian {
  /** Fixes the state y at which `apply` differentiates (y is read, not kept). */
  setPoint(y: Float64Array): void;
  /** out = J v at the point. */
  apply(v: Float64Array, out: Float64Array): void;
}

export interface Ros34pw2Options {
  /** Take fixed steps of dt (the last one shortened to end at t1) instead of adapting the step (order studies). */
  readonly dt?: number;
  /** Relative residual at which MINRES stops (default 1e-10). */
  readonly krylovTolerance?: number;
  /** Most products per linear solve (default 400); a solve that does not converge rejects the step. */
  readonly maxKrylov?: number;
}

export interface Ros34pw2Stats {
  /** Products with J, in the linear solves and the stage corrections. */
  jacobianProducts: number;
  /** Linear solves that reached the step limit without converging. */
  unconverged: number;
}

/** ROS34PW2 with MINRES stage solves on the given symmetric Jacobian. */
export function ros34pw2(
  jacobian: SymmetricJacobian,
  options: Ros34pw2Options = {},
): OdeMethod & {
  readonly linearStats: Ros34pw2Stats;
} {
  if (typeof jacobian?.setPoint !== 'function' || typeof jacobian.apply !== 'function') {
    throw new InvalidArgumentError('jacobian', jacobian, 'an object with setPoint(y) and apply(v, out)');
  }
  const krylovTolerance = positiveNumber('krylovTolerance', options.krylovTolerance ?? 1e-10);
  const maxKrylov = integerInRange('maxKrylov', options.maxKrylov ?? 400, 1);
  const dt = options.dt === undefined ? undefined : positiveNumber('dt', options.dt);
  const linearStats: Ros34pw2Stats = { jacobianProducts: 0, unconverged: 0 };
  return {
    name: dt === undefined ? 'ros34pw2' : `ros34pw2(dt=${dt})`,
    order: 3,
    adaptive: dt === undefined,
    denseOutput: { kind: 'cubic Hermite', order: 3 },
    linearStats,
    createStepper: (system, settings) =>
      new Ros34pw2Stepper(system, settings, jacobian, { krylovTolerance, maxKrylov, dt }, linearStats),
  };
}
