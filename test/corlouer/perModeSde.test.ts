/** The per-mode SDE: Itô's lemma between its two forms, derivatives, the inline stepper, the deterministic limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnsupportedProblemError } from '../../src/errors.js';
import {
  endToEndDiffusion,
  endToEndDiffusionSlope,
  endToEndDrift,
  gradientVariance,
  integerPower,
  perLayerDiffusion,
  perLayerDiffusionSlope,
  perLayerDrift,
  perModeParameters,
} from '../../src/reductions/perModeSde.js';
import { perModeSdeBenchmark } from '../../src/reductions/perModeSdeBenchmark.js';
import { PER_MODE_EULER_SPEC, perModeEulerMaruyama } from '../../src/reductions/perModeSdeMethod.js';
import { perLayerModeSde, perModeSdeSpec } from '../../src/reductions/perModeSdeProblem.js';
import { runEnsemble } from '../../src/sde/ensemble.js';
import { benchmarkProblem } from '../../src/sde/ensembleBenchmark.js';

const EPS = 2 ** -52;

const parameters = fc.record({
  depth: fc.integer({ min: 2, max: 6 }),
  s: fc.double({ min: 0.2, max: 3, noNaN: true }),
  lr: fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
  batch: fc.integer({ min: 1, max: 16 }),
  labelNoise: fc.double({ min: 0, max: 2, noNaN: true }),
});

describe('per-mode SDE coefficients', () => {
  it('should give the end-to-end form by Itô’s lemma from the per-layer form at u = a^L', () => {
    fc.assert(
      fc.property(parameters, fc.double({ min: 0.05, max: 2, noNaN: true }), (p, a) => {
        const L = p.depth;
        const u = integerPower(a, L);
        const f = perLayerDrift(p, a);
        const g = perLayerDiffusion(p, a);
        // du = L a^{L−1} da + ½ L(L−1) a^{L−2} (da)².
        const flow = L * integerPower(a, L - 1) * f;
        const ito = 0.5 * L * (L - 1) * integerPower(a, L - 2) * g * g;
        const drift = flow + ito;
        const diffusion = L * integerPower(a, L - 1) * g;
        // Both sides are a few products of powers up to a^{4L} with fractional powers on one side: 64 ulps of
        // the sum of the terms' magnitudes bounds the rounding.
        const scale = Math.abs(flow) + Math.abs(ito);
        expect(Math.abs(endToEndDrift(p, u) - drift)).toBeLessThanOrEqual(64 * EPS * scale + 1e-300);
        expect(Math.abs(endToEndDiffusion(p, u) - diffusion)).toBeLessThanOrEqual(
          64 * EPS * Math.abs(diffusion),
        );
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('should have the noise variance D = σ² at the learned point and 2s² + σ² at the origin', () => {
    const p = { depth: 3, s: 1.5, lr: 0.01, batch: 2, labelNoise: 0.3 };
    expect(gradientVariance(p, 1.5)).toBe(0.09);
    // 2·2.25 + 0.09 = 4.59, up to one rounding of each operation.
    expect(Math.abs(gradientVariance(p, 0) - 4.59)).toBeLessThan(4 * EPS * 4.59);
  });

  it('should return diffusion slopes that agree with central differences', () => {
    fc.assert(
      fc.property(parameters, fc.double({ min: 0.1, max: 1.8, noNaN: true }), (p, x) => {
        const h = 1e-5 * x;
        for (const [b, slope] of [
          [perLayerDiffusion, perLayerDiffusionSlope],
          [endToEndDiffusion, endToEndDiffusionSlope],
        ] as const) {
          const difference = (b(p, x + h) - b(p, x - h)) / (2 * h);
          const exact = slope(p, x);
          if (Math.abs(x ** p.depth - p.s) < 1e-3 || Math.abs(x - p.s) < 1e-3) continue; // √D has a kink there at σ = 0
          // Central differences err by h²|b'''|/6 (relative ~1e-9 here) plus rounding ε|b|/h (~1e-11).
          expect(Math.abs(difference - exact)).toBeLessThanOrEqual(
            1e-6 * (Math.abs(exact) + Math.abs(b(p, x))),
          );
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('should refuse hostile parameters with InvalidArgumentError', () => {
    const hostile = fc.oneof(
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0),
      fc.double({ max: 0, noNaN: true }),
    );
    fc.assert(
      fc.property(hostile, fc.constantFrom('s', 'lr', 'batch', 'depth'), (bad, field) => {
        const p = { depth: 3, s: 1, lr: 0.01, batch: 1, labelNoise: 0.5, [field]: bad };
        expect(() => perModeParameters(p)).toThrow(InvalidArgumentError);
      }),
      { numRuns: 60, seed: 3 },
    );
    expect(() => perModeParameters({ depth: 3, s: 1, lr: 0.01, batch: 1, labelNoise: -0.1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => perModeParameters(null)).toThrow(InvalidArgumentError);
    expect(() =>
      perLayerModeSde({
        depth: 3,
        s: 1,
        lr: 0.01,
        batch: 1,
        labelNoise: 0.5,
        x0: Number.NaN,
        t1: 1,
        seed: 1,
      }),
    ).toThrow(InvalidArgumentError);
  });
});

describe('per-mode ensembles', () => {
  const args = { depth: 3, s: 1, lr: 0.02, batch: 1, labelNoise: 0.5, x0: 0.4, t1: 2, seed: 9 };

  it('should give the generic Euler–Maruyama’s floats with the inline stepper, in both forms', async () => {
    for (const form of ['per-layer', 'end-to-end'] as const) {
      const spec = perModeSdeSpec(form, { ...args, x0: form === 'per-layer' ? 0.4 : 0.064 });
      const options = { paths: 64, steps: 400, saveAt: [0.5, 1] };
      const generic = await runEnsemble(spec, { ...options, method: 'eulerMaruyama' });
      const inline = await runEnsemble(spec, { ...options, method: PER_MODE_EULER_SPEC });
      expect(inline.end).toEqual(generic.end);
      expect(inline.saved).toEqual(generic.saved);
      expect(inline.failed).toBe(0);
    }
  });

  it('should run the same paths on two workers as in this thread', async () => {
    const spec = perModeSdeSpec('per-layer', args);
    const options = { method: PER_MODE_EULER_SPEC, paths: 300, steps: 200 };
    const one = await runEnsemble(spec, options);
    const two = await runEnsemble(spec, { ...options, workers: 2 });
    expect(two.end).toEqual(one.end);
  });

  it('should refuse a problem that is not a per-mode problem', () => {
    expect(() => perModeEulerMaruyama().createStepper(benchmarkProblem())).toThrow(UnsupportedProblemError);
  });

  it('should follow the two-layer gradient-flow solution when η/B is tiny', async () => {
    // L = 2: u(t) = s e^{2st} / (e^{2st} − 1 + s/u0) (THEORY.md §0.3); with η = 1e-10 the noise is ~1e-5.
    const s = 1.5;
    const u0 = 0.01;
    const spec = perModeSdeSpec('end-to-end', {
      depth: 2,
      s,
      lr: 1e-10,
      batch: 1,
      labelNoise: 1,
      x0: u0,
      t1: 3,
      seed: 2,
    });
    const times = [1, 2, 3];
    const result = await runEnsemble(spec, { method: 'milstein', paths: 8, steps: 30000, saveAt: times });
    times.forEach((t, j) => {
      const exact = (s * Math.exp(2 * s * t)) / (Math.exp(2 * s * t) - 1 + s / u0);
      // Milstein's global error is O(dt) = 1e-4 in time; |du/dt| ≤ s²/2 turns it into ≤ 2e-4 in u, and the noise
      // adds √(η) L s √(2s²+1) ≈ 1e-4 at most.
      expect(Math.abs((result.savedStatistics?.[j].mean[0] ?? Number.NaN) - exact)).toBeLessThan(1e-3);
    });
  });

  it('should report a benchmark figure with every path finished and the stationary variance near 8.8e-4', async () => {
    const figure = await perModeSdeBenchmark({ paths: 2000, steps: 3000, workers: 1 });
    expect(figure.failed).toBe(0);
    expect(figure.nsPerPathStep).toBeGreaterThan(0);
    // After t = 30 the law is stationary; 2000 paths estimate the variance 8.83e-4 to ±3% (1σ), and EM at
    // dt = 0.01 shifts it by ~1%: 20% is far outside both, so this checks the run computed the right law.
    expect(Math.abs(figure.variance / 8.83e-4 - 1)).toBeLessThan(0.2);
  });
});
