import { describe, expect, it } from 'vitest';
import { dlnConservedImbalance } from '../../theorems/dln-conserved-imbalance.js';
import { dlnEscapeExponent } from '../../theorems/dln-escape-exponent.js';
import { dlnEscapeTime } from '../../theorems/dln-escape-time.js';
import { dlnImbalanceDrift } from '../../theorems/dln-imbalance-drift.js';
import { dlnModeOrdering } from '../../theorems/dln-mode-ordering.js';
import { jacotGammaMinimum, minimumDistanceExponent } from '../../theorems/jacot-gamma-minimum.js';
import { jacotGammaSaddle } from '../../theorems/jacot-gamma-saddle.js';
import { jacotStaircase } from '../../theorems/jacot-staircase.js';
import { saxeExactReduction } from '../../theorems/saxe-exact-reduction.js';
import { assertConfirmed, verify } from '../../verify/verify.js';

describe('deep-linear theorems at their default settings (quick budget)', () => {
  for (const theorem of [
    saxeExactReduction,
    jacotStaircase,
    dlnEscapeTime,
    dlnEscapeExponent,
    dlnModeOrdering,
    dlnConservedImbalance,
    dlnImbalanceDrift,
    jacotGammaSaddle,
    jacotGammaMinimum,
  ]) {
    it(`should confirm ${theorem.id}`, async () => {
      const report = await assertConfirmed(theorem, { seed: 20261124 });
      expect(report.status).toBe('confirmed');
    });
  }
});

describe('deep-linear theorems that can fail', () => {
  it('should predict the THEORY.md reference escape times: 555.289 for L = 4, ε = 0.03', () => {
    const t = dlnEscapeTime.predict({ depth: 4, singularValues: [1, 0.5], eps: 0.03, frac: 0.5 });
    expect(Number(t.toPrecision(6))).toBe(555.289);
  });

  it('should exclude the neighbouring exponents L − 3 and L − 1 from the escape-exponent interval', async () => {
    const report = await verify(dlnEscapeExponent, {
      setting: { ...dlnEscapeExponent.defaultSetting, depth: 3 },
    });
    expect(report.status).toBe('confirmed');
    expect(report.interval[0]).toBeGreaterThan(0);
    expect(report.interval[1]).toBeLessThan(2);
  });

  it('should separate the corrected minimum-distance exponent at γ = 0.5 from the uncorrected −0.5', async () => {
    // (γ − 1)(L − 1)/2 = −0.5 assumes ‖W* − W₀‖ = O(1); W₀ grows like w^{0.25} at γ = 0.5, L = 3.
    expect(minimumDistanceExponent(0.5, 3)).toBe(-0.25);
    expect(minimumDistanceExponent(2, 3)).toBe(1);
    const setting = { ...jacotGammaMinimum.defaultSetting, gamma: 0.5 };
    const report = await assertConfirmed(jacotGammaMinimum, { setting });
    expect(report.interval[0]).toBeGreaterThan(-0.5);
  });

  it('should confirm the saddle exponent on both sides of γ = 1 with the sign of 1 − γ', async () => {
    for (const gamma of [0.5, 2]) {
      const report = await assertConfirmed(jacotGammaSaddle, {
        setting: { ...jacotGammaSaddle.defaultSetting, gamma },
      });
      expect(Math.sign(report.measured)).toBe(Math.sign(1 - gamma));
    }
  });

  it('should confirm the staircase and mode ordering at L = 2, where plateaus grow only like ln(1/ε)', async () => {
    await assertConfirmed(jacotStaircase, {
      setting: { ...jacotStaircase.defaultSetting, depth: 2, eps: 1e-8 },
    });
    await assertConfirmed(dlnModeOrdering, { setting: { ...dlnModeOrdering.defaultSetting, depth: 2 } });
  });
});
