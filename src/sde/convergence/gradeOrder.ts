/**
 * The verdict on a declared convergence order, as an equivalence test: confirmed when the 95% interval lies
 * within the declared order ±0.15 (so it is narrower than ±0.15 and near the declaration), refuted when the 99.9%
 * interval lies wholly outside that band, inconclusive otherwise (with the factor by which the paths must grow).
 */
import type { OrderEstimate } from '../../analysis/convergenceOrder.js';
import { type Comparison, judge, type Verdict } from '../../analysis/verdict.js';

export const ORDER_COMPARISON: Comparison = {
  kind: 'tolerance',
  tolerance: 0.15,
  relative: false,
  why: 'orders in play differ by 0.5, so ±0.15 separates them with room for the next term of the expansion',
};

export function gradeOrder(declared: number, estimate: OrderEstimate): Verdict {
  return judge(
    declared,
    { value: estimate.estimate, ci95: estimate.ci95, ci999: estimate.ci999, samples: estimate.paths },
    ORDER_COMPARISON,
  );
}
