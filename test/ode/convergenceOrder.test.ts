import { describe, expect, it } from 'vitest';
import { dopri5, type OdeMethod, rk4, solveOde } from '../../src/ode/index.js';
import { fitLogLogSlope } from './fitSlope.js';
import { oscillatorProblem } from './referenceProblems.js';

/** Two periods of the harmonic oscillator, exact end state (1, 0). */
const T = 4 * Math.PI;
const oscillator = oscillatorProblem(T);

function endError(method: OdeMethod, options = {}): { error: number; meanDt: number; maxDt: number } {
  const solution = solveOde(oscillator, method, options);
  expect(solution.status).toBe('success');
  let maxDt = 0;
  for (let k = 1; k < solution.t.length; k++) maxDt = Math.max(maxDt, solution.t[k] - solution.t[k - 1]);
  const error = Math.hypot(solution.yEnd[0] - Math.cos(T), solution.yEnd[1] + Math.sin(T));
  return { error, meanDt: T / solution.stats.steps, maxDt };
}

/** Student t quantile t_{0.975, n - 2} for n = 4 points. */
const T975_2DOF = 4.303;

describe('measured order of the fixed-step methods', () => {
  const cases: [string, (dt: number) => OdeMethod, number][] = [
    ['rk4', (dt) => rk4(dt), 4],
    ['dopri5({ dt })', (dt) => dopri5({ dt }), 5],
  ];
  for (const [name, make, order] of cases) {
    it(`should converge with order ${order} in the step actually taken (${name})`, () => {
      const dts: number[] = [];
      const errors: number[] = [];
      for (const n of [40, 80, 160, 320]) {
        const { error, maxDt } = endError(make(T / n));
        // The slope is fitted on the step the solver took (read from the recorded times), not the request.
        dts.push(maxDt);
        errors.push(error);
      }
      const fit = fitLogLogSlope(dts, errors);
      // The next term of the error expansion, relative size O(dt) <= 0.3, bends the log-log line; on these
      // dt it moves the fitted slope by a few hundredths. 0.1 still tells order p from p +- 1.
      expect(Math.abs(fit.slope - order)).toBeLessThan(0.1);
      // And the fit itself is well determined: the 95% interval is narrower than that band.
      expect(T975_2DOF * fit.standardError).toBeLessThan(0.1);
    });
  }
});

describe('measured order of adaptive dopri5', () => {
  it('should show error proportional to the fifth power of its mean step as rtol shrinks', () => {
    const dts: number[] = [];
    const errors: number[] = [];
    for (const rtol of [1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]) {
      const { error, meanDt } = endError(dopri5(), { rtol, atol: rtol });
      dts.push(meanDt);
      errors.push(error);
    }
    const fit = fitLogLogSlope(dts, errors);
    // Adaptive steps are not uniform, so the mean step is only a proxy for dt: the test asks that the slope
    // identify the order (nearer 5 than 4 or 6), with a 95% interval that does not reach past that.
    const halfWidth = 2.776 * fit.standardError; // t_{0.975, 4} for six points
    expect(Math.abs(fit.slope - 5) + halfWidth).toBeLessThan(0.5);
  });

  it('should keep the global error proportional to rtol (tolerance proportionality)', () => {
    const coarse = endError(dopri5(), { rtol: 1e-6, atol: 1e-6 }).error;
    const fine = endError(dopri5(), { rtol: 1e-9, atol: 1e-9 }).error;
    // Error per unit step control makes error ~ C rtol; a factor 1000 in rtol gives 1000 in error up to the
    // controller's discreteness, a factor 2 either way.
    expect(coarse / fine).toBeGreaterThan(500);
    expect(coarse / fine).toBeLessThan(2000);
  });
});
