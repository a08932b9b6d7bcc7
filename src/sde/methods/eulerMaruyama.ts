/**
 * Euler–Maruyama for Itô SDEs: x_{n+1} = x_n + a(t_n, x_n) h + G(t_n, x_n) dW_n.
 *
 * Strong order 1/2 and weak order 1 in general (Kloeden & Platen 1992, Thm 10.2.2 and 14.1.5); strong order 1
 * for additive noise, where it coincides with the Milstein scheme. Two stepper classes keep each hot loop
 * monomorphic: per step, one drift and one diffusion evaluation and no allocation.
 */
import type { SdeMethod, SdeProblem, SdeStepper } from '../types.js';
import { CoefficientStepper, defineMethod } from './defineMethod.js';

/**
 * Noise given as one column entry per component: x_i += a_i h + g_i dW_{i * stride}, with stride 0 for scalar
 * noise (every component feels dW_0) and 1 for diagonal and additive noise (component i feels dW_i).
 */
class EulerMaruyamaColumn extends CoefficientStepper {
  private readonly stride: number;
  constructor(problem: SdeProblem) {
    super(problem);
    this.stride = problem.noise === 'scalar' ? 0 : 1;
  }

  step(t: number, x: Float64Array, dt: number, dW: Float64Array): void {
    const { a, g, d, stride } = this;
    this.drift(t, x, a);
    this.diffusion(t, x, g);
    for (let i = 0; i < d; i++) x[i] += a[i] * dt + g[i] * dW[i * stride];
  }
}

/** m Brownian motions and a d x m matrix G (row-major): x_i += a_i h + sum_j G_ij dW_j. */
class EulerMaruyamaGeneral extends CoefficientStepper {
  step(t: number, x: Float64Array, dt: number, dW: Float64Array): void {
    const { a, g, d, m } = this;
    this.drift(t, x, a);
    this.diffusion(t, x, g);
    for (let i = 0; i < d; i++) {
      let noise = 0;
      for (let j = 0, row = i * m; j < m; j++) noise += g[row + j] * dW[j];
      x[i] += a[i] * dt + noise;
    }
  }
}

const column = (problem: SdeProblem): SdeStepper => new EulerMaruyamaColumn(problem);

export function eulerMaruyama(): SdeMethod {
  return defineMethod(
    {
      name: 'eulerMaruyama',
      strongOrder: 0.5,
      weakOrder: 1,
      interpretation: 'ito',
      strongOrderByNoise: { additive: 1 },
      needsTimeIntegral: false,
    },
    { scalar: column, diagonal: column, additive: column, general: (p) => new EulerMaruyamaGeneral(p) },
  );
}
