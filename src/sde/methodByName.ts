/**
 * SDE methods by name, so that a worker thread can rebuild the method an ensemble asked for. Each entry is a
 * factory: a method allocates nothing until `createStepper`, so building one per thread is cheap.
 */
import { InvalidArgumentError } from '../errors.js';
import type { SdeMethod } from './types.js';

const factories = new Map<string, () => SdeMethod>();

/** Names accepted by `methodByName`, in registration order. */
export function methodNames(): string[] {
  return [...factories.keys()];
}

/** The method registered under `name`; throws InvalidArgumentError listing the known names otherwise. */
export function methodByName(name: string): SdeMethod {
  const factory = factories.get(name);
  if (factory === undefined) {
    const known = methodNames();
    throw new InvalidArgumentError(
      'method',
      name,
      known.length > 0
        ? `one of ${known.join(', ')}`
        : 'the name of a registered method (none is registered)',
      'Or pass { module, export, args } naming a factory that returns an SdeMethod.',
    );
  }
  return factory();
}
