/** The label-noise threshold of the diffusion peak, measured on SGD's gradient noise by Monte Carlo. */
import { describe, expect, it } from 'vitest';
import { corlouerPeakThreshold } from '../../theorems/corlouer-peak-threshold.js';
import { assertConfirmed } from '../../verify/verify.js';

describe('CORLOUER peak threshold in full-matrix SGD', () => {
  it('should confirm the threshold 9/56 of the interior peak at L = 3', async () => {
    const report = await assertConfirmed(corlouerPeakThreshold, { budget: 'quick', seed: 1 });
    // Ten batches of 2000 samples: the 95% interval is about ±0.01 wide, under the ±0.02 asked.
    expect(report.interval[1] - report.interval[0]).toBeLessThan(0.04);
  });
});
