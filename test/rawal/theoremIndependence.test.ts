import { describe, it } from 'vitest';
import { rawalDepthIndependence } from '../../theorems/rawal-depth-independence.js';
import { assertConfirmed } from '../../verify/verify.js';

describe('rawal-depth-independence', () => {
  it('should find the same exponent for every depth, width and activation at r = 2', async () => {
    await assertConfirmed(rawalDepthIndependence, { setting: { bottleneck: 2 } });
  });
});
