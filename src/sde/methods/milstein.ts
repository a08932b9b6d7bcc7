/**
 * The Milstein scheme for Itô SDEs with commutative noise (Kloeden & Platen 1992, §10.3):
 *
 *   scalar noise:   x_i += a_i h + g_i dW + (1/2) [(g . grad) g]_i (dW^2 - h)
 *   diagonal noise: x_i += a_i h + g_i dW_i + (1/2) g_i (dg_i/dx_i) (dW_i^2 - h)
 *   additive noise: the correction vanishes and the step is Euler–Maruyama's.
 *
 * Strong order 1 and weak order 1. The correction needs problem.diffusionDerivative; diagonal noise reaches
 * order 1 only when g_i depends on x_i alone (otherwise the noise does not commute and Lévy areas enter).
 */
import { InvalidArgumentError } from '../../errors.js';
import type { SdeMethod, SdeProblem, VectorField } from '../types.js';
import { CoefficientStepper, defineMethod, scratch } from './defineMethod.js';
import { eulerMaruyama } from './eulerMaruyama.js';

/**
 * Component i feels dW_{i * stride} (stride 0: scalar noise, 1: diagonal). The correction coefficient is
 * c_i = L_i (scalar: L = (g . grad) g) or c_i = g_i L_i (diagonal: L_i = dg_i/dx_i); `timesG` picks the form.
 */
class MilsteinStepper extends CoefficientStepper {
  private readonly derivative: VectorField;
  private readonly lg: Float64Array;
  private readonly stride: number;
  private readonly timesG: boolean;

  constructor(problem: SdeProblem, derivative: VectorField) {
    super(problem);
    this.derivative = derivative;
    this.lg = scratch(this.d);
    this.stride = problem.noise === 'scalar' ? 0 : 1;
    this.timesG = problem.noise === 'diagonal';
  }

  step(t: number, x: Float64Array, dt: number, dW: Float64Array): void {
    const { a, g, lg, d, stride, timesG } = this;
    this.drift(t, x, a);
    this.diffusion(t, x, g);
    this.derivative(t, x, lg);
    for (let i = 0; i < d; i++) {
      const dw = dW[i * stride];
      const c = timesG ? g[i] * lg[i] : lg[i];
      x[i] += a[i] * dt + g[i] * dw + 0.5 * c * (dw * dw - dt);
    }
  }
}

const DERIVATIVE_CONTENT = {
  scalar: 'sum_j g_j dg_i/dx_j, i.e. (g . grad) g',
  diagonal: 'dg_i/dx_i for each component i',
} as const;

function withDerivative(problem: SdeProblem): MilsteinStepper {
  if (typeof problem.diffusionDerivative === 'function')
    return new MilsteinStepper(problem, problem.diffusionDerivative);
  const kind = problem.noise as 'scalar' | 'diagonal';
  throw new InvalidArgumentError(
    'problem.diffusionDerivative',
    problem.diffusionDerivative,
    `a function (t, x, out) writing ${DERIVATIVE_CONTENT[kind]} for milstein on ${kind} noise`,
    'Supply it (the expression layer derives it symbolically), or use stochasticHeun on the Stratonovich ' +
      'form, or eulerMaruyama (strong order 0.5), which need no derivative.',
  );
}

export function milstein(): SdeMethod {
  const additive = eulerMaruyama();
  return defineMethod(
    { name: 'milstein', strongOrder: 1, weakOrder: 1, interpretation: 'ito', needsTimeIntegral: false },
    { scalar: withDerivative, diagonal: withDerivative, additive: (p) => additive.createStepper(p) },
  );
}
