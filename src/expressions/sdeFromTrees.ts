/**
 * sdeFromTrees: the problem of sdeFromExpressions, built from expression trees that were already parsed and
 * checked, without the parser. Worker threads rebuild command-line problems through it: loading the parser
 * (mathjs) takes over a second per thread, compiling a tree well under a millisecond. The trees are plain data,
 * and compileTree admits only the whitelisted node kinds, variable indices and functions, so a tree received
 * from another thread is as safe to compile as one from the parser.
 */
import type { Interpretation, SdeProblem } from '../sde/types.js';
import { compileTree } from './compileExpression.js';
import type { Expr } from './expr.js';

export interface SdeTreeOptions {
  /** a(x, t), b(x, t) and db/dx over the variables (x, t): variable 0 is the state, variable 1 the time. */
  readonly drift: Expr;
  readonly diffusion: Expr;
  readonly diffusionSlope: Expr;
  readonly interpretation: Interpretation;
  readonly x0: number;
  readonly t0: number;
  readonly t1: number;
  readonly seed: number;
}

export function sdeFromTrees(options: SdeTreeOptions): SdeProblem {
  const a = compileTree(options.drift, 2);
  const b = compileTree(options.diffusion, 2);
  const db = compileTree(options.diffusionSlope, 2);
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
    noise: isZero(options.diffusionSlope) ? 'additive' : 'scalar',
    interpretation: options.interpretation,
    x0: Float64Array.of(options.x0),
    t0: options.t0,
    t1: options.t1,
    seed: options.seed,
  };
}

function isZero(tree: Expr): boolean {
  return tree.kind === 'number' && tree.value === 0;
}
