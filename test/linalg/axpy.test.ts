import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError } from '../../src/errors.js';
import {
  axpy,
  copy,
  frobeniusInner,
  frobeniusNorm,
  matFrom,
  scale,
  subtract,
  zeros,
} from '../../src/linalg/index.js';

describe('level-1 kernels', () => {
  it('should compute y + alpha x, alpha x, x - y and copies exactly on small integers', () => {
    const x = matFrom(2, 2, [1, -2, 3, 4]);
    const y = new Float64Array([10, 20, 30, 40]);
    expect(Array.from(axpy(-3, x, y))).toEqual([7, 26, 21, 28]);
    expect(Array.from(scale(2, x).data)).toEqual([2, -4, 6, 8]);
    expect(Array.from(subtract(y, x, zeros(2, 2)).data)).toEqual([5, 30, 15, 20]);
    expect(Array.from(copy(x, zeros(2, 2)).data)).toEqual([2, -4, 6, 8]);
  });

  it('should give the Frobenius inner product of integer matrices exactly', () => {
    const a = matFrom(2, 3, [1, 2, 3, 4, 5, 6]);
    const b = matFrom(2, 3, [6, 5, 4, 3, 2, 1]);
    expect(frobeniusInner(a, b)).toBe(56);
  });

  it('should give the norm of (3, 4) times any power of two as 5 times it, without overflow or underflow', () => {
    // Powers of two scale exactly, and sqrt(25) = 5 exactly: the only rounding is in 9/16 + 1 and sqrt.
    for (const p of [-1000, -600, 0, 600, 1000]) {
      const x = new Float64Array([3 * 2 ** p, -4 * 2 ** p]);
      expect(frobeniusNorm(x)).toBe(5 * 2 ** p);
    }
    expect(frobeniusNorm(new Float64Array(3))).toBe(0);
  });

  it('should report NaN or Infinity in the norm rather than a finite number', () => {
    expect(frobeniusNorm(new Float64Array([1, Number.NaN, Number.POSITIVE_INFINITY]))).toBeNaN();
    expect(frobeniusNorm(new Float64Array([1, Number.NEGATIVE_INFINITY]))).toBe(Number.POSITIVE_INFINITY);
  });

  it('should throw DimensionMismatchError for operands with different numbers of entries', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), (n, m) => {
        fc.pre(n !== m);
        const x = new Float64Array(n);
        const y = new Float64Array(m);
        expect(() => axpy(1, x, y)).toThrow(DimensionMismatchError);
        expect(() => copy(x, y)).toThrow(DimensionMismatchError);
        expect(() => frobeniusInner(x, y)).toThrow(DimensionMismatchError);
        expect(() => subtract(x, x, y)).toThrow(DimensionMismatchError);
      }),
      { seed: 104 },
    );
  });
});
