import { describe, expect, it } from 'vitest';
import { rawalClassBCollapse } from '../../theorems/rawal-class-b-collapse.js';
import { rawalClassCExponent } from '../../theorems/rawal-class-c-exponent.js';
import { assertConfirmed, verify } from '../../verify/verify.js';

describe('universality of the escape law', () => {
  it('should collapse tanh, erf and sin after the prefactor |σ′(0)|^{L−1}', async () => {
    await assertConfirmed(rawalClassBCollapse, { setting: { depth: 4, bottleneck: 3, width: 4 } });
  });

  it('should not collapse without the prefactor: erf is faster by (2/√π)^{L−1}', async () => {
    const report = await verify(rawalClassBCollapse, { setting: { depth: 4, bottleneck: 2, width: 4 } });
    const [tanh, erf] = (report.evidence?.scaledTimes ?? []) as number[][];
    const prefactor = (2 / Math.sqrt(Math.PI)) ** 3;
    // Raw erf times are the scaled ones divided by the prefactor: 1.44 times shorter than tanh's.
    expect(tanh[0] / (erf[0] / prefactor)).toBeGreaterThan(1.4);
    expect(report.status).toBe('confirmed');
  });

  it('should give GELU and SiLU the exponent of tanh, with raw times 2^{L−1} longer', async () => {
    const report = await assertConfirmed(rawalClassCExponent, {
      setting: { depth: 4, bottleneck: 3, width: 4 },
    });
    const ratios = report.evidence?.rawTimeRatioToTanh as number[][];
    // σ′(0) = 1/2 for both: Γ is 2³ = 8 times smaller; the O(ε) class-C correction is under 0.1% here.
    for (const row of ratios) expect(Math.abs(row[row.length - 1] / 8 - 1)).toBeLessThan(1e-3);
  });
});
