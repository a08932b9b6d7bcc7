/**
 * Builds an SdeMethod from its declarations and one stepper factory per supported noise kind, so the list of
 * supported kinds is read from the factories and cannot drift from what the method really implements.
 */
import { requireSupport } from '../methodSupport.js';
import { brownianDimension, diffusionLength, NOISE_KINDS } from '../sdeProblem.js';
import type { NoiseKind, SdeMethod, SdeProblem, SdeStepper, VectorField } from '../types.js';

export type StepperFactories = Readonly<Partial<Record<NoiseKind, (problem: SdeProblem) => SdeStepper>>>;

export type MethodDeclaration = Omit<SdeMethod, 'noise' | 'createStepper'>;

export function defineMethod(declaration: MethodDeclaration, factories: StepperFactories): SdeMethod {
  const noise = NOISE_KINDS.filter((kind) => factories[kind] !== undefined);
  const method: SdeMethod = {
    ...declaration,
    noise,
    createStepper(problem: SdeProblem): SdeStepper {
      requireSupport(method, problem);
      return (factories[problem.noise] as (problem: SdeProblem) => SdeStepper)(problem);
    },
  };
  return Object.freeze(method);
}

/**
 * Scratch for a vector field's output, filled with NaN: a drift or diffusion that writes fewer components than
 * the state has leaves NaN behind, so the mismatch shows up as a 'non-finite' status on the first step.
 */
export function scratch(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** What every stepper holds: the coefficients, the sizes d and m, and scratch for one a(t, x) and one G(t, x). */
export abstract class CoefficientStepper implements SdeStepper {
  protected readonly drift: VectorField;
  protected readonly diffusion: VectorField;
  protected readonly d: number;
  protected readonly m: number;
  protected readonly a: Float64Array;
  protected readonly g: Float64Array;

  constructor(problem: SdeProblem) {
    this.drift = problem.drift;
    this.diffusion = problem.diffusion;
    this.d = problem.x0.length;
    this.m = brownianDimension(problem);
    this.a = scratch(this.d);
    this.g = scratch(diffusionLength(problem));
  }

  abstract step(t: number, x: Float64Array, dt: number, dW: Float64Array, dZ: Float64Array | undefined): void;
}
