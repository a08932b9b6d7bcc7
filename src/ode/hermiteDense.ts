/**
 * Dense output on one step [t, t + h] in the nested form of Hairer, Norsett & Wanner (Solving ODEs I, II.6):
 *
 *   y(t + theta h) = r1 + theta (r2 + (1 - theta) (r3 + theta (r4 + (1 - theta) r5)))
 *
 * with r1 = y_old, r2 = y_new - y_old, r3 = h f_old - r2, r4 = r2 - h f_new - r3. With r5 = 0 this is the
 * cubic Hermite interpolant of the end values and derivatives; Dormand-Prince adds r5 for its order-4
 * continuous extension. The coefficients live in one Float64Array of length 5 dim, block k at k dim.
 */

/** Writes the Hermite blocks r1..r4 and clears r5. */
export function hermiteCoefficients(
  coef: Float64Array,
  dim: number,
  h: number,
  yOld: Float64Array,
  fOld: Float64Array,
  yNew: Float64Array,
  fNew: Float64Array,
): void {
  for (let i = 0; i < dim; i++) {
    const yDiff = yNew[i] - yOld[i];
    const bspl = h * fOld[i] - yDiff;
    coef[i] = yOld[i];
    coef[dim + i] = yDiff;
    coef[2 * dim + i] = bspl;
    coef[3 * dim + i] = yDiff - h * fNew[i] - bspl;
    coef[4 * dim + i] = 0;
  }
}

/** Evaluates the dense output at theta in [0, 1] into out. */
export function evaluateDense(coef: Float64Array, dim: number, theta: number, out: Float64Array): void {
  const theta1 = 1 - theta;
  for (let i = 0; i < dim; i++) {
    const r5 = coef[4 * dim + i];
    const r4 = coef[3 * dim + i];
    const r3 = coef[2 * dim + i];
    out[i] = coef[i] + theta * (coef[dim + i] + theta1 * (r3 + theta * (r4 + theta1 * r5)));
  }
}
