/** CORLOUER theorems whose measurements are deterministic (quadrature, searches on the SDE’s own diffusion). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corlouerBoltzmannGap } from '../../theorems/corlouer-boltzmann-gap.js';
import { corlouerDiffusionPeak } from '../../theorems/corlouer-diffusion-peak.js';
import { corlouerPeakThreshold } from '../../theorems/corlouer-peak-threshold.js';
import { assertConfirmed, verify } from '../../verify/verify.js';

describe('CORLOUER theorems measured without sampling', () => {
  it('should confirm the O(η) Boltzmann gap and record the exact and Boltzmann variances', async () => {
    const report = await assertConfirmed(corlouerBoltzmannGap, { budget: 'quick', seed: 1 });
    const evidence = report.evidence as { relativeGap: number[]; exactVariance: number[] };
    // The gap per unit η tends to a constant (2.83 for L = 3, σ = 0.5): the values must fall with η.
    expect(evidence.relativeGap[0]).toBeLessThan(evidence.relativeGap[4]);
    expect(evidence.relativeGap[0] / 1e-4).toBeGreaterThan(2.8);
    expect(evidence.relativeGap[0] / 1e-4).toBeLessThan(2.9);
  });

  it('should confirm the peak and the threshold in the SDE over random depths, spaces and noises', async () => {
    await fc.assert(
      fc.asyncProperty(corlouerDiffusionPeak.settings, async (setting) => {
        await assertConfirmed(corlouerDiffusionPeak, {
          setting: { ...setting, measuredIn: 'sde' },
          budget: 'quick',
        });
      }),
      { numRuns: 20, seed: 31 },
    );
    await fc.assert(
      fc.asyncProperty(corlouerPeakThreshold.settings, async (setting) => {
        await assertConfirmed(corlouerPeakThreshold, {
          setting: { ...setting, measuredIn: 'sde' },
          budget: 'quick',
        });
      }),
      { numRuns: 12, seed: 32 },
    );
  });

  it('should refute a peak predicted 5% too late and a threshold predicted 5% too high', async () => {
    const setting = { ...corlouerDiffusionPeak.defaultSetting, measuredIn: 'sde' as const };
    const latePeak = {
      ...corlouerDiffusionPeak,
      predict: () => 1.05 * corlouerDiffusionPeak.predict(setting),
    };
    expect((await verify(latePeak, { setting })).status).toBe('refuted');
    const thresholdSetting = { ...corlouerPeakThreshold.defaultSetting, measuredIn: 'sde' as const };
    const high = {
      ...corlouerPeakThreshold,
      predict: () => 1.05 * corlouerPeakThreshold.predict(thresholdSetting),
    };
    expect((await verify(high, { setting: thresholdSetting })).status).toBe('refuted');
  });
});
