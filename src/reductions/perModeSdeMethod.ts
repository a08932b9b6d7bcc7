/**
 * Euler–Maruyama written out for the per-mode problems of perModeSdeProblem.ts. The generic stepper calls the
 * problem's drift and diffusion closures and writes them to scratch; this one evaluates a^{L−1}(s − a^L) and
 * √(η/B) a^{L−1} √D inline from the problem's parameters, in the same order of floating-point operations, so a
 * path is the same floats as `eulerMaruyama` gives on the same problem and Brownian path, at about half the
 * cost per step. It refuses any problem that is not a per-mode problem.
 */
import { UnsupportedProblemError } from '../errors.js';
import type { FactorySpec } from '../sde/ensembleSpec.js';
import { defineMethod } from '../sde/methods/defineMethod.js';
import type { SdeMethod, SdeProblem, SdeStepper } from '../sde/types.js';
import { endToEndDiffusion, endToEndDrift, type PerModeParameters } from './perModeSde.js';
import type { PerModeSdeProblem } from './perModeSdeProblem.js';

/** x ← x + (a^{L−1}(s − a^L) dt + √(η/B) a^{L−1} √(2(a^L − s)² + σ_ξ²) dW). */
class PerLayerEulerStepper implements SdeStepper {
  private readonly powerCount: number;
  private readonly s: number;
  private readonly scale: number;
  private readonly noiseSquared: number;

  constructor(p: PerModeParameters) {
    this.powerCount = p.depth - 1;
    this.s = p.s;
    this.scale = Math.sqrt(p.lr / p.batch);
    this.noiseSquared = p.labelNoise * p.labelNoise;
  }

  step(_t: number, x: Float64Array, dt: number, dW: Float64Array): void {
    const a = x[0];
    let power = 1;
    for (let k = 0; k < this.powerCount; k++) power *= a;
    const u = power * a;
    const e = u - this.s;
    const drift = power * (this.s - u);
    const diffusion = this.scale * power * Math.sqrt(2 * e * e + this.noiseSquared);
    x[0] = a + (drift * dt + diffusion * dW[0]);
  }
}

/** The end-to-end form through the shared coefficient functions (no scratch arrays, no closures). */
class EndToEndEulerStepper implements SdeStepper {
  constructor(private readonly p: PerModeParameters) {}

  step(_t: number, x: Float64Array, dt: number, dW: Float64Array): void {
    const u = x[0];
    x[0] = u + (endToEndDrift(this.p, u) * dt + endToEndDiffusion(this.p, u) * dW[0]);
  }
}

function stepperFor(problem: SdeProblem): SdeStepper {
  const perMode = (problem as Partial<PerModeSdeProblem>).perMode;
  if (perMode === undefined) {
    throw new UnsupportedProblemError(
      'perModeEulerMaruyama steps only the per-mode problems (perLayerModeSde, endToEndModeSde); ' +
        "received another problem. Use the method 'eulerMaruyama' for it.",
    );
  }
  return perMode.form === 'per-layer'
    ? new PerLayerEulerStepper(perMode.parameters)
    : new EndToEndEulerStepper(perMode.parameters);
}

/** Euler–Maruyama for the per-mode problems: strong order 1/2, weak order 1, Itô, scalar noise. */
export function perModeEulerMaruyama(): SdeMethod {
  return defineMethod(
    {
      name: 'perModeEulerMaruyama',
      strongOrder: 0.5,
      weakOrder: 1,
      interpretation: 'ito',
      needsTimeIntegral: false,
    },
    { scalar: stepperFor },
  );
}

/** The method as an ensemble spec, so worker threads build it too. */
export const PER_MODE_EULER_SPEC: FactorySpec = Object.freeze({
  module: import.meta.url,
  export: 'perModeEulerMaruyama',
});
