/**
 * The one-sample Kolmogorov–Smirnov test of a sample against a fully specified continuous distribution.
 * D_n = sup |F_n − F| = max(D⁺, D⁻) with D⁺ = max_i (i/n − u_(i)) and D⁻ = max_i (u_(i) − (i−1)/n) over
 * the ordered u_(i) = F(x_(i)); the p-value P(D_n ≥ d) comes from `kolmogorovSmirnovTail` (exact or
 * Pelz–Good, see there). The distribution must not have been fitted to the same sample: that makes the
 * test conservative (Lilliefors).
 */
import type { DistributionLike } from './distribution.js';
import { type KolmogorovSmirnovMethod, kolmogorovSmirnovTail } from './kolmogorovSmirnovSf.js';
import { probabilityTransform } from './probabilityTransform.js';

export interface KolmogorovSmirnovResult {
  test: 'kolmogorov-smirnov';
  /** D_n = max(dPlus, dMinus). */
  statistic: number;
  dPlus: number;
  dMinus: number;
  /** P(D_n ≥ statistic) under the hypothesis. */
  pValue: number;
  n: number;
  distribution: string;
  method: KolmogorovSmirnovMethod;
}

/** D⁺, D⁻ and D from ordered probabilities u_(1) ≤ … ≤ u_(n). */
export function kolmogorovSmirnovDistance(u: Float64Array): { d: number; dPlus: number; dMinus: number } {
  const n = u.length;
  let dPlus = 0;
  let dMinus = 0;
  for (let i = 0; i < n; i++) {
    dPlus = Math.max(dPlus, (i + 1) / n - u[i]);
    dMinus = Math.max(dMinus, u[i] - i / n);
  }
  return { d: Math.max(dPlus, dMinus), dPlus, dMinus };
}

/** Tests whether `sample` (finite numbers, n ≥ 1) is drawn from `distribution`. */
export function kolmogorovSmirnovTest(
  sample: unknown,
  distribution: DistributionLike,
): KolmogorovSmirnovResult {
  const { u, distribution: dist } = probabilityTransform(sample, distribution);
  const { d, dPlus, dMinus } = kolmogorovSmirnovDistance(u);
  const { pValue, method } = kolmogorovSmirnovTail(u.length, d);
  return {
    test: 'kolmogorov-smirnov',
    statistic: d,
    dPlus,
    dMinus,
    pValue,
    n: u.length,
    distribution: dist.name,
    method,
  };
}
