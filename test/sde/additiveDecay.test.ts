/**
 * additiveDecay's solution depends on W_t alone, which forces a_x g = g' (see reference/additiveNoise.ts).
 * The order-1 error term of Heun-type schemes, (a_x g - g') (dZ - h dW / 2), then vanishes and what is left
 * is each scheme's deterministic error: order 1 for Euler–Maruyama (and Milstein, which is Euler–Maruyama
 * on additive noise), order 2 for stochastic Heun and SRA1. So every method reaches at least its declared
 * order here, and the two-stage ones exceed it.
 */
import { describe, expect, it } from 'vitest';
import { additiveDecay, additiveDecayDiagonal, methods, strongOrderFor } from '../../src/sde/index.js';
import { strongErrorSweep } from './strongConvergence.js';

const DETERMINISTIC_ORDER: Readonly<Record<string, number>> = {
  eulerMaruyama: 1,
  milstein: 1,
  stochasticHeun: 2,
  sra1: 2,
};

describe('additiveDecay', () => {
  for (const method of methods.map((make) => make()).filter((m) => m.noise.includes('additive'))) {
    for (const reference of [additiveDecay(), additiveDecayDiagonal()]) {
      it(`should give ${method.name} the order of its deterministic part on ${reference.name}`, () => {
        const sweep = strongErrorSweep(reference, method, { levels: [4, 5, 6, 7, 8, 9], paths: 100 });
        const expected = DETERMINISTIC_ORDER[method.name];
        expect(expected).toBeGreaterThanOrEqual(strongOrderFor(method, reference.problem));
        // The errors are almost deterministic, so the sampling SE is tiny and the bend of the next error term
        // dominates: 0.05 covers the 0.01-0.03 bend seen between dt = 2^-4 and 2^-9 for an order-1 or order-2
        // term, and stays far below the gap of 0.5 or 1 to a wrong order.
        expect(Math.abs(sweep.slope - expected)).toBeLessThan(0.05 + 4 * sweep.standardError);
      });
    }
  }
});
