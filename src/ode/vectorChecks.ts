/** Allocation-free scans of a state vector used by the steppers and the driver after each step. */

/** True when the first `dim` entries of v are all finite. */
export function allFinite(v: Float64Array, dim: number): boolean {
  for (let i = 0; i < dim; i++) {
    if (!Number.isFinite(v[i])) return false;
  }
  return true;
}

/** max_i |v_i| over the first `dim` entries; NaN when any entry is NaN. */
export function maxAbs(v: Float64Array, dim: number): number {
  let m = 0;
  for (let i = 0; i < dim; i++) {
    const a = Math.abs(v[i]);
    if (Number.isNaN(a)) return a;
    if (a > m) m = a;
  }
  return m;
}
