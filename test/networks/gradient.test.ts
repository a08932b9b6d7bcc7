import { describe, expect, it } from 'vitest';
import { frobeniusNorm, fromRows, zeros } from '../../src/linalg/index.js';
import {
  createTeacher,
  deepLinearNetwork,
  endToEnd,
  flatten,
  initialize,
  populationGradient,
  populationLoss,
  sampleGradient,
  sampleLoss,
  type Teacher,
  unflatten,
} from '../../src/networks/index.js';
import { randomStream } from '../../src/random/index.js';
import { exactlySolved } from './exactlySolved.js';

/**
 * W is affine in any single parameter (it enters one layer once), so every loss here is exactly quadratic
 * along a coordinate and the central difference (f(θ + h e_i) − f(θ − h e_i)) / 2h has no truncation error:
 * it differs from ∂_i f only by rounding in f, a few hundred ε times the size of the terms of f, over h.
 */
const h = 1e-3;

function centralDifferences(f: (theta: Float64Array) => number, theta: Float64Array): Float64Array {
  const out = new Float64Array(theta.length);
  const probe = theta.slice();
  for (let i = 0; i < theta.length; i++) {
    probe[i] = theta[i] + h;
    const up = f(probe);
    probe[i] = theta[i] - h;
    out[i] = (up - f(probe)) / (2 * h);
    probe[i] = theta[i];
  }
  return out;
}

function expectClose(a: Float64Array, b: Float64Array, tol: number) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
}

const cases = [
  { dIn: 3, dOut: 4, depth: 2, width: 5 },
  { dIn: 5, dOut: 2, depth: 3, width: [4, 7] },
  { dIn: 4, dOut: 3, depth: 5, width: [6, 2, 5, 3] },
];

describe('population loss and gradient', () => {
  it('should match central finite differences at random parameters for depths 2, 3 and 5', () => {
    cases.forEach((options, k) => {
      const teacher = createTeacher({
        dIn: options.dIn,
        dOut: options.dOut,
        singularValues: [2, 1],
        seed: k,
      });
      const net = deepLinearNetwork({ ...options, init: { kind: 'he', seed: 10 + k } });
      const f = (theta: Float64Array) => populationLoss(net, teacher, theta);
      const grad = populationGradient(net, teacher, net.theta);
      const scale = 1 + f(net.theta) + frobeniusNorm(endToEnd(net, net.theta)) ** 2;
      // Rounding in ℒ is under 1000·ε·scale; the difference quotient divides it by h.
      expectClose(grad, centralDifferences(f, net.theta), (1000 * Number.EPSILON * scale) / h);
    });
  });

  it('should be 0 with zero gradient when the network computes W* exactly', () => {
    // W_2 W_1 = W* with exactly representable entries: no rounding anywhere.
    const { teacher, net } = exactlySolved();
    expect(populationLoss(net, teacher, net.theta)).toBe(0);
    expect(Array.from(populationGradient(net, teacher, net.theta)).every((g) => g === 0)).toBe(true);
  });

  it('should equal ½Σs² at the origin, where the gradient vanishes (a saddle)', () => {
    const s = [4, 2, 1];
    const teacher = createTeacher({ dIn: 8, dOut: 8, singularValues: s, seed: 3 });
    const net = deepLinearNetwork({ dIn: 8, dOut: 8, depth: 4, width: 16, init: { kind: 'zeros' } });
    // ‖U diag(s) Vᵀ‖² = Σs² up to the rounding of the orthogonal factors (k·ε relative).
    expect(Math.abs(populationLoss(net, teacher, net.theta) - 10.5)).toBeLessThan(
      100 * Number.EPSILON * 10.5,
    );
    expect(frobeniusNorm(populationGradient(net, teacher, net.theta))).toBe(0);
  });
});

function dataset(teacher: Teacher, n: number, noise: number, seed: number) {
  const x = zeros(n, teacher.dIn);
  const y = zeros(n, teacher.dOut);
  const stream = randomStream(seed);
  stream.fillNormal(x.data);
  stream.fillNormal(y.data, noise);
  return { x, y };
}

describe('finite-sample loss and gradient', () => {
  it('should match central finite differences on a random dataset', () => {
    cases.forEach((options, k) => {
      const teacher = createTeacher({ dIn: options.dIn, dOut: options.dOut, singularValues: [1], seed: k });
      const { x, y } = dataset(teacher, 7, 1, 40 + k);
      const net = deepLinearNetwork({ ...options, init: { kind: 'glorot', seed: 20 + k } });
      const f = (theta: Float64Array) => sampleLoss(net, x, y, theta);
      const scale = 1 + f(net.theta) + frobeniusNorm(x) ** 2 * frobeniusNorm(endToEnd(net, net.theta)) ** 2;
      // Same argument as for the population loss: exact quadratic, rounding over h.
      expectClose(
        sampleGradient(net, x, y, net.theta),
        centralDifferences(f, net.theta),
        (1000 * Number.EPSILON * scale) / h,
      );
    });
  });

  it('should equal (1/2n) Σ‖W x_i − y_i‖² on a hand-computed example', () => {
    const net = deepLinearNetwork({ dIn: 2, dOut: 1, depth: 2, width: 1, init: { kind: 'zeros' } });
    net.layers[0].data.set([1, 2]);
    net.layers[1].data.set([3]);
    // W = [3, 6]; predictions 3·1 + 6·0 = 3 and 3·1 + 6·1 = 9 against labels 1 and 10: (4 + 1) / 4.
    expect(
      sampleLoss(
        net,
        fromRows([
          [1, 0],
          [1, 1],
        ]),
        fromRows([[1], [10]]),
        net.theta,
      ),
    ).toBe(1.25);
  });
});

describe('flatten and unflatten', () => {
  it('should round-trip the layers and share memory between a network and its views', () => {
    const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1], seed: 1 });
    const net = deepLinearNetwork({
      dIn: 3,
      dOut: 2,
      depth: 3,
      width: [4, 5],
      init: { kind: 'aligned', eps: 0.5, teacher },
    });
    const layers = unflatten(net, net.theta);
    expect(flatten(net, layers)).toEqual(net.theta);
    layers[0].data[0] = 99;
    expect(net.theta[0]).not.toBe(99);
    net.layers[2].data[0] = 7;
    expect(net.theta[net.offsets[2]]).toBe(7);
    expect(initialize(net, { kind: 'zeros' }).length).toBe(net.size);
  });
});
