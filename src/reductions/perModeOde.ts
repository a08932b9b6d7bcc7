/**
 * The per-mode ODE du_k/dt = L u_k^{2−2/L} (s_k − u_k) for several independent modes, integrated in log
 * coordinates (solveOdeLog): the strengths start at ε^L, which for L = 4 and ε = 1e-3 is 1e-12, so error control
 * must be relative (THEORY.md §0.3, accuracy note). In z = ln u the equation is
 *   dz_k/dt = L u_k^{1−2/L} (s_k − u_k) = L e^{(1−2/L) z_k} (s_k − e^{z_k}),
 * written out as the problem's logRhs so no division by u is formed.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { dopri5 } from '../ode/dopri5.js';
import { type LogOdeProblem, solveOdeLog } from '../ode/solveOdeLog.js';
import type { OdeEvent, OdeMethod, OdeSolution } from '../ode/types.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate.js';
import { MAX_PER_MODE_DEPTH } from './perModeClosedForm.js';

export interface PerModeProblemOptions {
  readonly depth: number;
  /** Teacher singular values s_k > 0, one per mode. */
  readonly s: readonly number[] | Float64Array;
  /** Initial strengths u_k(0) > 0 (for aligned, balanced weights at per-layer scale a_k: a_k^L). */
  readonly u0: readonly number[] | Float64Array;
  /** End time t1 > 0 (the solve starts at 0). */
  readonly t1: number;
}

export interface SolvePerModeOptions extends PerModeProblemOptions {
  /** Relative tolerance on every u_k (default 1e-12). */
  readonly rtol?: number;
  /** Save times in [0, t1], strictly increasing (default: the end of every step). */
  readonly saveAt?: readonly number[];
  readonly events?: readonly OdeEvent[];
  /** Default dopri5(). */
  readonly method?: OdeMethod;
  readonly maxSteps?: number;
}

/** The problem in both coordinates; validates once. */
export function perModeProblem(options: PerModeProblemOptions): LogOdeProblem {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object {depth, s, u0, t1}');
  }
  const L = integerInRange('depth', options.depth, 2, MAX_PER_MODE_DEPTH);
  const s = finiteVector('s', options.s);
  const u0 = finiteVector('u0', options.u0);
  if (s.length !== u0.length) {
    throw new DimensionMismatchError(
      `perModeProblem: ${s.length} singular values but ${u0.length} initial strengths. Give one u0 per mode.`,
    );
  }
  for (let k = 0; k < s.length; k++) {
    positiveNumber(`s[${k}]`, s[k]);
    positiveNumber(`u0[${k}]`, u0[k]);
  }
  const t1 = positiveNumber('t1', options.t1);
  const power = 2 - 2 / L;
  const logPower = 1 - 2 / L;
  return {
    rhs: (_t, u, out) => {
      for (let k = 0; k < u.length; k++) out[k] = L * u[k] ** power * (s[k] - u[k]);
    },
    logRhs: (_t, z, out) => {
      for (let k = 0; k < z.length; k++) out[k] = L * Math.exp(logPower * z[k]) * (s[k] - Math.exp(z[k]));
    },
    y0: u0,
    t0: 0,
    t1,
  };
}

/** Integrates the modes from u0 to t1 in log coordinates; the solution carries its status. */
export function solvePerMode(options: SolvePerModeOptions): OdeSolution {
  const problem = perModeProblem(options);
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-12);
  return solveOdeLog(problem, options.method ?? dopri5(), {
    rtol,
    ...(options.saveAt === undefined ? {} : { saveAt: options.saveAt }),
    ...(options.events === undefined ? {} : { events: options.events }),
    ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
  });
}
