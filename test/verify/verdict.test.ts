import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../theorems/theorem.js';
import { judge } from '../../verify/verdict.js';

const band: Comparison = { kind: 'tolerance', tolerance: 0.1, relative: false, why: 'test' };
const contain: Comparison = { kind: 'containment', halfWidth: 0.15, why: 'test' };

describe('judge', () => {
  it('should confirm a measured interval inside the tolerance band', () => {
    const v = judge(1, { value: 1.02, ci95: [0.95, 1.09] }, band);
    expect(v.status).toBe('confirmed');
    expect(v.tolerance).toEqual([0.9, 1.1]);
    expect(v.discrepancy).toBeCloseTo(0.02, 15);
  });

  it('should refute an interval wholly outside the band and call a straddling one inconclusive', () => {
    expect(judge(1, { value: 1.3, ci95: [1.2, 1.4] }, band).status).toBe('refuted');
    const straddle = judge(1, { value: 1.05, ci95: [0.98, 1.12] }, band);
    expect(straddle.status).toBe('inconclusive');
    // half-width 0.07 against room 0.1 − 0.05 = 0.05: (0.07/0.05)² = 1.96 times the samples.
    expect(straddle.budgetFactor).toBeCloseTo(1.96, 12);
  });

  it('should refute a tolerance check only when the 99.9% interval clears the band', () => {
    // 95% half-width 0.03 widens to 0.0504 at 99.9%: [1.1, 1.16] at 95% becomes [1.0796, 1.1804], which touches
    // the band [0.9, 1.1], so the evidence is not strong enough to refute.
    const near = judge(1, { value: 1.13, ci95: [1.1, 1.16] }, band);
    expect(near.status).toBe('inconclusive');
    // Its centre lies 0.03 outside the band, so the 99.9% half-width 0.03 · 3.29/1.96 must shrink to 0.03: the
    // samples must grow by (3.29/1.96)² ≈ 2.82 to refute it.
    expect(near.budgetFactor).toBeCloseTo((3.2905267314919255 / 1.959963984540054) ** 2, 12);
    expect(judge(1, { value: 1.2, ci95: [1.17, 1.23] }, band).status).toBe('refuted');
  });

  it('should scale the band by |prediction| for a relative tolerance', () => {
    const relative: Comparison = { kind: 'tolerance', tolerance: 1e-3, relative: true, why: 'test' };
    expect(judge(-200, { value: -200.1 }, relative).status).toBe('confirmed');
    expect(judge(-200, { value: -200.3 }, relative).status).toBe('refuted');
  });

  it('should confirm containment only when the 95% interval holds the prediction and is narrow enough', () => {
    expect(judge(1, { value: 0.97, ci95: [0.9, 1.04] }, contain).status).toBe('confirmed');
    const wide = judge(1, { value: 0.97, ci95: [0.6, 1.34] }, contain);
    expect(wide.status).toBe('inconclusive');
    expect(wide.budgetFactor).toBeGreaterThan(5);
  });

  it('should refute containment only when the 99.9% interval excludes the prediction', () => {
    // 95% half-width 0.05 widens to 0.0839 at 99.9%: 1.0 lies beyond 0.9 + 0.0839.
    expect(judge(1, { value: 0.9, ci95: [0.85, 0.95] }, contain).status).toBe('refuted');
    // 1.0 lies outside the 95% interval but inside the 99.9% one: not enough evidence either way.
    expect(judge(1, { value: 0.93, ci95: [0.88, 0.98] }, contain).status).toBe('inconclusive');
  });

  it('should grade p-values at alpha and alpha/10', () => {
    const test: Comparison = { kind: 'pValue', alpha: 0.01, why: 'test' };
    expect(judge(0, { value: 0.2 }, test).status).toBe('confirmed');
    expect(judge(0, { value: 0.005 }, test).status).toBe('inconclusive');
    expect(judge(0, { value: 1e-4 }, test).status).toBe('refuted');
  });

  it('should report failed-to-run for a failure or a non-finite measurement', () => {
    expect(judge(1, { value: Number.NaN }, band).status).toBe('failed-to-run');
    const failed = judge(1, { value: 1, failure: 'the solver reached its step limit' }, band);
    expect(failed.status).toBe('failed-to-run');
    expect(failed.reason).toContain('step limit');
  });
});
