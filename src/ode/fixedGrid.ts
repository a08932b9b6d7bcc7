/**
 * The grid of a fixed-step method: steps of dt from t0 whose last step ends exactly at t1. Step k ends at
 * t0 + (k + 1) dt, computed by multiplication so that rounding does not accumulate over many steps.
 */

/** Number of steps covering [t0, t1]: (t1 - t0) / dt, or its ceiling when dt does not divide the interval. */
export function fixedStepCount(t0: number, t1: number, dt: number): number {
  const ratio = (t1 - t0) / dt;
  const nearest = Math.round(ratio);
  // A ratio within the rounding error of the division (a few eps relative) of an integer means dt divides
  // the interval; rounding it up would add a last step of length ~1e-15 dt.
  if (nearest >= 1 && Math.abs(ratio - nearest) <= 64 * Number.EPSILON * ratio) return nearest;
  return Math.max(1, Math.ceil(ratio));
}

/** The end time of step k (0-based) of n: exactly t1 for the last. */
export function fixedStepEnd(t0: number, t1: number, dt: number, k: number, n: number): number {
  return k + 1 >= n ? t1 : t0 + (k + 1) * dt;
}
