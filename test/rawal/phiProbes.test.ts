import { describe, expect, it } from 'vitest';
import { phiProbes } from '../../src/analysis/phiProbes.js';
import { differentiate } from '../../src/expressions/differentiate.js';
import { parseExpression } from '../../src/expressions/parseExpression.js';

const probe = (sigma: string, points: number[]) => {
  const parsed = parseExpression(sigma, { variables: ['z'] });
  return phiProbes(parsed.tree, differentiate(parsed, 'z').tree, points);
};

describe('phiProbes', () => {
  it('should find φ = 0 for a linear σ and φ = 2z³ for σ = z³, within the rounding bound', () => {
    expect(probe('3*z', [-1.3, 0.5]).map((p) => p.status)).toEqual(['zero', 'zero']);
    const [cube] = probe('z^3', [1.3]);
    expect(cube.status).toBe('nonzero');
    // φ = 3z³ − z³ = 2z³: a few roundings of numbers near 6.6, well inside 1e-14.
    expect(Math.abs(cube.value - 2 * 1.3 ** 3)).toBeLessThan(1e-14);
    expect(cube.bound).toBeLessThan(1e-14);
  });

  it('should report overflow and NaN as not finite, never as zero', () => {
    // cosh(1.3^40) = cosh(36118...) overflows, and Infinity − Infinity is NaN; cosh² − sinh² = 1 in exact terms.
    expect(probe('z*cosh(z^40)^2 - z*sinh(z^40)^2', [1.3])[0].status).toBe('not-finite');
    // z^0.5 is not real for z < 0.
    expect(probe('z^0.5', [-0.5])[0].status).toBe('not-finite');
  });

  it('should report σ and zσ′ below the smallest normal number as underflow, not as zero', () => {
    // 1e-300 · 0.5^40 ≈ 9.1e-313 and 40 times that: both subnormal; φ = 39e-300 z^40 ≠ 0 in exact terms.
    const [tiny] = probe('1e-300*z^40', [0.5]);
    expect(tiny.status).toBe('underflow');
    // 0.3^1000 is 1e-523, 0 in floating point.
    expect(probe('sin(z)^1000', [0.3])[0].status).toBe('underflow');
  });
});
