/**
 * sdeFromExpressions: a one-dimensional SDE with scalar noise, dX = a(X, t) dt + b(X, t) dW (Ito) or
 * b(X, t) o dW (Stratonovich), from the texts of a and b. Both may use the state variable (default 'x'),
 * the time 't' and the given parameters. The problem is plain data plus compiled closures; the derivative
 * Milstein needs, (g . grad) g = b * db/dx for scalar noise in one dimension, is derived symbolically. When
 * db/dx simplifies to 0 the noise is declared additive, so additive-noise methods (sra1) accept the problem.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Interpretation, SdeProblem } from '../sde/types.js';
import { finiteNumber, oneOf, seedValue } from '../validate.js';
import { compileExpression } from './compileExpression.js';
import { differentiate } from './differentiate.js';
import { type ParsedExpression, parseExpression } from './parseExpression.js';

export interface SdeExpressionOptions {
  /** Drift a(x, t), e.g. "-k*x". */
  readonly drift: string;
  /** Diffusion b(x, t), e.g. "0.5*sqrt(1+x^2)". */
  readonly diffusion: string;
  /** Name of the state variable; default 'x'. The time is always 't'. */
  readonly variable?: string;
  readonly parameters?: Readonly<Record<string, number>>;
  /** Default 'ito'. */
  readonly interpretation?: Interpretation;
  readonly x0: number;
  /** Default 0. */
  readonly t0?: number;
  readonly t1: number;
  readonly seed: number;
}

/** The problem, plus the parsed expressions it was compiled from (for reports). */
export interface ExpressionSdeProblem extends SdeProblem {
  readonly expressions: {
    readonly drift: ParsedExpression;
    readonly diffusion: ParsedExpression;
    /** d(diffusion)/d(variable). */
    readonly diffusionSlope: ParsedExpression;
  };
}

export function sdeFromExpressions(options: SdeExpressionOptions): ExpressionSdeProblem {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object {drift, diffusion, x0, t1, seed, ...}');
  }
  const variable = options.variable === undefined ? 'x' : options.variable;
  if (variable === 't') {
    throw new InvalidArgumentError(
      'variable',
      variable,
      "a name other than 't'",
      "'t' is the time; name the state 'x'.",
    );
  }
  const interpretation = oneOf(
    'interpretation',
    options.interpretation === undefined ? 'ito' : options.interpretation,
    ['ito', 'stratonovich'] as const,
  );
  const x0 = finiteNumber('x0', options.x0);
  const t0 = finiteNumber('t0', options.t0 === undefined ? 0 : options.t0);
  const t1 = finiteNumber('t1', options.t1);
  if (!(t1 > t0))
    throw new InvalidArgumentError('t1', t1, `a number > t0 = ${t0}`, 'Integrate forward in time.');
  const seed = seedValue('seed', options.seed);
  const scope = {
    variables: [variable, 't'],
    parameters: options.parameters === undefined ? {} : options.parameters,
  };
  const drift = parseExpression(options.drift, scope);
  const diffusion = parseExpression(options.diffusion, scope);
  const diffusionSlope = differentiate(diffusion, variable);
  const a = compileExpression(drift);
  const b = compileExpression(diffusion);
  const db = compileExpression(diffusionSlope);
  return {
    // Componentwise over arrays of states (see `elementwise`), so ensembles can advance blocks of paths.
    drift: (t, x, out) => {
      for (let i = 0, n = x.length; i < n; i++) out[i] = a(x[i], t);
    },
    diffusion: (t, x, out) => {
      for (let i = 0, n = x.length; i < n; i++) out[i] = b(x[i], t);
    },
    diffusionDerivative: (t, x, out) => {
      for (let i = 0, n = x.length; i < n; i++) out[i] = b(x[i], t) * db(x[i], t);
    },
    elementwise: true,
    // A diffusion whose x-derivative simplifies to 0 is additive noise (methods such as sra1 need to know).
    noise: isZero(diffusionSlope) ? 'additive' : 'scalar',
    interpretation,
    x0: Float64Array.of(x0),
    t0,
    t1,
    seed,
    expressions: { drift, diffusion, diffusionSlope },
  };
}

function isZero(expression: ParsedExpression): boolean {
  return expression.tree.kind === 'number' && expression.tree.value === 0;
}
