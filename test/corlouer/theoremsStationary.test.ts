/** CORLOUER theorems on stationary laws: long-run ensembles and the parameter-space Langevin chain. */
import { describe, expect, it } from 'vitest';
import { corlouerLangevinMarginal } from '../../theorems/corlouer-langevin-marginal.js';
import { corlouerStationaryLaw } from '../../theorems/corlouer-stationary-law.js';
import { assertConfirmed, verify } from '../../verify/verify.js';

describe('CORLOUER stationary laws', () => {
  it('should confirm the exact law for the SDE ensemble and refute it for SGD at a large step', async () => {
    const sde = { ...corlouerStationaryLaw.defaultSetting, measuredIn: 'sde' as const };
    await assertConfirmed(corlouerStationaryLaw, { setting: sde, budget: 'quick', seed: 1 });
    // At η = 0.1 full-matrix SGD is far from its small-η model: the tests must see it (a test that can fail).
    const coarse = { ...corlouerStationaryLaw.defaultSetting, lr: 0.1, t1: 10 };
    const report = await verify(corlouerStationaryLaw, { setting: coarse, budget: 'quick', seed: 1 });
    expect(report.status).toBe('refuted');
  });

  it('should confirm the Langevin chain’s marginal with the autocorrelation divided out', async () => {
    const report = await assertConfirmed(corlouerLangevinMarginal, { budget: 'quick', seed: 1 });
    const evidence = report.evidence as { autocorrelationTime: number; effectiveSampleSize: number };
    // Records every 0.1/λ against a relaxation time of order 1/λ: τ is several records, so n_eff ≪ n.
    expect(evidence.autocorrelationTime).toBeGreaterThan(2);
    expect(evidence.effectiveSampleSize).toBeGreaterThan(100);
  });
});
