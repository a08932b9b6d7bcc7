/**
 * Non-commutative noise: dX_1 = dW_1, dX_2 = X_1 dW_2 (the same in both interpretations, since the correction
 * (1/2) sum_j L^j g^j vanishes). X_2(t) = int_0^t W_1 dW_2 is not a function of the increments on any grid: a
 * scheme that sees only dW misses the Lévy area on every step. On a step of length H, stochastic Heun gives
 * the Stratonovich sum (W_1 + dW_1/2) dW_2 and misses A = I_(1,2) - dW_1 dW_2 / 2 with E A^2 = H^2/4;
 * Euler–Maruyama gives W_1 dW_2 and misses I_(1,2) with E I_(1,2)^2 = H^2/2. Comparing a grid of step H with
 * the finest grid h of the same path, the areas of the fine steps cancel and what remains has, over [0, T],
 *
 *   Heun: E |X_2^H - X_2^h|^2 = T (H - h) / 4,      Euler–Maruyama: E |X_2^H - X_2^h|^2 = T (H - h) / 2,
 *
 * so both converge with strong order exactly 1/2, with these constants.
 */
import { describe, expect, it } from 'vitest';
import {
  BrownianPath,
  eulerMaruyama,
  type SdeMethod,
  type SdeProblem,
  solveSde,
  stochasticHeun,
} from '../../src/sde/index.js';

const levyProblem = (interpretation: 'ito' | 'stratonovich'): SdeProblem => ({
  drift: (_t, _x, out) => out.fill(0),
  diffusion: (_t, x, out) => {
    out[0] = 1;
    out[1] = 0;
    out[2] = 0;
    out[3] = x[0];
  },
  noise: 'general',
  brownianDim: 2,
  interpretation,
  x0: Float64Array.of(0, 0),
  t0: 0,
  t1: 1,
  seed: 11,
});

const FINEST = 9;
const LEVELS = [3, 5, 7];
/** The relative standard error of a mean square over n paths is about sqrt(2/n) = 3.7% here. */
const PATHS = 1500;

function meanSquareGaps(method: SdeMethod, problem: SdeProblem): { mean: number; standardError: number }[] {
  const path = new BrownianPath({ brownianDim: 2, finestLevel: FINEST });
  const gaps = LEVELS.map(() => new Float64Array(PATHS));
  for (let p = 0; p < PATHS; p++) {
    path.sample(problem.seed, p);
    const fine = solveSde(problem, method, { brownian: path.level(FINEST), saveAt: [1] }).xEnd[1];
    LEVELS.forEach((l, i) => {
      const coarse = solveSde(problem, method, { brownian: path.level(l), saveAt: [1] }).xEnd[1];
      gaps[i][p] = (coarse - fine) ** 2;
    });
  }
  return gaps.map((g) => {
    const mean = g.reduce((s, v) => s + v, 0) / PATHS;
    const variance = g.reduce((s, v) => s + (v - mean) ** 2, 0) / (PATHS - 1);
    return { mean, standardError: Math.sqrt(variance / PATHS) };
  });
}

describe('strong order 1/2 on non-commutative noise', () => {
  for (const [method, problem, constant] of [
    [stochasticHeun(), levyProblem('stratonovich'), 1 / 4],
    [eulerMaruyama(), levyProblem('ito'), 1 / 2],
  ] as const) {
    it(`should give ${method.name} the mean-square gap T (H - h) * ${constant} that the Lévy areas predict`, () => {
      const h = 2 ** -FINEST;
      meanSquareGaps(method, problem).forEach(({ mean, standardError }, i) => {
        const expected = constant * (2 ** -LEVELS[i] - h);
        // Power: the standard error is a few percent of the expectation.
        expect(standardError).toBeLessThan(0.06 * expected);
        // 4 standard errors of the sample mean square.
        expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
      });
    });
  }
});
