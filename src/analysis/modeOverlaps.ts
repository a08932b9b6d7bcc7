/**
 * Projections of an end-to-end map W on the teacher's singular modes: O_jk = u_jᵀ W v_k (an r × r matrix). Its
 * diagonal holds the mode strengths; the off-diagonal part is the misalignment that random initialization adds
 * and aligned initialization keeps at exactly zero.
 */
import { DimensionMismatchError } from '../errors.js';
import { frobeniusNorm } from '../linalg/frobenius.js';
import { type Mat, zeros } from '../linalg/mat.js';
import { matmul, matmulTransA } from '../linalg/matmul.js';
import type { Teacher } from '../networks/teacher.js';

/** Uᵀ W V, r × r. */
export function modeOverlaps(teacher: Teacher, w: Mat): Mat {
  if (w.rows !== teacher.dOut || w.cols !== teacher.dIn) {
    throw new DimensionMismatchError(
      `modeOverlaps: W must be ${teacher.dOut}×${teacher.dIn} like the teacher; received ${w.rows}×${w.cols}.`,
    );
  }
  const r = teacher.s.length;
  const uw = matmulTransA(teacher.u, w, zeros(r, teacher.dIn));
  return matmul(uw, teacher.v, zeros(r, r));
}

/** ‖off-diagonal of UᵀWV‖_F / ‖diagonal‖ (0 for an aligned map; NaN when the diagonal is 0). */
export function misalignment(overlaps: Mat): number {
  const diagonal = zeros(1, overlaps.rows);
  const off = zeros(overlaps.rows, overlaps.cols);
  for (let i = 0; i < overlaps.rows; i++) {
    for (let j = 0; j < overlaps.cols; j++) {
      const value = overlaps.data[i * overlaps.cols + j];
      if (i === j) diagonal.data[i] = value;
      else off.data[i * overlaps.cols + j] = value;
    }
  }
  const d = frobeniusNorm(diagonal);
  return d > 0 ? frobeniusNorm(off) / d : Number.NaN;
}
