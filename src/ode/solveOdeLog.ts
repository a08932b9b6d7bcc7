/**
 * solveOdeLog: solveOde in log coordinates for states that stay positive. It integrates z = ln y,
 *
 *   dz_i/dt = f_i(t, e^z) / e^{z_i},
 *
 * and maps back, so a state that starts at 1e-12 and grows to O(1) is as easy as one that stays O(1), and
 * cannot cross 0 by a numerical overshoot. Error control is on z: since |dz| = |dy| / y, an absolute
 * tolerance of rtol on z is a relative tolerance of rtol on y, so `rtol` keeps its meaning and `atol` is not
 * used. Events, save times, blowUpBound and the output are all in the original coordinates y.
 *
 * A problem may also give `logRhs(t, z, out)`, the equation already written for z (for the per-layer scale
 * of a deep linear network, d ln a/dt = a^{L-2} (s - a^L)). It is then used in place of f(t, e^z) / e^z,
 * which saves an exponential and a division per component and evaluation; it must be that same function.
 */
import { InvalidArgumentError } from '../errors.js';
import { functionValue } from '../validate.js';
import { runOde } from './runOde.js';
import type { OdeMethod, OdeOptions, OdeProblem, OdeRhs, OdeSolution, OdeSystem } from './types.js';
import { resolveOdeOptions, validateOdeMethod, validateOdeProblem } from './validateOdeInput.js';

/** An ODE for a positive state, optionally with its right-hand side in z = ln y written out. */
export interface LogOdeProblem extends OdeProblem {
  /** dz/dt as a function of z = ln y; must equal f_i(t, e^z) / e^{z_i}. */
  readonly logRhs?: OdeRhs;
}

export function solveOdeLog(
  problem: LogOdeProblem,
  method: OdeMethod,
  options: OdeOptions = {},
): OdeSolution {
  const system = validateOdeProblem(problem);
  const given =
    problem.logRhs === undefined ? undefined : functionValue<OdeRhs>('problem.logRhs', problem.logRhs);
  validateOdeMethod(method);
  const { rhs, y0, t0, t1, dim } = system;
  for (let i = 0; i < dim; i++) {
    if (!(y0[i] > 0)) {
      throw new InvalidArgumentError(
        `problem.y0[${i}]`,
        y0[i],
        'a number > 0 in log coordinates',
        'Use solveOde for states that can be zero or negative.',
      );
    }
  }
  const resolved = resolveOdeOptions(options, system, method.adaptive);
  const logRhs = given ?? logCoordinates(rhs, dim);
  const logSystem: OdeSystem = { rhs: logRhs, y0: y0.map(Math.log), t0, t1, dim };
  const settings = { ...resolved.settings, rtol: new Float64Array(dim), atol: resolved.settings.rtol };
  return runOde({
    system: logSystem,
    method,
    options: { ...resolved, settings },
    observe: (z, out) => {
      for (let i = 0; i < dim; i++) out[i] = Math.exp(z[i]);
    },
    y0,
  });
}

/** dz/dt = f(t, e^z) / e^z, componentwise. */
function logCoordinates(rhs: OdeRhs, dim: number): OdeRhs {
  const y = new Float64Array(dim);
  return (t, z, out) => {
    for (let i = 0; i < dim; i++) y[i] = Math.exp(z[i]);
    rhs(t, y, out);
    for (let i = 0; i < dim; i++) out[i] /= y[i];
  };
}
