/**
 * User activations from a mathjs expression in z.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Activation } from './activations.js';
import { builtinActivation, isBuiltinActivation } from './activationsBuiltin.js';

/** An Activation as given, a built-in by name, or a user activation from an expression in z. */
export function resolveActivation(activation: Activation | string): Activation {
  if (typeof activation === 'object' && activation !== null && typeof activation.apply === 'function') {
    return activation;
  }
  if (isBuiltinActivation(activation)) return builtinActivation(activation);
  throw new InvalidArgumentError('activation', activation, 'a built-in name');
}
