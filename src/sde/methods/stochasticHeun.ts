/**
 * The stochastic Heun method for Stratonovich SDEs (the trapezoidal predictor–corrector; Kloeden & Platen
 * 1992, §15.1 with the Stratonovich drift, and Rümelin 1982):
 *
 *   x̄       = x + a(t, x) h + G(t, x) dW
 *   x_{n+1} = x + (1/2)[a(t, x) + a(t + h, x̄)] h + (1/2)[G(t, x) + G(t + h, x̄)] dW
 *
 * It converges to the Stratonovich solution with strong order 1 when the noise commutes (scalar, additive,
 * diagonal with g_i of x_i only, or general noise declared `commutativeNoise`) and strong order 1/2 otherwise,
 * since dW alone cannot resolve the Lévy areas; weak order 1. Additive noise, whose Itô and Stratonovich
 * solutions coincide, is accepted in either interpretation; there the scheme is Kloeden & Platen's explicit
 * order 2.0 weak scheme for additive noise (§15.1, with Gaussian increments), so its weak order is 2.
 */
import type { SdeMethod, SdeProblem, SdeStepper } from '../types.js';
import { CoefficientStepper, defineMethod, scratch } from './defineMethod.js';
import { type NoiseProduct, noiseProduct } from './noiseProduct.js';

class StochasticHeunStepper extends CoefficientStepper {
  private readonly product: NoiseProduct;
  private readonly aBar: Float64Array;
  private readonly noise: Float64Array;
  private readonly noiseBar: Float64Array;
  private readonly xBar: Float64Array;

  constructor(problem: SdeProblem) {
    super(problem);
    this.product = noiseProduct(problem.noise);
    this.aBar = scratch(this.d);
    this.noise = scratch(this.d);
    this.noiseBar = scratch(this.d);
    this.xBar = scratch(this.d);
  }

  step(t: number, x: Float64Array, dt: number, dW: Float64Array): void {
    const { a, aBar, g, noise, noiseBar, xBar, d, m } = this;
    this.drift(t, x, a);
    this.diffusion(t, x, g);
    this.product(g, dW, noise, d, m);
    for (let i = 0; i < d; i++) xBar[i] = x[i] + a[i] * dt + noise[i];
    const tNext = t + dt;
    this.drift(tNext, xBar, aBar);
    this.diffusion(tNext, xBar, g);
    this.product(g, dW, noiseBar, d, m);
    for (let i = 0; i < d; i++) x[i] += 0.5 * ((a[i] + aBar[i]) * dt + noise[i] + noiseBar[i]);
  }
}

const create = (problem: SdeProblem): SdeStepper => new StochasticHeunStepper(problem);

export function stochasticHeun(): SdeMethod {
  return defineMethod(
    {
      name: 'stochasticHeun',
      strongOrder: 1,
      weakOrder: 1,
      interpretation: 'stratonovich',
      strongOrderByNoise: { general: 0.5 },
      weakOrderByNoise: { additive: 2 },
      commutativeStrongOrder: 1,
      needsTimeIntegral: false,
    },
    { scalar: create, diagonal: create, additive: create, general: create },
  );
}
