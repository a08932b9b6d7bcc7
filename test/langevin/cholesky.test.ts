/** Pivoted Cholesky factors of positive definite, semi-definite and indefinite matrices. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choleskyPivoted, factorTimesVector } from '../../src/langevin/cholesky.js';

const EPS = 2 ** -52;

/** A = B B^T for B of size d x r, plus shift on the diagonal. */
function gram(b: readonly number[], d: number, r: number, shift: number): Float64Array {
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = i === j ? shift : 0;
      for (let k = 0; k < r; k++) s += b[i * r + k] * b[j * r + k];
      a[i * d + j] = s;
    }
  }
  return a;
}

/** F F^T for F = P^T L: entry (perm[i], perm[j]) is (L L^T)_ij. */
function product(l: Float64Array, perm: Int32Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += l[i * d + k] * l[j * d + k];
      out[perm[i] * d + perm[j]] = s;
    }
  }
  return out;
}

/** max over (i, j) of |(F F^T - A)_ij| / sqrt(a_ii a_jj). */
function relativeResidual(a: Float64Array, l: Float64Array, perm: Int32Array, d: number): number {
  const f = product(l, perm, d);
  let worst = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const scale = Math.sqrt(a[i * d + i] * a[j * d + j]);
      const gap = Math.abs(f[i * d + j] - a[i * d + j]);
      worst = Math.max(worst, scale === 0 ? gap : gap / scale);
    }
  }
  return worst;
}

/** A permutation of 0 .. d-1. */
function isPermutation(perm: Int32Array): boolean {
  return Array.from(perm)
    .sort((u, v) => u - v)
    .every((v, i) => v === i);
}

const entries = (n: number) =>
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n });

describe('choleskyPivoted', () => {
  it('should factor a positive definite matrix with backward error within 2 (d + 1) eps sqrt(a_ii a_jj)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((d) => fc.tuple(fc.constant(d), entries(d * d))),
        ([d, b]) => {
          const a = gram(b, d, d, 0.1);
          const l = new Float64Array(d * d).fill(Number.NaN);
          const perm = new Int32Array(d);
          expect(choleskyPivoted(a, d, l, perm)).toBe(-1);
          expect(isPermutation(perm)).toBe(true);
          for (let i = 0; i < d; i++) {
            expect(l[i * d + i]).toBeGreaterThan(0);
            for (let j = i + 1; j < d; j++) expect(l[i * d + j]).toBe(0);
          }
          // Higham, Thm 10.3: |L L^T - P A P^T| <= gamma_(d+1) |L||L^T|, and (|L||L^T|)_ij <= sqrt(a_ii a_jj).
          expect(relativeResidual(a, l, perm, d)).toBeLessThanOrEqual(2 * (d + 1) * EPS);
        },
      ),
      { seed: 101, numRuns: 200 },
    );
  });

  it('should factor a rank-deficient positive semi-definite matrix B B^T', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 8 })
          .chain((d) =>
            fc
              .integer({ min: 1, max: d - 1 })
              .chain((r) => fc.tuple(fc.constant(d), fc.constant(r), entries(d * r))),
          ),
        ([d, r, b]) => {
          const a = gram(b, d, r, 0);
          const l = new Float64Array(d * d);
          const perm = new Int32Array(d);
          expect(choleskyPivoted(a, d, l, perm)).toBe(-1);
          // The remainder dropped once the largest Schur diagonal is below tol = 8 d eps max|a_ii| has entries
          // |s_ij| <= sqrt(s_ii s_jj) <= tol; with the rounding of the steps before (Higham, ch. 10.3, for a
          // well-conditioned leading block) the error stays a small multiple of tol. 4 tol allows for that.
          let scale = 0;
          for (let i = 0; i < d; i++) scale = Math.max(scale, a[i * d + i]);
          const f = product(l, perm, d);
          for (let i = 0; i < d * d; i++)
            expect(Math.abs(f[i] - a[i])).toBeLessThanOrEqual(4 * 8 * d * EPS * scale);
        },
      ),
      { seed: 102, numRuns: 200 },
    );
  });

  it('should return the column of a negative pivot for indefinite or negative matrices', () => {
    const factor = (a: number[]) =>
      choleskyPivoted(Float64Array.from(a), 2, new Float64Array(4), new Int32Array(2));
    expect(factor([1, 0, 0, -1])).toBe(1);
    expect(factor([-1, 0, 0, 1])).toBe(0);
    // Eigenvalues 3 and -1.
    expect(factor([1, 2, 2, 1])).toBeGreaterThanOrEqual(0);
    // Zero diagonal with a nonzero entry off it: eigenvalues +-1.
    expect(factor([0, 1, 1, 0])).toBeGreaterThanOrEqual(0);
    expect(factor([Number.NaN, 0, 0, 1])).toBe(0);
  });

  it('should find any matrix B B^T - c I with c above the smallest eigenvalue not positive semi-definite', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((d) => fc.tuple(fc.constant(d), entries(d * (d - 1)))),
        ([d, b]) => {
          // Rank d - 1, so the smallest eigenvalue of B B^T is 0 and B B^T - 0.01 I has eigenvalue -0.01.
          const a = gram(b, d, d - 1, -0.01);
          expect(choleskyPivoted(a, d, new Float64Array(d * d), new Int32Array(d))).toBeGreaterThanOrEqual(0);
        },
      ),
      { seed: 103, numRuns: 200 },
    );
  });
});

describe('factorTimesVector', () => {
  it('should multiply by the lower triangle only, scale, and undo the permutation', () => {
    const l = Float64Array.from([2, 99, 99, 1, 3, 99, 4, 5, 6]);
    const out = new Float64Array(3);
    factorTimesVector(l, Int32Array.from([2, 0, 1]), 3, Float64Array.from([1, 2, 3]), 0.5, out);
    // L z / 2 = (1, 3.5, 16), placed at the original indices 2, 0, 1. Small integers and halves: exact.
    expect(Array.from(out)).toEqual([3.5, 16, 1]);
  });
});
