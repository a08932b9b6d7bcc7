import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawalImbalanceIdentity } from '../../theorems/rawal-imbalance-identity.js';
import { rawalInvariantManifold } from '../../theorems/rawal-invariant-manifold.js';
import { rawalScalarLaw } from '../../theorems/rawal-scalar-law.js';
import { rawalScalarReduction } from '../../theorems/rawal-scalar-reduction.js';
import { assertConfirmed } from '../../verify/verify.js';

describe('RAWAL theorems with exact or deterministic measurements', () => {
  it('should confirm the imbalance identity over random depths, widths, activations and scales', async () => {
    await fc.assert(
      fc.asyncProperty(rawalImbalanceIdentity.settings, async (setting) => {
        await assertConfirmed(rawalImbalanceIdentity, { setting, budget: 'quick', seed: 5 });
      }),
      { numRuns: 15, seed: 20261124 },
    );
  });

  it('should confirm that the flow stays on the symmetric manifold at odd and even widths', async () => {
    for (const width of [15, 6]) {
      const setting = { ...rawalInvariantManifold.defaultSetting, width, depth: 4, bottleneck: 2 };
      const report = await assertConfirmed(rawalInvariantManifold, { setting });
      expect(report.measured).toBeLessThanOrEqual(1e-11);
    }
  });

  it('should confirm the scalar reduction at its default setting and for erf with L = r', async () => {
    await assertConfirmed(rawalScalarReduction);
    await assertConfirmed(rawalScalarReduction, {
      setting: { activation: 'erf', depth: 2, bottleneck: 2, width: 8, eps: 0.003 },
    });
  });

  it('should confirm the scalar law and predict 0.09, 2.3026, 90 and 4950 for r = 1..4', async () => {
    const expected = [0.09, Math.LN10, 90, 4950];
    for (let r = 1; r <= 4; r++) {
      const setting = { bottleneck: r, rate: 1, eps: 0.01, threshold: 0.1 };
      // The closed form to 8 ulp (one log1p/expm1).
      expect(Math.abs(rawalScalarLaw.predict(setting) / expected[r - 1] - 1)).toBeLessThan(
        8 * Number.EPSILON,
      );
      await assertConfirmed(rawalScalarLaw, { setting });
    }
  });
});
