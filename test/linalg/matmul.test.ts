import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import {
  linalgBenchmark,
  type Mat,
  matFrom,
  matmul,
  matmulTransA,
  matmulTransB,
  matView,
  zeros,
} from '../../src/linalg/index.js';

/** Small integers: every product and partial sum below is an integer < 2^53, so float arithmetic is exact. */
const smallInt = fc.integer({ min: -20, max: 20 });
const dim = fc.integer({ min: 1, max: 9 });

function intMatrix(rows: number, cols: number) {
  return fc
    .array(smallInt, { minLength: rows * cols, maxLength: rows * cols })
    .map((v) => matFrom(rows, cols, v));
}

/** The definition (AB)_ij = Σ_k A_ik B_kj, with A_ik and B_kj read through accessor functions. */
function definition(
  m: number,
  n: number,
  p: number,
  a: (i: number, k: number) => number,
  b: (k: number, j: number) => number,
) {
  const out = new Float64Array(m * p);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a(i, k) * b(k, j);
      out[i * p + j] = s;
    }
  return out;
}

const at = (x: Mat) => (i: number, j: number) => x.data[i * x.cols + j];
const atT = (x: Mat) => (i: number, j: number) => x.data[j * x.cols + i];

const shapes = fc.tuple(dim, dim, dim);
const triple = shapes.chain(([m, n, p]) =>
  fc.tuple(intMatrix(m, n), intMatrix(n, p), intMatrix(n, m), intMatrix(p, n)),
);

describe('matmul, matmulTransA, matmulTransB', () => {
  it('should equal the definition exactly on small-integer matrices of every shape up to 9', () => {
    fc.assert(
      fc.property(triple, ([a, b, aT, bT]) => {
        const [m, n, p] = [a.rows, a.cols, b.cols];
        // Exact: integer entries keep every partial sum an integer well below 2^53, so no rounding occurs.
        expect(matmul(a, b, zeros(m, p)).data).toEqual(definition(m, n, p, at(a), at(b)));
        expect(matmulTransA(aT, b, zeros(m, p)).data).toEqual(definition(m, n, p, atT(aT), at(b)));
        expect(matmulTransB(a, bT, zeros(m, p)).data).toEqual(definition(m, n, p, at(a), atT(bT)));
      }),
      { seed: 101, numRuns: 300 },
    );
  });

  it('should overwrite whatever out held before', () => {
    const a = matFrom(2, 2, [1, 2, 3, 4]);
    const out = matFrom(2, 2, [9, 9, 9, 9]);
    expect(Array.from(matmul(a, a, out).data)).toEqual([7, 10, 15, 22]);
    expect(Array.from(matmulTransA(a, a, out).data)).toEqual([10, 14, 14, 20]);
  });

  it('should let a NaN entry reach the product instead of skipping it', () => {
    const a = matFrom(2, 2, [0, Number.NaN, 1, 1]);
    const zero = zeros(2, 2);
    for (const product of [matmul, matmulTransA, matmulTransB]) {
      const out = product(a, zero, zeros(2, 2));
      expect(out.data.some(Number.isNaN)).toBe(true);
    }
  });

  it('should throw DimensionMismatchError for inner dimensions that disagree', () => {
    fc.assert(
      fc.property(shapes, dim, ([m, n, p], q) => {
        fc.pre(q !== n);
        expect(() => matmul(zeros(m, n), zeros(q, p), zeros(m, p))).toThrow(DimensionMismatchError);
        expect(() => matmulTransA(zeros(n, m), zeros(q, p), zeros(m, p))).toThrow(DimensionMismatchError);
        expect(() => matmulTransB(zeros(m, n), zeros(p, q), zeros(m, p))).toThrow(DimensionMismatchError);
      }),
      { seed: 102 },
    );
  });

  it('should throw DimensionMismatchError for an output of the wrong shape or a malformed matrix', () => {
    fc.assert(
      fc.property(shapes, dim, ([m, n, p], q) => {
        fc.pre(q !== p);
        expect(() => matmul(zeros(m, n), zeros(n, p), zeros(m, q))).toThrow(DimensionMismatchError);
        const lying = { rows: m, cols: n, data: new Float64Array(m * n + 1) };
        expect(() => matmul(lying, zeros(n, p), zeros(m, p))).toThrow(DimensionMismatchError);
      }),
      { seed: 103 },
    );
  });

  it('should throw InvalidArgumentError when out overlaps an input', () => {
    const buffer = new Float64Array(8);
    const a = matView(buffer, 0, 2, 2);
    const overlapping = matView(buffer, 2, 2, 2);
    const disjoint = matView(buffer, 4, 2, 2);
    expect(() => matmul(a, a, a)).toThrow(InvalidArgumentError);
    expect(() => matmulTransB(a, zeros(2, 2), overlapping)).toThrow(InvalidArgumentError);
    expect(() => matmulTransA(zeros(2, 2), a, disjoint)).not.toThrow();
  });
});

describe('linalgBenchmark', () => {
  it('should time both products on the same entries and find them equal up to rounding', () => {
    const result = linalgBenchmark({ size: 16, repeats: 5, rounds: 2 });
    expect(result.kernelMicroseconds).toBeGreaterThan(0);
    expect(result.mlMatrixMicroseconds).toBeGreaterThan(0);
    expect(result.speedup).toBeCloseTo(result.mlMatrixMicroseconds / result.kernelMicroseconds, 12);
    // Two summation orders of 16 products of N(0, 1) entries differ by a few ε·√16·(typical |entry|) ≈ 1e-14.
    expect(result.maxAbsDifference).toBeLessThan(1e-13);
    expect(() => linalgBenchmark({ size: 0 })).toThrow(InvalidArgumentError);
  });
});
