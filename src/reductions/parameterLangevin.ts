/**
 * Overdamped Langevin dynamics in the parameter space of a deep linear network with SGD's own anisotropic,
 * state-dependent noise (THEORY.md §0.5): dθ = −∇ℒ(θ) dt + √(η/B) Σ(θ)^{1/2} dW, with ℒ the population loss
 * and Σ the exact per-sample gradient covariance (SgdNoiseCovariance), integrated by the Langevin module's
 * Euler–Maruyama with a pivoted Cholesky root of Σ at every step. The run starts aligned and balanced at
 * per-layer scale ε and records the strength u_k = u_kᵀ W v_k of every teacher mode at the saved states.
 */
import { overdampedLangevin } from '../langevin/overdamped.js';
import type { LangevinOutcome } from '../langevin/types.js';
import { deepLinearShape } from '../networks/deepLinearShape.js';
import { initialize } from '../networks/initialize.js';
import { LayerProducts } from '../networks/layerProducts.js';
import { PopulationObjective } from '../networks/populationLoss.js';
import { SgdNoiseCovariance } from '../networks/sgdNoiseCovariance.js';
import { modeStrengths, type Teacher } from '../networks/teacher.js';

export interface ParameterLangevinOptions {
  readonly depth: number;
  /** Hidden width. */
  readonly width: number;
  readonly teacher: Teacher;
  readonly lr: number;
  readonly batch: number;
  readonly labelNoise: number;
  /** Initial per-layer scale of every mode. */
  readonly eps: number;
  readonly t1: number;
  readonly dt: number;
  /** Record every this many steps, from `burnIn` on. */
  readonly saveEvery: number;
  readonly burnIn: number;
  readonly seed: number;
}

export interface ParameterLangevinRun extends LangevinOutcome {
  /** Recorded times. */
  readonly t: Float64Array;
  /** u_k at record j: index j · modes + k. */
  readonly modeStrengths: Float64Array;
  readonly modes: number;
  readonly steps: number;
}

export function parameterLangevin(options: ParameterLangevinOptions): ParameterLangevinRun {
  const { teacher } = options;
  const shape = deepLinearShape({
    dIn: teacher.dIn,
    dOut: teacher.dOut,
    depth: options.depth,
    width: options.width,
  });
  const population = new PopulationObjective(shape, teacher);
  const noise = new SgdNoiseCovariance(shape, teacher, options.labelNoise);
  const x0 = initialize(shape, { kind: 'aligned', eps: options.eps, teacher });
  const path = overdampedLangevin(
    {
      form: 'sgd',
      gradient: (theta, out) => {
        population.gradient(theta, out);
      },
      covariance: (theta, out) => noise.covariance(theta, out),
      learningRate: options.lr,
      batchSize: options.batch,
      x0,
      t0: 0,
      t1: options.t1,
      seed: options.seed,
    },
    { dt: options.dt, saveEvery: options.saveEvery, saveFrom: options.burnIn },
  );
  const r = teacher.s.length;
  const products = new LayerProducts(shape);
  const strengths = new Float64Array(path.times.length * r);
  for (let j = 0; j < path.times.length; j++) {
    const w = products.forward(path.states.subarray(j * shape.size, (j + 1) * shape.size));
    modeStrengths(teacher, w, strengths.subarray(j * r, (j + 1) * r));
  }
  return {
    status: path.status,
    message: path.message,
    tReached: path.tReached,
    t: path.times,
    modeStrengths: strengths,
    modes: r,
    steps: path.steps,
  };
}
