/**
 * SDE methods by name (the `name` each declares: eulerMaruyama, milstein, stochasticHeun, sra1), so that a
 * worker thread can rebuild the method an ensemble asked for from a string.
 */
import { InvalidArgumentError } from '../errors.js';
import { methods } from './methods/index.js';
import type { SdeMethod } from './types.js';

const factories = new Map<string, () => SdeMethod>(methods.map((factory) => [factory().name, factory]));

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
