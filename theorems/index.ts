/** The registry of theorems: one file per prediction, listed here. */
import { InvalidArgumentError } from '../src/errors.js';
import { integratorOrderTheorems } from './integratorOrders.js';
import type { AnyTheorem } from './theorem.js';

export type { AnyTheorem, Budget, Comparison, MeasureContext, Measurement, Theorem } from './theorem.js';

export const theorems: readonly AnyTheorem[] = [...integratorOrderTheorems('strong')];

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
