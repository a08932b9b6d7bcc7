import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { identity, matmulTransA, randomOrthogonal, zeros } from '../../src/linalg/index.js';
import { randomStream } from '../../src/random/index.js';

/** Kolmogorov–Smirnov distance between the sample and the continuous CDF `cdf`. */
function ksDistance(sample: number[], cdf: (x: number) => number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  });
  return d;
}

/** KS critical value at level 0.001 for N samples (asymptotic: sqrt(-ln(0.0005)/2) / sqrt(N)). */
const ksCritical = (n: number) => 1.9495 / Math.sqrt(n);

function entries(n: number, draws: number, i: number, j: number): number[] {
  const stream = randomStream(2024, 0, n);
  return Array.from({ length: draws }, () => randomOrthogonal(n, stream).data[i * n + j]);
}

describe('randomOrthogonal', () => {
  it('should return QᵀQ = I to 1e-14 for sizes 1 to 40', () => {
    const stream = randomStream(7);
    for (const n of [1, 2, 3, 5, 8, 13, 21, 40]) {
      const q = randomOrthogonal(n, stream);
      const gram = matmulTransA(q, q, zeros(n, n));
      const eye = identity(n);
      // Householder QR is backward stable: ‖QᵀQ − I‖ is a few n·ε, below 1e-14 for n ≤ 40.
      for (let k = 0; k < n * n; k++) expect(Math.abs(gram.data[k] - eye.data[k])).toBeLessThan(1e-14);
    }
  });

  it('should give the same matrix for the same stream key and a different one for another', () => {
    const a = randomOrthogonal(4, randomStream(3, 1));
    expect(randomOrthogonal(4, randomStream(3, 1)).data).toEqual(a.data);
    expect(randomOrthogonal(4, randomStream(3, 2)).data).not.toEqual(a.data);
  });

  it('should make the first column of a 2×2 draw uniform on the circle', () => {
    // Haar on O(2): the angle of the first column is uniform on (−π, π]. 20000 draws.
    const stream = randomStream(11);
    const angles = Array.from({ length: 20000 }, () => {
      const q = randomOrthogonal(2, stream).data;
      return Math.atan2(q[2], q[0]);
    });
    expect(ksDistance(angles, (x) => (x + Math.PI) / (2 * Math.PI))).toBeLessThan(ksCritical(angles.length));
  });

  it('should make every fixed entry of a 3×3 draw uniform on [−1, 1] (Archimedes)', () => {
    // Each column (and row) of a Haar matrix is uniform on the sphere S²; one coordinate is then uniform on [−1, 1].
    for (const [i, j] of [
      [0, 0],
      [1, 2],
      [2, 2],
    ]) {
      const sample = entries(3, 12000, i, j);
      expect(ksDistance(sample, (x) => (x + 1) / 2)).toBeLessThan(ksCritical(sample.length));
    }
  });

  it('should give a 5×5 entry the law of one coordinate on S⁴, density (3/4)(1 − x²)', () => {
    // Entry x of a uniform unit vector in R^n has density ∝ (1 − x²)^((n−3)/2); n = 5 integrates to this CDF.
    const cdf = (x: number) => 0.5 + 0.75 * (x - (x * x * x) / 3);
    for (const [i, j] of [
      [0, 0],
      [4, 4],
      [3, 1],
    ]) {
      const sample = entries(5, 8000, i, j);
      expect(ksDistance(sample, cdf)).toBeLessThan(ksCritical(sample.length));
      // E[n Q_ij²] = 1 exactly; n Q_ij² has variance 2(n−1)/(n+2) = 8/7, so with 8000 draws its standard
      // error is 0.012 and 0.05 is four of them.
      const meanSquare = sample.reduce((s, x) => s + 5 * x * x, 0) / sample.length;
      expect(Math.abs(meanSquare - 1)).toBeLessThan(0.05);
    }
  });

  it('should reject a size below 1 or a non-integer, and a stream that is not a RandomStream', () => {
    for (const n of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => randomOrthogonal(n, randomStream(1))).toThrow(InvalidArgumentError);
    }
    expect(() => randomOrthogonal(3, {} as never)).toThrow(InvalidArgumentError);
  });
});
