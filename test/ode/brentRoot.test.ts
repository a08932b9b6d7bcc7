import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../src/ode/brentRoot.js';
import { fixedStepCount, fixedStepEnd } from '../../src/ode/fixedGrid.js';

const EPS = Number.EPSILON;

describe('brentRoot', () => {
  const cases: [string, (x: number) => number, number, number, number][] = [
    ['cos on [0, 3]', Math.cos, 0, 3, Math.PI / 2],
    ['x^3 - 2 on [0, 2]', (x) => x * x * x - 2, 0, 2, Math.cbrt(2)],
    ['a step-like tanh(50 (x - 0.3)) on [-1, 1]', (x) => Math.tanh(50 * (x - 0.3)), -1, 1, 0.3],
    ['a root at an end point', (x) => x - 1, 0, 1, 1],
  ];
  for (const [name, g, a, b, root] of cases) {
    it(`should find the root of ${name} to the resolution of x`, () => {
      let calls = 0;
      const counted = (x: number) => {
        calls++;
        return g(x);
      };
      const x = brentRoot(counted, a, b, g(a), g(b));
      // Brent stops when the bracket is within 4 eps |x|: the root is within that of the true one, plus the
      // rounding of g near it (|g'| is O(1) to O(50) here).
      expect(Math.abs(x - root)).toBeLessThanOrEqual(8 * EPS * Math.max(1, Math.abs(root)));
      // Superlinear convergence: far fewer calls than bisection's ~52.
      expect(calls).toBeLessThan(45);
    });
  }
});

describe('fixed-step grids', () => {
  it('should take (t1 - t0)/dt steps when dt divides the interval up to rounding', () => {
    expect(fixedStepCount(0, 1, 0.1)).toBe(10);
    expect(fixedStepCount(0, 1, 1 / 3)).toBe(3);
    expect(fixedStepCount(2, 7, 0.01)).toBe(500);
  });

  it('should add a shorter last step when dt does not divide the interval', () => {
    expect(fixedStepCount(0, 1, 0.3)).toBe(4);
    expect(fixedStepCount(0, 1, 5)).toBe(1);
    expect(fixedStepEnd(0, 1, 0.3, 3, 4)).toBe(1);
    expect(fixedStepEnd(0, 1, 0.3, 2, 4)).toBe(3 * 0.3);
  });
});
