/** CORLOUER theorems measured on ensembles of the SDE and of full-matrix SGD, at the quick budget. */
import { describe, expect, it } from 'vitest';
import { corlouerCollapse } from '../../theorems/corlouer-collapse.js';
import { corlouerReduction } from '../../theorems/corlouer-reduction.js';
import { assertConfirmed } from '../../verify/verify.js';

describe('CORLOUER theorems on ensembles', () => {
  it('should confirm that per-mode SDEs match full-matrix SGD over the transition at L = 3', async () => {
    const setting = { ...corlouerReduction.defaultSetting, depths: [3] };
    const report = await assertConfirmed(corlouerReduction, { setting, budget: 'quick', seed: 1 });
    const evidence = report.evidence as { comparisons: number; depths: { misalignment: number }[] };
    // 8 saves × 2 modes × (mean, variance).
    expect(evidence.comparisons).toBe(32);
    // The off-diagonal noise does move the full matrices off the aligned set, by O(√η).
    expect(evidence.depths[0].misalignment).toBeGreaterThan(0.01);
  });

  it('should confirm the collapse rate without label noise, with the spread gone and the mean at s', async () => {
    const report = await assertConfirmed(corlouerCollapse, { budget: 'quick', seed: 1 });
    const evidence = report.evidence as { finalSpread: number; finalMean: number };
    // By the end every path is within rounding of u = s = 1.
    expect(evidence.finalSpread).toBeLessThan(1e-12);
    expect(Math.abs(evidence.finalMean - 1)).toBeLessThan(1e-12);
  });
});
