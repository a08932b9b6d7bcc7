/** Vitest registration of the strong-order checks generated from the methods' declarations. */
import { expect, it } from 'vitest';
import { convergenceCases } from '../../src/sde/convergence/orderCases.js';
import { methods } from '../../src/sde/index.js';
import { strongErrorSweep } from './strongConvergence.js';

/** Paths per sweep: enough for a slope standard error near 0.02 on every case. */
export const PATHS = 400;

/** Registers one strong-order test per case of the method. */
export function testStrongOrders(methodName: string): void {
  const cases = convergenceCases('strong', methodName);
  it(`should have a convergence case for every noise kind ${methodName} declares`, () => {
    const declared = methods.map((make) => make()).find((m) => m.name === methodName)?.noise ?? [];
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.noise))).toEqual(new Set(declared));
  });
  for (const c of cases) {
    it(`should converge with strong order ${c.order} on ${c.name} (${c.noise} noise)`, () => {
      const sweep = strongErrorSweep(c.target, c.method, {
        levels: c.levels,
        paths: PATHS,
        referenceLevel: c.referenceLevel,
      });
      // Power: orders in play differ by 0.5 or more, so with SE < 0.05 a wrong order lies over 10 SE away.
      expect(sweep.standardError).toBeLessThan(0.05);
      // 4 standard errors: a 99.99% normal interval around the fitted slope must contain the declared order.
      expect(Math.abs(sweep.slope - c.order)).toBeLessThan(4 * sweep.standardError);
    });
  }
}
