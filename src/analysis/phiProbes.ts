/**
 * φ_σ(z) = zσ′(z) − σ(z) at probe points, each with the rounding-error bound of `evaluateWithBound`, and a
 * status that keeps numerical trouble apart from an answer:
 *   zero        |φ| within its bound, with σ or zσ′ a normal number: the two terms cancel there;
 *   nonzero     |φ| above its bound;
 *   not-finite  σ, σ′ or φ is NaN or infinite there (overflow, or σ not real there);
 *   underflow   σ and zσ′ are both below the smallest normal number: a 0 there says nothing.
 */
import { MIN_NORMAL } from '../expressions/coefficient.js';
import { arithmetic, evaluateWithBound } from '../expressions/evaluateWithBound.js';
import type { Expr } from '../expressions/expr.js';

export type PhiProbeStatus = 'zero' | 'nonzero' | 'not-finite' | 'underflow';

export interface PhiProbe {
  readonly z: number;
  readonly status: PhiProbeStatus;
  /** φ(z) as computed. */
  readonly value: number;
  /** Bound on its rounding error. */
  readonly bound: number;
}

/** φ at each point, from the trees of σ and σ′ in the single variable z. */
export function phiProbes(sigma: Expr, derivative: Expr, points: readonly number[]): PhiProbe[] {
  return points.map((z) => {
    const s = evaluateWithBound(sigma, [z]);
    const d = evaluateWithBound(derivative, [z]);
    const t = arithmetic('*', { value: z, bound: 0 }, d);
    const { value, bound } = arithmetic('-', t, s);
    const status: PhiProbeStatus = ![s.value, s.bound, d.value, d.bound, value].every(Number.isFinite)
      ? 'not-finite'
      : Math.max(Math.abs(t.value), Math.abs(s.value)) < MIN_NORMAL
        ? 'underflow'
        : Math.abs(value) > bound
          ? 'nonzero'
          : 'zero';
    return { z, status, value, bound };
  });
}
