import { describe, expect, it } from 'vitest';
import { UnsupportedProblemError } from '../../src/errors.js';
import {
  eulerMaruyama,
  type Interpretation,
  linearGeneralNoise,
  methods,
  milstein,
  NOISE_KINDS,
  type NoiseKind,
  type SdeProblem,
  sra1,
  stochasticHeun,
  strongOrderFor,
  weakOrderFor,
} from '../../src/sde/index.js';

/** A problem of each noise kind with d = 2 (m = 3 for general noise) and a diffusion derivative. */
function problemOf(noise: NoiseKind, interpretation: Interpretation): SdeProblem {
  return {
    drift: (_t, x, out) => out.set(x),
    diffusion: (_t, _x, out) => out.fill(0.1),
    diffusionDerivative: (_t, _x, out) => out.fill(0),
    noise,
    brownianDim: noise === 'general' ? 3 : undefined,
    interpretation,
    x0: Float64Array.of(1, 2),
    t0: 0,
    t1: 1,
    seed: 1,
  };
}

describe('what each method supports', () => {
  it('should list four methods with distinct names and their orders as data', () => {
    const all = methods.map((make) => make());
    expect(all.map((m) => m.name)).toEqual(['eulerMaruyama', 'milstein', 'stochasticHeun', 'sra1']);
    expect(all.map((m) => [m.strongOrder, m.weakOrder])).toEqual([
      [0.5, 1],
      [1, 1],
      [1, 1],
      [1.5, 2],
    ]);
    expect(all.map((m) => m.needsTimeIntegral)).toEqual([false, false, false, true]);
  });

  it('should create a stepper exactly for the declared noise kinds and interpretation, additive noise in both', () => {
    for (const method of methods.map((make) => make())) {
      for (const noise of NOISE_KINDS) {
        for (const interpretation of ['ito', 'stratonovich'] as const) {
          const problem = problemOf(noise, interpretation);
          const supported =
            method.noise.includes(noise) &&
            (interpretation === method.interpretation || noise === 'additive');
          if (supported) expect(method.createStepper(problem)).toBeDefined();
          else expect(() => method.createStepper(problem)).toThrow(UnsupportedProblemError);
        }
      }
    }
  });

  it('should name the method, the kind received, the kinds supported and what to use instead', () => {
    expect(() => sra1().createStepper(problemOf('scalar', 'ito'))).toThrow(
      'sra1 does not support scalar noise (one Wiener process, a diffusion that depends on the state); it supports additive noise. Use milstein (strong order 1) for scalar noise.',
    );
    expect(() => milstein().createStepper(problemOf('general', 'ito'))).toThrow(
      /milstein does not support general noise \(a diffusion matrix that depends on the state\); it supports scalar, diagonal, additive noise\. Use eulerMaruyama/,
    );
    expect(() => eulerMaruyama().createStepper(problemOf('diagonal', 'stratonovich'))).toThrow(
      /eulerMaruyama solves Itô SDEs, but the problem is Stratonovich .*Use stochasticHeun.*add \(1\/2\)/,
    );
    expect(() => stochasticHeun().createStepper(problemOf('scalar', 'ito'))).toThrow(
      /Use milstein.*subtract \(1\/2\) sum_j \(g\^j \. grad\) g\^j from the drift/,
    );
  });

  it('should read the strong order for a problem from the declarations', () => {
    expect(strongOrderFor(eulerMaruyama(), problemOf('additive', 'ito'))).toBe(1);
    expect(strongOrderFor(eulerMaruyama(), problemOf('scalar', 'ito'))).toBe(0.5);
    expect(strongOrderFor(stochasticHeun(), problemOf('general', 'stratonovich'))).toBe(0.5);
    expect(
      strongOrderFor(stochasticHeun(), linearGeneralNoise({ interpretation: 'stratonovich' }).problem),
    ).toBe(1);
    expect(strongOrderFor(eulerMaruyama(), linearGeneralNoise().problem)).toBe(0.5);
    expect(strongOrderFor(sra1(), problemOf('additive', 'ito'))).toBe(1.5);
  });

  it('should read the weak order for a problem from the declarations', () => {
    expect(weakOrderFor(stochasticHeun(), problemOf('additive', 'stratonovich'))).toBe(2);
    expect(weakOrderFor(stochasticHeun(), problemOf('scalar', 'stratonovich'))).toBe(1);
    expect(weakOrderFor(eulerMaruyama(), problemOf('additive', 'ito'))).toBe(1);
    expect(weakOrderFor(sra1(), problemOf('additive', 'ito'))).toBe(2);
  });
});
