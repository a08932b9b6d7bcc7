/** What a user's own test of a derivation looks like (the README shows the same). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dopri5 } from '../../src/ode/dopri5.js';
import { solveOdeLog } from '../../src/ode/solveOdeLog.js';
import type { Theorem } from '../../theorems/theorem.js';
import { depth, initScale, teacherSpectrum } from '../../verify/arbitraries.js';
import { expectConfirmed } from '../../verify/expectConfirmed.js';
import { NotConfirmedError } from '../../verify/verify.js';

/** A derivation: for L = 2 the time from u0 = eps² to s/2 is ln((s − u0)/u0)/(2s) (THEORY.md §0.3). */
const logisticEscape = (offset = 0): Theorem<{ s: number; eps: number }> => ({
  id: 'my-logistic-escape',
  title: 'Two-layer escape time from eps',
  source: 'my derivation, eq. (3)',
  statement: 't = ln((s − eps²)/eps²) / (2s)',
  assumptions: ['aligned, balanced init'],
  quantity: 'escape time',
  settings: fc.record({ s: fc.double({ min: 0.5, max: 3, noNaN: true }), eps: initScale() }),
  defaultSetting: { s: 1, eps: 0.01 },
  predict: ({ s, eps }) => Math.log((s - eps * eps) / (eps * eps)) / (2 * s) + offset,
  measure({ s, eps }) {
    const event = { name: 'half', fn: (_t: number, u: Float64Array) => u[0], level: s / 2, terminal: true };
    const rhs = (_t: number, u: Float64Array, out: Float64Array) => {
      out[0] = 2 * u[0] * (s - u[0]);
    };
    const solution = solveOdeLog({ rhs, y0: [eps * eps], t0: 0, t1: 1e4 }, dopri5(), {
      rtol: 1e-10,
      events: [event],
    });
    return { value: solution.tReached };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 1e-7,
    relative: true,
    why: 'rtol 1e-10 over a few hundred steps',
  },
});

describe('a derivation checked in a user test suite', () => {
  it('should confirm a correct derivation and return its report', async () => {
    const report = await expectConfirmed(logisticEscape());
    expect(report.status).toBe('confirmed');
  });

  it('should throw the formatted report for a wrong one', async () => {
    const failure = expectConfirmed(logisticEscape(0.01));
    await expect(failure).rejects.toBeInstanceOf(NotConfirmedError);
    await expect(failure).rejects.toThrow(/my-logistic-escape: refuted[\s\S]*rerun: npx saddlecheck verify/);
  });

  it('should draw well-separated teacher spectra, depths and log-uniform scales', () => {
    fc.assert(
      fc.property(teacherSpectrum({ minRatio: 1.5 }), depth(), initScale(), (spectrum, L, eps) => {
        for (let k = 1; k < spectrum.length; k++)
          expect(spectrum[k - 1] / spectrum[k]).toBeGreaterThanOrEqual(1.5);
        expect(L).toBeGreaterThanOrEqual(2);
        expect(eps).toBeGreaterThanOrEqual(1e-4 * (1 - 1e-12));
        expect(eps).toBeLessThanOrEqual(0.1 * (1 + 1e-12));
      }),
      { seed: 1 },
    );
  });
});
