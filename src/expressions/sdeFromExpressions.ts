/**
 * sdeFromExpressions: a one-dimensional SDE with scalar noise, dX = a(X, t) dt + b(X, t) dW (Ito) or
 * b(X, t) o dW (Stratonovich), from the texts of a and b. Both may use the state variable (default 'x'),
 * the time 't' and the given parameters. The problem is plain data plus compiled closures; the derivative
 * Milstein needs, (g . grad) g = b * db/dx for scalar noise in one dimension, is derived symbolically. When
 * db/dx simplifies to 0 the noise is declared additive, so additive-noise methods (sra1) accept the problem.
 * The closures come from sdeFromTrees, which worker threads use to rebuild the problem without the parser.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Interpretation, SdeProblem } from '../sde/types.js';
import { finiteNumber, intervalEnd, oneOf, seedValue } from '../validate.js';
import { differentiate } from './differentiate.js';
import { type ParsedExpression, parseExpression } from './parseExpression.js';
import { type SdeTreeOptions, sdeFromTrees } from './sdeFromTrees.js';

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
  /** The arguments with which sdeFromTrees rebuilds this problem without the parser (for worker threads). */
  readonly trees: SdeTreeOptions;
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
  const t1 = intervalEnd('t1', options.t1, t0);
  const seed = seedValue('seed', options.seed);
  const scope = {
    variables: [variable, 't'],
    parameters: options.parameters === undefined ? {} : options.parameters,
  };
  const drift = parseExpression(options.drift, scope);
  const diffusion = parseExpression(options.diffusion, scope);
  const diffusionSlope = differentiate(diffusion, variable);
  const trees = {
    drift: drift.tree,
    diffusion: diffusion.tree,
    diffusionSlope: diffusionSlope.tree,
    interpretation,
    x0,
    t0,
    t1,
    seed,
  };
  return { ...sdeFromTrees(trees), expressions: { drift, diffusion, diffusionSlope }, trees };
}
