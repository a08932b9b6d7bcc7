import { describe, expect, it } from 'vitest';
import { passageEstimate, survivalAt } from '../../src/sde/firstPassageEstimate.js';

const INF = Number.POSITIVE_INFINITY;

describe('passageEstimate', () => {
  it('should report the mean with its standard error when no path is censored', () => {
    const estimate = passageEstimate(Float64Array.of(1, 2, 3, 4, Number.NaN), 10);
    expect(estimate.kind).toBe('mean');
    expect(estimate.value).toBe(2.5);
    expect(estimate.count).toBe(4);
    // Sample variance 5/3, standard error sqrt(5/12); a few roundings: 4 eps relative.
    expect(Math.abs(estimate.standardError - Math.sqrt(5 / 12))).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(estimate.lower95).toBeLessThan(2.5);
    expect(estimate.upper95).toBeGreaterThan(2.5);
  });

  it('should switch to the median and say so when fewer than half are censored', () => {
    const estimate = passageEstimate(Float64Array.of(5, 1, INF, 3, INF, 2, 4), 6);
    expect(estimate.kind).toBe('median');
    expect(estimate.censored).toBe(2);
    // Ordered: 1 2 3 4 5 inf inf; the median of seven values is the fourth.
    expect(estimate.value).toBe(4);
    expect(estimate.note).toContain('2 of 7 paths had not crossed');
    expect(estimate.upper95).toBe(INF);
  });

  it('should refuse a central value when half or more are censored', () => {
    const estimate = passageEstimate(Float64Array.of(1, 2, INF, INF), 3);
    expect(estimate.kind).toBe('none');
    expect(Number.isNaN(estimate.value)).toBe(true);
    expect(estimate.note).toContain('at least half are censored');
  });

  it('should cover the true median with its order-statistic interval', () => {
    // Exponential(1) times by inversion at evenly spread probabilities; true median ln 2.
    const n = 999;
    const times = Float64Array.from({ length: n }, (_, i) => -Math.log(1 - (i + 0.5) / n));
    times[0] = INF;
    const estimate = passageEstimate(times, 100);
    expect(estimate.kind).toBe('median');
    expect(estimate.lower95).toBeLessThan(Math.LN2);
    expect(estimate.upper95).toBeGreaterThan(Math.LN2);
  });
});

describe('survivalAt', () => {
  it('should count censored paths as alive and skip failed ones', () => {
    const times = Float64Array.of(0.5, 1.5, INF, Number.NaN, 2.5);
    expect(survivalAt(times, 1)).toBe(3 / 4);
    expect(survivalAt(times, 3)).toBe(1 / 4);
  });
});
