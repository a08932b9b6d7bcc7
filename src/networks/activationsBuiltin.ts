/**
 * The built-in activations. Each closure is written to stay accurate where a network near its saddle evaluates
 * it, at tiny |z| (GELU uses Φ with full relative accuracy, erf is Cody's rational form x·R(x²) near 0) and in the
 * tails (the logistic derivative is e^{−|z|}/(1 + e^{−|z|})², which never forms 1 − σ for large z, and 1 − 2σ(z)
 * is written −tanh(z/2), which keeps its digits at small z).
 */
import { normalCdf, normalPdf } from '../analysis/normal.js';
import { InvalidArgumentError } from '../errors.js';
import { erf } from '../expressions/erf.js';
import { CONSTANTS } from '../expressions/functions.js';
import type { Activation, ScalarFunction } from './activations.js';
import { pointwiseApply } from './activations.js';

function define(
  name: string,
  expression: string,
  sigma: ScalarFunction,
  derivative: ScalarFunction,
  secondDerivative: ScalarFunction,
  apply: Activation['apply'] = pointwiseApply(sigma, derivative),
  homogeneous = false,
): Activation {
  return {
    name,
    expression,
    sigma,
    derivative,
    secondDerivative,
    apply,
    smoothAtZero: name !== 'relu',
    positivelyHomogeneous: homogeneous,
  };
}

/** Logistic function 1/(1 + e^{−z}), without overflow for either sign. */
function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ'(z) = σ(z)σ(−z) = e^{−|z|}/(1 + e^{−|z|})². */
function logisticSlope(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}

/** erf'(z) = (2/√π) e^{−z²}. */
const erfDerivative: ScalarFunction = (z) => 1.1283791670955126 * Math.exp(-z * z);
const gelu: ScalarFunction = (z) => z * normalCdf(z);
const silu: ScalarFunction = (z) => z * logistic(z);

const linear = define(
  'linear',
  'z',
  (z) => z,
  () => 1,
  () => 0,
  (z, h, s, n) => {
    for (let i = 0; i < n; i++) {
      h[i] = z[i];
      s[i] = 1;
    }
  },
  true,
);

const relu = define(
  'relu',
  'max(z, 0)',
  (z) => Math.max(z, 0),
  (z) => (z > 0 ? 1 : 0),
  () => 0,
  (z, h, s, n) => {
    for (let i = 0; i < n; i++) {
      const positive = z[i] > 0;
      h[i] = positive ? z[i] : 0;
      s[i] = positive ? 1 : 0;
    }
  },
  true,
);

const tanh = define(
  'tanh',
  'tanh(z)',
  Math.tanh,
  (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
  (z) => {
    const t = Math.tanh(z);
    return -2 * t * (1 - t * t);
  },
  (z, h, s, n) => {
    for (let i = 0; i < n; i++) {
      const t = Math.tanh(z[i]);
      h[i] = t;
      s[i] = 1 - t * t;
    }
  },
);

export const BUILTIN_ACTIVATIONS = {
  linear,
  relu,
  tanh,
  erf: define('erf', 'erf(z)', erf, erfDerivative, (z) => -2 * z * erfDerivative(z)),
  sin: define('sin', 'sin(z)', Math.sin, Math.cos, (z) => -Math.sin(z)),
  gelu: define(
    'gelu',
    'z * (1 + erf(z / sqrt(2))) / 2',
    gelu,
    (z) => normalCdf(z) + z * normalPdf(z),
    (z) => normalPdf(z) * (2 - z * z),
  ),
  silu: define(
    'silu',
    'z / (1 + exp(-z))',
    silu,
    (z) => logistic(z) + z * logisticSlope(z),
    (z) => logisticSlope(z) * (2 - z * Math.tanh(z / 2)),
  ),
  sigmoid: define('sigmoid', '1 / (1 + exp(-z))', logistic, logisticSlope, (z) => {
    return -logisticSlope(z) * Math.tanh(z / 2);
  }),
  softplus: define(
    'softplus',
    'log(1 + exp(z))',
    (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
    logistic,
    logisticSlope,
  ),
} as const satisfies Record<string, Activation>;

export type BuiltinActivationName = keyof typeof BUILTIN_ACTIVATIONS;

export function isBuiltinActivation(name: unknown): name is BuiltinActivationName {
  return typeof name === 'string' && Object.hasOwn(BUILTIN_ACTIVATIONS, name);
}

/**
 * Throws for a lone name that is neither a built-in nor an expression in z ('Tanh', 'swish'): read as an
 * expression it would only be 'unknown symbol', which does not say that built-in names exist.
 */
export function refuseUnknownActivationName(text: string): void {
  if (
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) &&
    !isBuiltinActivation(text) &&
    text !== 'z' &&
    !CONSTANTS.has(text)
  ) {
    throw new InvalidArgumentError(
      'activation',
      text,
      `a built-in name (${Object.keys(BUILTIN_ACTIVATIONS).join(', ')}) or an expression in z`,
      "Correct the spelling, or write the activation as a formula in z such as 'z/(1+exp(-z))'.",
    );
  }
}

/** The built-in activation of that name: linear, relu, tanh, erf, sin, gelu, silu, sigmoid or softplus. */
export function builtinActivation(name: string): Activation {
  if (!isBuiltinActivation(name)) {
    throw new InvalidArgumentError(
      'activation',
      name,
      `one of ${Object.keys(BUILTIN_ACTIVATIONS).join(', ')}`,
      'Or build one from an expression in z with activationFromExpression.',
    );
  }
  return BUILTIN_ACTIVATIONS[name];
}
