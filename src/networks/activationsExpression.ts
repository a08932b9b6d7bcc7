/**
 * User activations from a mathjs expression in z (through the whitelist of src/expressions): σ is compiled to
 * a closure, σ' and σ'' come from the symbolic derivatives. Whether σ is smooth at 0 is read from the
 * expression's kinks (abs, sign, min, max switching at z = 0), so a hand-written ReLU is known to be non-smooth.
 */

import { InvalidArgumentError } from '../errors.js';
import { compileExpression } from '../expressions/compileExpression.js';
import { differentiate } from '../expressions/differentiate.js';
import { isSmoothAt } from '../expressions/isSmoothAt.js';
import { parseExpression } from '../expressions/parseExpression.js';
import { type Activation, pointwiseApply } from './activations.js';
import { builtinActivation, isBuiltinActivation, refuseUnknownActivationName } from './activationsBuiltin.js';

/** The activation σ(z) given by `text`, e.g. 'z + z^2/2' or 'tanh(z) + 0.1*z'. */
export function activationFromExpression(text: string): Activation {
  const parsed = parseExpression(text, { variables: ['z'] });
  const first = differentiate(parsed, 'z');
  const sigma = compileExpression(parsed);
  const derivative = compileExpression(first);
  return {
    name: text,
    expression: text,
    sigma,
    derivative,
    secondDerivative: compileExpression(differentiate(first, 'z')),
    apply: pointwiseApply(sigma, derivative),
    smoothAtZero: isSmoothAt(parsed, 'z', 0).smooth,
    positivelyHomogeneous: false,
  };
}

/** An Activation as given, a built-in by name, or a user activation from an expression in z. */
export function resolveActivation(activation: Activation | string): Activation {
  if (typeof activation === 'object' && activation !== null && typeof activation.apply === 'function') {
    return activation;
  }
  if (typeof activation !== 'string') {
    throw new InvalidArgumentError(
      'activation',
      activation,
      'an Activation, a built-in name or an expression in z',
      "Pass 'tanh' or 'z + z^2/2'.",
    );
  }
  if (isBuiltinActivation(activation)) return builtinActivation(activation);
  refuseUnknownActivationName(activation);
  return activationFromExpression(activation);
}
