import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  identity,
  type Mat,
  matmulTransA,
  matmulTransB,
  numericalRank,
  randomOrthogonal,
  svd,
  zeros,
} from '../../src/linalg/index.js';
import { randomStream } from '../../src/random/index.js';

/** Q1[:, :k] · diag(s) · Q2[:, :k]ᵀ for Haar Q1 (rows×rows) and Q2 (cols×cols): singular values exactly s. */
function withSpectrum(rows: number, cols: number, s: number[], seed: number): Mat {
  const q1 = randomOrthogonal(rows, randomStream(seed, 0, 0));
  const q2 = randomOrthogonal(cols, randomStream(seed, 0, 1));
  const left = zeros(rows, s.length);
  const right = zeros(cols, s.length);
  for (let k = 0; k < s.length; k++) {
    for (let i = 0; i < rows; i++) left.data[i * s.length + k] = s[k] * q1.data[i * rows + k];
    for (let j = 0; j < cols; j++) right.data[j * s.length + k] = q2.data[j * cols + k];
  }
  return matmulTransB(left, right, zeros(rows, cols));
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe('svd', () => {
  it('should recover a prescribed spectrum and reconstruct the matrix, tall and wide', () => {
    const s = [5, 3, 2, 0.5];
    for (const [rows, cols] of [
      [7, 4],
      [4, 9],
      [6, 6],
    ]) {
      const m = withSpectrum(rows, cols, s.slice(0, Math.min(rows, cols)), rows * 10 + cols);
      const dec = svd(m);
      const k = Math.min(rows, cols);
      // Backward-stable SVD: singular values are within a small multiple of ε·s_1 of the exact ones (Weyl).
      for (let i = 0; i < k; i++)
        expect(Math.abs(dec.s[i] - (s[i] ?? 0))).toBeLessThan(50 * Number.EPSILON * 5);
      const us = zeros(rows, k);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < k; j++) us.data[i * k + j] = dec.u.data[i * k + j] * dec.s[j];
      const back = matmulTransB(us, dec.v, zeros(rows, cols));
      // Reconstruction error of a backward-stable SVD: a small multiple of ε·‖m‖.
      expect(maxAbsDiff(back.data, m.data)).toBeLessThan(50 * Number.EPSILON * 5);
      // Orthonormal singular vectors, to a few k·ε.
      expect(maxAbsDiff(matmulTransA(dec.u, dec.u, zeros(k, k)).data, identity(k).data)).toBeLessThan(1e-14);
      expect(maxAbsDiff(matmulTransA(dec.v, dec.v, zeros(k, k)).data, identity(k).data)).toBeLessThan(1e-14);
    }
  });

  it('should return singular values in descending order for matrices with repeated and zero values', () => {
    const m = zeros(3, 3);
    m.data.set([0, 0, 0, 0, 2, 0, 0, 0, 7]);
    expect(Array.from(svd(m).s)).toEqual([7, 2, 0]);
  });

  it('should reject matrices with NaN or infinite entries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.nat(8),
        (bad, at) => {
          const m = identity(3);
          m.data[at] = bad;
          expect(() => svd(m)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 105 },
    );
  });
});

describe('numericalRank', () => {
  it('should count exactly the nonzero modes of a rank-2 matrix under the default rule', () => {
    const m = withSpectrum(8, 6, [4, 1e-3], 5);
    expect(numericalRank(svd(m).s, undefined, 8)).toBe(2);
    // An explicit threshold between the two values counts one.
    expect(numericalRank(svd(m).s, 0.01)).toBe(1);
  });

  it('should count the whole spectrum of the identity and nothing of the zero matrix', () => {
    expect(numericalRank(svd(identity(5)).s)).toBe(5);
    expect(numericalRank(svd(zeros(4, 3)).s)).toBe(0);
    expect(numericalRank(new Float64Array(0))).toBe(0);
  });

  it('should reject negative, NaN, increasing or non-typed-array spectra and a bad tolerance', () => {
    const bad = [[1, -1], [1, Number.NaN], [1, 2], [Number.POSITIVE_INFINITY]];
    for (const s of bad) expect(() => numericalRank(new Float64Array(s))).toThrow(InvalidArgumentError);
    expect(() => numericalRank([1] as never)).toThrow(InvalidArgumentError);
    expect(() => numericalRank(new Float64Array([1]), -1)).toThrow(InvalidArgumentError);
    expect(() => numericalRank(new Float64Array([1]), Number.NaN)).toThrow(InvalidArgumentError);
  });
});
