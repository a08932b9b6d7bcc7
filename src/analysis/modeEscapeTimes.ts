/**
 * Escape times read off a saved trajectory: mode k escapes at the first time its strength u_k = u_kᵀ W v_k
 * reaches frac·s_k, linearly interpolated between the two saved points that bracket the crossing. The error is
 * that of linear interpolation of a smooth sigmoid over one save interval, so save densely around the drops (or
 * locate the crossings with solver events, as gradientFlowEscapes does).
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { finiteVector } from '../validate.js';

/**
 * Escape time of each mode from save times t (length n) and strengths (n × r, row k holding u_1..u_r at t_k);
 * null for a mode that never reaches frac·s_k. The strengths may be NaN after a failed run; a crossing is only
 * taken between finite values.
 */
export function modeEscapeTimes(
  t: Float64Array | readonly number[],
  strengths: Float64Array | readonly number[],
  singularValues: Float64Array | readonly number[],
  frac = 0.5,
): (number | null)[] {
  const times = finiteVector('t', t);
  const s = finiteVector('singularValues', singularValues);
  const r = s.length;
  if (!(strengths instanceof Float64Array) && !Array.isArray(strengths)) {
    throw new InvalidArgumentError('strengths', strengths, 'an array of n·r numbers');
  }
  if (strengths.length !== times.length * r) {
    throw new DimensionMismatchError(
      `modeEscapeTimes: ${times.length} times and ${r} modes need ${times.length * r} strengths; received ` +
        `${strengths.length}. Store them row by row, one row per saved time.`,
    );
  }
  if (typeof frac !== 'number' || !(frac > 0 && frac < 1)) {
    throw new InvalidArgumentError('frac', frac, 'a number in (0, 1)');
  }
  return Array.from({ length: r }, (_, k) => {
    const level = frac * s[k];
    for (let j = 0; j < times.length; j++) {
      const u = strengths[j * r + k];
      if (!(u >= level)) continue;
      if (j === 0) return times[0];
      const before = strengths[(j - 1) * r + k];
      if (!Number.isFinite(before)) return times[j];
      return times[j - 1] + ((level - before) / (u - before)) * (times[j] - times[j - 1]);
    }
    return null;
  });
}
