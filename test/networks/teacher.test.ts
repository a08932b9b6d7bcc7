import { describe, expect, it } from 'vitest';
import { identity, matmulTransA, svd, zeros } from '../../src/linalg/index.js';
import { createTeacher, modeStrengths } from '../../src/networks/index.js';

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe('createTeacher', () => {
  it('should build W* with exactly the prescribed singular values and orthonormal singular vectors', () => {
    const s = [4, 2, 1];
    const teacher = createTeacher({ dIn: 8, dOut: 6, singularValues: s, seed: 9 });
    const dec = svd(teacher.w);
    // Singular values of U diag(s) Vᵀ with orthonormal U, V: exact up to backward-stable rounding (k·ε·s_1).
    expect(maxAbsDiff(dec.s, new Float64Array([4, 2, 1, 0, 0, 0]))).toBeLessThan(100 * Number.EPSILON * 4);
    // Orthonormal columns from a Haar matrix: ‖UᵀU − I‖ at the 1e-15 level.
    expect(maxAbsDiff(matmulTransA(teacher.u, teacher.u, zeros(3, 3)).data, identity(3).data)).toBeLessThan(
      1e-14,
    );
    expect(maxAbsDiff(matmulTransA(teacher.v, teacher.v, zeros(3, 3)).data, identity(3).data)).toBeLessThan(
      1e-14,
    );
    // u_kᵀ W* v_k = s_k: the modes are read back exactly up to rounding.
    expect(maxAbsDiff(modeStrengths(teacher, teacher.w), new Float64Array(s))).toBeLessThan(
      100 * Number.EPSILON * 4,
    );
  });

  it('should be reproducible from its seed and path and change with either', () => {
    const base = { dIn: 5, dOut: 5, singularValues: [1, 0.5], seed: 4 };
    const a = createTeacher(base).w.data;
    expect(createTeacher(base).w.data).toEqual(a);
    expect(createTeacher({ ...base, seed: 5 }).w.data).not.toEqual(a);
    expect(createTeacher({ ...base, path: 1 }).w.data).not.toEqual(a);
  });

  it('should reject singular values that are negative, NaN, increasing, empty or too many', () => {
    const bad: unknown[] = [[], [-1], [Number.NaN], [1, 2], [Number.POSITIVE_INFINITY], [3, 2, 1, 0.5], 'x'];
    for (const singularValues of bad) {
      expect(() =>
        createTeacher({ dIn: 3, dOut: 4, singularValues: singularValues as number[], seed: 1 }),
      ).toThrow(/singularValues/);
    }
  });
});
