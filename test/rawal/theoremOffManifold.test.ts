import { describe, expect, it } from 'vitest';
import { rawalOffManifold } from '../../theorems/rawal-off-manifold.js';
import { assertConfirmed } from '../../verify/verify.js';

describe('rawal-off-manifold', () => {
  for (const bottleneck of [3, 5]) {
    it(`should measure the exponent r − 2 from He-normal init with r = ${bottleneck}`, async () => {
      const setting = { activation: 'tanh', depth: bottleneck + 1, bottleneck, width: 6 };
      const report = await assertConfirmed(rawalOffManifold, { setting, seed: 11 });
      expect(report.predicted).toBe(bottleneck - 2);
      // Off the manifold: the runs escape by the loss criterion and have no scalar-law time.
      const scalar = report.evidence?.scalarLawTimes as unknown[] | undefined;
      expect(scalar?.length).toBe(5);
      expect(scalar?.every((t) => t === null)).toBe(true);
    });
  }
});
