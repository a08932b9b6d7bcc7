import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { BrownianPath, eulerMaruyama, type SdeProblem, solveSde, sra1 } from '../../src/sde/index.js';

/** dX = dW on [0, 1] with one component: Euler–Maruyama adds dW exactly, so its states are the path W. */
const brownianMotion: SdeProblem = {
  drift: (_t, _x, out) => out.fill(0),
  diffusion: (_t, _x, out) => out.fill(1),
  noise: 'additive',
  interpretation: 'ito',
  x0: Float64Array.of(0),
  t0: 0,
  t1: 1,
  seed: 21,
};

/** Sample mean and variance of values[k * stride + offset] over k. */
function moments(
  values: Float64Array,
  stride: number,
  offset: number,
): { mean: number; variance: number; n: number } {
  const n = values.length / stride;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k * stride + offset];
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < n; k++) squares += (values[k * stride + offset] - mean) ** 2;
  return { mean, variance: squares / (n - 1), n };
}

describe('BrownianPath', () => {
  it('should replay the increments solveSde draws for the same seed, path and number of steps', () => {
    const path = new BrownianPath({ brownianDim: 1, finestLevel: 7 }).sample(21, 4);
    const { x } = solveSde(brownianMotion, eulerMaruyama(), { steps: 128, path: 4 });
    const dW = path.level(7).dW;
    let w = 0;
    for (let k = 0; k < 128; k++) {
      w += dW[k];
      expect(x[k + 1]).toBe(w);
    }
  });

  it('should give solveSde with the path and solveSde drawing by itself the same sra1 solution', () => {
    const additive = {
      ...brownianMotion,
      drift: (_t: number, x: Float64Array, out: Float64Array) => out.set([Math.sin(x[0])]),
    };
    const path = new BrownianPath({ brownianDim: 1, finestLevel: 6, timeIntegral: true }).sample(21, 9);
    const drawn = solveSde(additive, sra1(), { steps: 64, path: 9 });
    const replayed = solveSde(additive, sra1(), { brownian: path.level(6) });
    expect(replayed.x).toEqual(drawn.x);
  });

  it('should compose every coarser level from the finest one', () => {
    const path = new BrownianPath({ brownianDim: 2, finestLevel: 8, timeIntegral: true }).sample(3, 17);
    const fine = path.level(8);
    const h = fine.dt;
    for (const l of [0, 3, 7]) {
      const coarse = path.level(l);
      const block = 2 ** (8 - l);
      for (let k = 0; k < coarse.steps; k++) {
        for (let j = 0; j < 2; j++) {
          // W over the block and int (W_s - W_start) ds = sum over fine steps of dZ + (W before the step) h.
          let w = 0;
          let z = 0;
          for (let f = k * block; f < (k + 1) * block; f++) {
            z += (fine.dZ as Float64Array)[f * 2 + j] + w * h;
            w += fine.dW[f * 2 + j];
          }
          // Sums of up to 256 terms of size ~sqrt(h), in two different orders: 256 ulp of the largest partial sum.
          expect(Math.abs(coarse.dW[k * 2 + j] - w)).toBeLessThan(256 * Number.EPSILON * 4);
          expect(Math.abs((coarse.dZ as Float64Array)[k * 2 + j] - z)).toBeLessThan(256 * Number.EPSILON * 4);
        }
      }
    }
  });

  it('should keep W the same whether or not the time integrals are drawn', () => {
    const withZ = new BrownianPath({ brownianDim: 3, finestLevel: 5, timeIntegral: true }).sample(8, 2);
    const withoutZ = new BrownianPath({ brownianDim: 3, finestLevel: 5 }).sample(8, 2);
    expect(withoutZ.level(5).dW).toEqual(withZ.level(5).dW);
    expect(withoutZ.level(5).dZ).toBeUndefined();
  });

  it('should draw (dW, dZ) with mean 0, Var dW = h, Var dZ = h^3/3 and Cov = h^2/2', () => {
    const steps = 2 ** 4;
    const paths = 1500;
    const path = new BrownianPath({ brownianDim: 1, finestLevel: 4, timeIntegral: true });
    const h = 1 / steps;
    const w = new Float64Array(steps * paths);
    const z = new Float64Array(steps * paths);
    for (let p = 0; p < paths; p++) {
      path.sample(1, p);
      w.set(path.level(4).dW, p * steps);
      z.set(path.level(4).dZ as Float64Array, p * steps);
    }
    const W = moments(w, 1, 0);
    const Z = moments(z, 1, 0);
    let cross = 0;
    for (let k = 0; k < w.length; k++) cross += (w[k] - W.mean) * (z[k] - Z.mean);
    const correlation = cross / (w.length - 1) / Math.sqrt(W.variance * Z.variance);
    // n = 24000 normal draws: SE of a mean is sigma/sqrt(n) = 0.0065 sigma, of a variance sqrt(2/n) = 0.0091
    // of it, of a correlation rho = sqrt(3)/2 about (1 - rho^2)/sqrt(n) = 0.0016; tolerances are 4 SE.
    expect(Math.abs(W.mean)).toBeLessThan(4 * 0.0065 * Math.sqrt(h));
    expect(Math.abs(W.variance / h - 1)).toBeLessThan(4 * 0.0091);
    expect(Math.abs(Z.variance / (h ** 3 / 3) - 1)).toBeLessThan(4 * 0.0091);
    expect(Math.abs(correlation - Math.sqrt(3) / 2)).toBeLessThan(4 * 0.0016);
  });

  it('should refuse levels that were not built and reading before sampling', () => {
    const path = new BrownianPath({ brownianDim: 1, finestLevel: 3 });
    expect(() => path.level(0)).toThrow(/Call sample first/);
    path.sample(1, 0);
    expect(() => path.level(4)).toThrow(InvalidArgumentError);
    expect(() => new BrownianPath({ brownianDim: 0, finestLevel: 3 })).toThrow(InvalidArgumentError);
    expect(() => new BrownianPath({ brownianDim: 1, finestLevel: 30 })).toThrow(InvalidArgumentError);
    expect(() => new BrownianPath({ brownianDim: 1, finestLevel: 3, t0: 1, t1: 1 })).toThrow(
      InvalidArgumentError,
    );
  });
});
