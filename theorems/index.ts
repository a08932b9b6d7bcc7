/** The registry of theorems: one file per prediction, listed here. */
import { InvalidArgumentError } from '../src/errors.js';
import { integratorOrderTheorems } from './integratorOrders.js';
import { rawalClassBCollapse } from './rawal-class-b-collapse.js';
import { rawalClassCExponent } from './rawal-class-c-exponent.js';
import { rawalCriticalDepth } from './rawal-critical-depth.js';
import { rawalDepthIndependence } from './rawal-depth-independence.js';
import { rawalImbalanceIdentity } from './rawal-imbalance-identity.js';
import { rawalInvariantManifold } from './rawal-invariant-manifold.js';
import { rawalOffManifold } from './rawal-off-manifold.js';
import { rawalScalarLaw } from './rawal-scalar-law.js';
import { rawalScalarReduction } from './rawal-scalar-reduction.js';
import type { AnyTheorem } from './theorem.js';

export type { AnyTheorem, Budget, Comparison, MeasureContext, Measurement, Theorem } from './theorem.js';

export const theorems: readonly AnyTheorem[] = [
  ...integratorOrderTheorems('strong'),
  rawalImbalanceIdentity,
  rawalInvariantManifold,
  rawalScalarLaw,
  rawalScalarReduction,
  rawalCriticalDepth,
  rawalDepthIndependence,
  rawalClassBCollapse,
  rawalClassCExponent,
  rawalOffManifold,
];

export function findTheorem(id: string, registry: readonly AnyTheorem[] = theorems): AnyTheorem {
  const found = registry.find((t) => t.id === id);
  if (!found) {
    const known = registry.map((t) => t.id).join(', ') || '(none)';
    throw new InvalidArgumentError(
      'theorem id',
      id,
      `one of the registered theorems: ${known}`,
      "Run 'saddlecheck list'.",
    );
  }
  return found;
}
