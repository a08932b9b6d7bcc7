import { describe, expect, it } from 'vitest';
import { BrownianPath, integratedBrownian, type SdeProblem, solveSde, sra1 } from '../../src/sde/index.js';
import { testStrongOrders } from './convergenceCases.js';

describe('sra1', () => {
  testStrongOrders('sra1');

  it('should integrate integratedBrownian exactly, up to rounding, on any grid', () => {
    // The drift is linear and the diffusion linear in t, so SRA1's stages reproduce int g dW and int X_2 dt.
    const reference = integratedBrownian();
    const path = new BrownianPath({ brownianDim: 2, finestLevel: 6, timeIntegral: true });
    for (let p = 0; p < 20; p++) {
      path.sample(reference.problem.seed, p);
      const whole = path.level(0);
      const exact = reference.exact(1, whole.dW, { timeIntegral: whole.dZ as Float64Array });
      for (let l = 0; l <= 6; l++) {
        const { xEnd } = solveSde(reference.problem, sra1(), { brownian: path.level(l), saveAt: [1] });
        const scale = Math.max(1, Math.abs(exact[0]), Math.abs(exact[1]));
        // Each step adds a few roundings of O(scale) terms: 8 ulp per step, summed over 2^l steps.
        for (let i = 0; i < 2; i++)
          expect(Math.abs(xEnd[i] - exact[i])).toBeLessThan(8 * 2 ** l * Number.EPSILON * scale);
      }
    }
  });

  it('should be exact for dX = t dW, whose noise int s dW_s = t W_t - int W ds needs dZ', () => {
    const problem: SdeProblem = {
      drift: (_t, _x, out) => {
        out[0] = 0;
      },
      diffusion: (t, _x, out) => {
        out[0] = t;
      },
      noise: 'additive',
      interpretation: 'ito',
      x0: Float64Array.of(0),
      t0: 0,
      t1: 1,
      seed: 5,
    };
    const path = new BrownianPath({ brownianDim: 1, finestLevel: 4, timeIntegral: true }).sample(5, 3);
    const { dW, dZ } = path.level(0);
    const exact = dW[0] - (dZ as Float64Array)[0];
    const { xEnd } = solveSde(problem, sra1(), { brownian: path.level(4), saveAt: [1] });
    // 16 steps of a few roundings each, terms of order 1: 64 ulp.
    expect(Math.abs(xEnd[0] - exact)).toBeLessThan(64 * Number.EPSILON);
  });
});
