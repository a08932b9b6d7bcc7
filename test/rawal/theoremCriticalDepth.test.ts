import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { rawalCriticalDepth } from '../../theorems/rawal-critical-depth.js';
import { assertConfirmed, verify } from '../../verify/verify.js';

describe('rawal-critical-depth', () => {
  // r = 1..5, with L > r for all but r = 4 (L = r = 4 is also a case the law covers).
  const cases = [
    { activation: 'gelu', depth: 3, bottleneck: 1, width: 4 },
    { activation: 'sin', depth: 4, bottleneck: 2, width: 4 },
    { activation: 'tanh', depth: 5, bottleneck: 3, width: 4 },
    { activation: 'linear', depth: 4, bottleneck: 4, width: 4 },
    { activation: 'erf', depth: 6, bottleneck: 5, width: 4 },
  ];
  for (const setting of cases) {
    it(`should measure the exponent r − 2 = ${setting.bottleneck - 2} for ${JSON.stringify(setting)}`, async () => {
      const report = await assertConfirmed(rawalCriticalDepth, { setting, seed: 7 });
      expect(report.predicted).toBe(setting.bottleneck - 2);
    });
  }

  it('should show the bias of the raw escape time that the increments remove (r = 3)', async () => {
    const report = await verify(rawalCriticalDepth, { setting: cases[2], seed: 7 });
    const raw = report.evidence?.rawTimes as { exponentOfTau: number };
    // The raw power law is bent by the threshold: its local slope is 1/(1 − ε/ϑ) ≥ 1.006 here.
    expect(raw.exponentOfTau).toBeGreaterThan(1.005);
    expect(Math.abs(report.measured - 1)).toBeLessThan(1e-3);
  });

  it('should refuse hostile settings with InvalidArgumentError', async () => {
    const hostile = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5);
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('depth', 'bottleneck', 'width'), async (value, key) => {
        const setting = { ...rawalCriticalDepth.defaultSetting, [key]: value };
        await expect(verify(rawalCriticalDepth, { setting })).rejects.toThrow(InvalidArgumentError);
      }),
      { numRuns: 15, seed: 2 },
    );
  });
});
