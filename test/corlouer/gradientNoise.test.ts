/**
 * SGD's gradient noise: the exact covariance against Gauss–Hermite expectations of the network's own per-sample
 * gradients, and the mode-projected noise measured with common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { type Mat, zeros } from '../../src/linalg/mat.js';
import { deepLinearShape } from '../../src/networks/deepLinearShape.js';
import { initialize } from '../../src/networks/initialize.js';
import { LayerProducts } from '../../src/networks/layerProducts.js';
import { modeGradientSamples } from '../../src/networks/modeGradientSamples.js';
import { ModeNoiseSampler } from '../../src/networks/modeNoiseSampler.js';
import { SgdNoiseCovariance } from '../../src/networks/sgdNoiseCovariance.js';
import { createTeacher } from '../../src/networks/teacher.js';

/** Probabilists' Gauss–Hermite rule with 3 nodes: exact for polynomials of degree ≤ 5 under N(0, 1). */
const NODES = [-Math.sqrt(3), 0, Math.sqrt(3)];
const WEIGHTS = [1 / 6, 2 / 3, 1 / 6];

/** E[g gᵀ] − E[g] E[g]ᵀ of the per-sample parameter gradient, by the tensor Gauss–Hermite rule over (x, ξ). */
function hermiteCovariance(
  theta: Float64Array,
  labelNoise: number,
  shape: ReturnType<typeof deepLinearShape>,
  w: Mat,
) {
  const { dIn, dOut, size: P } = shape;
  const dims = dIn + dOut;
  const products = new LayerProducts(shape);
  const map = products.forward(theta);
  const second = new Float64Array(P * P);
  const first = new Float64Array(P);
  const g = zeros(dOut, dIn);
  const grad = new Float64Array(P);
  const index = new Array<number>(dims).fill(0);
  for (let count = 0; count < 3 ** dims; count++) {
    let weight = 1;
    for (let k = 0, c = count; k < dims; k++, c = Math.floor(c / 3)) {
      index[k] = c % 3;
      weight *= WEIGHTS[index[k]];
    }
    const x = index.slice(0, dIn).map((i) => NODES[i]);
    const xi = index.slice(dIn).map((i) => labelNoise * NODES[i]);
    for (let i = 0; i < dOut; i++) {
      let r = -xi[i];
      for (let j = 0; j < dIn; j++) r += (map.data[i * dIn + j] - w.data[i * dIn + j]) * x[j];
      for (let j = 0; j < dIn; j++) g.data[i * dIn + j] = r * x[j];
    }
    products.backward(theta, g, grad);
    for (let p = 0; p < P; p++) {
      first[p] += weight * grad[p];
      for (let q = 0; q < P; q++) second[p * P + q] += weight * grad[p] * grad[q];
    }
  }
  return second.map((value, at) => value - first[Math.floor(at / P)] * first[at % P]);
}

describe('SgdNoiseCovariance', () => {
  it('should equal the exact Gaussian expectation of the per-sample gradients at a random state', () => {
    const teacher = createTeacher({ dIn: 2, dOut: 2, singularValues: [1, 0.4], seed: 3 });
    const shape = deepLinearShape({ dIn: 2, dOut: 2, depth: 3, width: 3 });
    const theta = initialize(shape, { kind: 'he', seed: 5 });
    const exact = new Float64Array(shape.size * shape.size);
    new SgdNoiseCovariance(shape, teacher, 0.7).covariance(theta, exact);
    const hermite = hermiteCovariance(theta, 0.7, shape, teacher.w);
    const largest = Math.max(...exact.map(Math.abs));
    // The 3-node rule is exact here (degree ≤ 4 in x, ≤ 2 in ξ); 81 weighted terms leave ~1e-14 of rounding.
    for (let i = 0; i < exact.length; i++)
      expect(Math.abs(exact[i] - hermite[i])).toBeLessThan(1e-12 * largest);
  });
});

describe('mode gradient components', () => {
  it('should average to e_i on the diagonal and 0 off it', () => {
    const teacher = createTeacher({ dIn: 3, dOut: 3, singularValues: [1, 0.5], seed: 6 });
    const components = modeGradientSamples({
      depth: 2,
      width: 3,
      teacher,
      strengths: [0.4, 0.1],
      labelNoise: 0.3,
      samples: 40_000,
      seed: 12,
    });
    for (const c of components) {
      const mean = c.i === c.j ? c.error : 0;
      // Five standard errors: a false alarm in fewer than 1e-6 of runs per component.
      expect(Math.abs(c.moments.mean - mean)).toBeLessThan(5 * c.moments.meanError);
    }
  });
});

describe('ModeNoiseSampler', () => {
  const teacher = createTeacher({ dIn: 2, dOut: 2, singularValues: [1.3], seed: 2 });

  it('should measure noise proportional to u^c (u − s)² and u^c exactly, the same samples at every u', () => {
    for (const [space, c] of [
      ['end-to-end', 4 - 4 / 3],
      ['parameter', 2 - 2 / 3],
    ] as const) {
      const sampler = new ModeNoiseSampler({
        depth: 3,
        width: 2,
        teacher,
        space,
        samples: 500,
        batches: 2,
        seed: 4,
      });
      const scale = space === 'end-to-end' ? 9 : 1;
      const input = (u: number) => sampler.moments(1, u).xx / (scale * u ** c * (u - 1.3) ** 2);
      const noise = (u: number) => sampler.moments(1, u).nn / (scale * u ** c);
      // With common samples both ratios are one sample statistic (the variance of z² and of ζz): rounding only.
      for (const u of [0.2, 0.7, 1.1]) {
        expect(Math.abs(input(u) / input(0.5) - 1)).toBeLessThan(1e-12);
        expect(Math.abs(noise(u) / noise(0.5) - 1)).toBeLessThan(1e-12);
      }
    }
  });

  it('should find Var z² = 2 and Var ζz = 1 behind the projected noise', () => {
    const sampler = new ModeNoiseSampler({
      depth: 2,
      width: 2,
      teacher,
      space: 'end-to-end',
      samples: 20_000,
      batches: 2,
      seed: 9,
    });
    const u = 0.6;
    const scale = 4 * u ** 2;
    const m = sampler.moments(0, u);
    // Var of a sample variance with n = 20000: se(s²)/σ² = √((κ − 1)/n); κ(z²) = 15, κ(ζz) = 9: 5 se are
    // 13% and 10%.
    expect(Math.abs(m.xx / (scale * (u - 1.3) ** 2) / 2 - 1)).toBeLessThan(0.13);
    expect(Math.abs(m.nn / scale - 1)).toBeLessThan(0.1);
  });
});
