/**
 * Divergence of a matrix field by central differences: (div D)_i = sum_j dD_ij/dx_j, the term T div D that
 * makes the overdamped Langevin SDE with state-dependent diffusion D preserve exp(-U/T).
 *
 * Error. With h_j = step * max(1, |x_j|), each partial derivative carries a truncation error
 * (h_j^2 / 6) |d^3 D_ij / dx_j^3| and a rounding error about eps |D_ij| / h_j. The default step eps^(1/3)
 * (about 6e-6) balances the two for a field whose third derivative is of the size of the field, giving a
 * relative error of order eps^(2/3), about 4e-11, per entry. In the SDE the drift error is T times this, so the
 * stationary density is perturbed by a relative amount of the same order: far below the O(dt) bias of
 * Euler-Maruyama. A field with much larger third derivatives (fast oscillations on the scale h) needs its
 * divergence supplied in closed form.
 */
import type { MatrixField, StateField } from './types.js';

/** eps^(1/3): the step that balances truncation (h^2) and rounding (eps/h) in a central difference. */
export const DEFAULT_DIVERGENCE_STEP = Math.cbrt(2 ** -52);

/**
 * Returns a field x -> div D(x) computed with 2d evaluations of D. The returned function owns its scratch
 * (allocated here, once), so it does not allocate per call; it changes x during the call and restores it.
 */
export function finiteDifferenceDivergence(
  diffusion: MatrixField,
  d: number,
  step = DEFAULT_DIVERGENCE_STEP,
): StateField {
  const plus = new Float64Array(d * d);
  const minus = new Float64Array(d * d);
  return (x: Float64Array, out: Float64Array): void => {
    out.fill(0, 0, d);
    for (let j = 0; j < d; j++) {
      const xj = x[j];
      const raw = step * Math.max(1, Math.abs(xj));
      // Make x_j +- h exact in floating point, so the quotient divides by the step really taken.
      const h = xj + raw - xj;
      x[j] = xj + h;
      diffusion(x, plus);
      x[j] = xj - h;
      diffusion(x, minus);
      x[j] = xj;
      const inverse = 1 / (2 * h);
      for (let i = 0; i < d; i++) out[i] += (plus[i * d + j] - minus[i * d + j]) * inverse;
    }
  };
}
