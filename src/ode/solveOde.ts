/**
 * solveOde(problem, method, options): integrates dy/dt = f(t, y) from t0 to t1 with one of the methods
 * dopri5(), gbs() or rk4(dt). Invalid input throws a named error here, before any work; numerical trouble
 * (a non-finite state, blow-up, the step limit, step-size underflow) is the solution's status, with the time
 * reached. See OdeOptions for tolerances, save times and events, and OdeSolution for the output layout.
 */
import { runOde } from './runOde.js';
import type { OdeMethod, OdeOptions, OdeProblem, OdeSolution } from './types.js';
import { resolveOdeOptions, validateOdeMethod, validateOdeProblem } from './validateOdeInput.js';

export function solveOde(problem: OdeProblem, method: OdeMethod, options: OdeOptions = {}): OdeSolution {
  const system = validateOdeProblem(problem);
  validateOdeMethod(method);
  return runOde({
    system,
    method,
    options: resolveOdeOptions(options, system, method.adaptive),
    observe: null,
    y0: system.y0,
  });
}
