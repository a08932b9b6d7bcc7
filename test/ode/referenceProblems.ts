/** Linear problems with exact solutions, shared by the ODE tests. */
import type { OdeProblem } from '../../src/ode/index.js';

/** dy/dt = -lambda y from y(0) = 1: y = exp(-lambda t). */
export function decayProblem(lambda: number, t1: number): OdeProblem {
  return {
    rhs: (_t, y, out) => {
      out[0] = -lambda * y[0];
    },
    y0: [1],
    t0: 0,
    t1,
  };
}

/** y0' = y1, y1' = -y0 from (1, 0): y = (cos t, -sin t); w = y0 - i y1 obeys w' = i w. */
export function oscillatorProblem(t1: number): OdeProblem {
  return {
    rhs: (_t, y, out) => {
      out[0] = y[1];
      out[1] = -y[0];
    },
    y0: [1, 0],
    t0: 0,
    t1,
  };
}
