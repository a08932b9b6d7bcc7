import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imbalanceDrift } from '../../src/analysis/imbalanceDrift.js';
import { modeEscapeTimes } from '../../src/analysis/modeEscapeTimes.js';
import { misalignment, modeOverlaps } from '../../src/analysis/modeOverlaps.js';
import { detectPlateaus, saddleLossLevels } from '../../src/analysis/plateaus.js';
import { layerEffectiveRanks, rankDuring, rankSteps } from '../../src/analysis/rankSteps.js';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { deepLinearNetwork } from '../../src/networks/deepLinearNetwork.js';
import { imbalance } from '../../src/networks/imbalance.js';
import { createTeacher } from '../../src/networks/teacher.js';
import { perModeLogistic } from '../../src/reductions/perModeClosedForm.js';

const EPS = Number.EPSILON;
const S = [4, 2, 1];

/** The exact L = 2 aligned loss ½Σ(s_k − u_k(t))², u_k logistic from u0 = ε², on a log-spaced grid. */
function logisticStaircase(eps: number, noise = 0) {
  const t = [0, ...Array.from({ length: 400 }, (_, k) => 10 ** (-3 + (5 * k) / 399))];
  const loss = t.map((time, k) => {
    const clean = 0.5 * S.reduce((sum, s) => sum + (s - perModeLogistic(s, eps * eps, time)) ** 2, 0);
    return clean + noise * 10.5 * Math.sin(12.9898 * k);
  });
  return { t, loss };
}

describe('plateau detection on the log-time axis', () => {
  it('should find the four saddle levels of an exact staircase, in order, between the escapes', () => {
    const eps = 1e-12;
    const { t, loss } = logisticStaircase(eps);
    const plateaus = detectPlateaus(t, loss);
    const levels = saddleLossLevels(S);
    expect(levels).toEqual([10.5, 2.5, 0.5, 0]);
    expect(plateaus).toHaveLength(4);
    // The band holds each level to 0.5% of ℒ(0) = 0.0525.
    for (const [k, p] of plateaus.entries()) expect(Math.abs(p.level - levels[k])).toBeLessThan(0.0525);
    // Mode k escapes near ln(1/ε)/s_k (u = s/2 at t = ln(s/ε² − 1)/(2s)): plateaus end before and start after.
    S.forEach((s, k) => {
      const escapeTime = Math.log(s / (eps * eps) - 1) / (2 * s);
      expect(plateaus[k].end).toBeLessThan(escapeTime);
      expect(plateaus[k + 1].start).toBeGreaterThan(escapeTime);
    });
  });

  it('should be unmoved by fluctuations well inside the band', () => {
    const clean = detectPlateaus(...(Object.values(logisticStaircase(1e-12)) as [number[], number[]]));
    const { t, loss } = logisticStaircase(1e-12, 0.001);
    const noisy = detectPlateaus(t, loss);
    expect(noisy).toHaveLength(clean.length);
    // Noise of 0.1% of ℒ(0) shifts a median level by at most its amplitude.
    for (const [k, p] of noisy.entries()) {
      expect(Math.abs(p.level - clean[k].level)).toBeLessThanOrEqual(0.0105 + 1e-12);
    }
  });

  it('should find no interior plateau when drops are not separated on the log-time axis', () => {
    // ε = 0.3: the escapes at ~0.3, 0.6, 1.2 overlap with the O(1) transitions.
    const plateaus = detectPlateaus(...(Object.values(logisticStaircase(0.3)) as [number[], number[]]));
    // Only the start (flat on any log axis as t → 0) and the end at the teacher remain.
    expect(plateaus).toHaveLength(2);
    expect(plateaus[0].start).toBe(0);
    expect(plateaus[1].level).toBeLessThan(1e-6);
  });

  it('should throw named errors for mismatched, non-finite or unordered input', () => {
    expect(() => detectPlateaus([0, 1], [1])).toThrow(DimensionMismatchError);
    expect(() => detectPlateaus([0, 2, 1], [1, 1, 1])).toThrow(InvalidArgumentError);
    expect(() => detectPlateaus([-1, 2], [1, 1])).toThrow(InvalidArgumentError);
    fc.assert(
      fc.property(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), (bad) => {
        expect(() => detectPlateaus([0, 1, 2], [1, bad, 1])).toThrow(InvalidArgumentError);
        expect(() => detectPlateaus([0, bad, 2], [1, 1, 1])).toThrow(InvalidArgumentError);
        expect(() => detectPlateaus([0, 1, 2], [1, 1, 1], { band: bad })).toThrow(InvalidArgumentError);
      }),
      { seed: 1, numRuns: 10 },
    );
    expect(() => detectPlateaus([], [])).toThrow(InvalidArgumentError);
  });
});

describe('escape times, rank steps and effective ranks', () => {
  it('should interpolate the crossing of frac·s_k between saved points', () => {
    // u_1 = 2t and u_2 = t − 1 are linear, so linear interpolation is exact: u_1 = 2 at t = 1, u_2 = 0.5 at 1.5.
    const t = [0, 0.7, 1.3, 1.9, 2.5];
    const strengths = t.flatMap((x) => [2 * x, x - 1]);
    const times = modeEscapeTimes(t, strengths, [4, 1]);
    expect(times[0]).toBeCloseTo(1, 14);
    expect(times[1]).toBeCloseTo(1.5, 14);
    expect(modeEscapeTimes(t, strengths, [4, 10])[1]).toBeNull();
    expect(() => modeEscapeTimes(t, strengths, [4])).toThrow(DimensionMismatchError);
    expect(() => modeEscapeTimes(t, strengths, [4, 1], 1)).toThrow(InvalidArgumentError);
  });

  it('should list runs of equal rank and the rank seen most in an interval', () => {
    const t = [0, 1, 2, 3, 4, 5, 6];
    const rank = [0, 0, 1, 1, 1, 2, 2];
    expect(rankSteps(t, rank).map((s) => [s.rank, s.start, s.end, s.points])).toEqual([
      [0, 0, 1, 2],
      [1, 2, 4, 3],
      [2, 5, 6, 2],
    ]);
    expect(rankDuring(t, rank, 1.5, 5)).toBe(1);
    expect(rankDuring(t, rank, 10, 11)).toBe(-1);
    expect(() => rankSteps(t, [0])).toThrow(DimensionMismatchError);
  });

  it('should count r per layer for aligned weights and 0 for zero weights', () => {
    const teacher = createTeacher({ dIn: 5, dOut: 4, singularValues: S, seed: 2 });
    const init = { kind: 'aligned' as const, eps: [1.2, 1, 0.9], teacher };
    const net = deepLinearNetwork({ dIn: 5, dOut: 4, depth: 3, width: 6, init });
    expect(layerEffectiveRanks(net, net.theta)).toEqual([3, 3, 3]);
    // With a cut at 0.8 of the largest (1.2), the mode at 0.9 drops out of every layer.
    expect(layerEffectiveRanks(net, net.theta, 0.8)).toEqual([2, 2, 2]);
    expect(layerEffectiveRanks(net, new Float64Array(net.size))).toEqual([0, 0, 0]);
    expect(() => layerEffectiveRanks(net, net.theta, 1)).toThrow(InvalidArgumentError);
  });
});

describe('imbalance drift and mode overlaps', () => {
  it('should give |c² − 1|·‖D_l‖ for a rescaling θ → cθ, and 0 for balanced aligned weights', () => {
    const teacher = createTeacher({ dIn: 3, dOut: 3, singularValues: [1, 0.5], seed: 1 });
    const net = deepLinearNetwork({ dIn: 3, dOut: 3, depth: 3, width: 4, init: { kind: 'he', seed: 9 } });
    const c = 1.7;
    const drift = imbalanceDrift(
      net,
      net.theta,
      net.theta.map((x) => c * x),
    );
    for (let l = 1; l <= 2; l++) {
      const d = imbalance(net, net.theta, l);
      const norm = Math.hypot(...d.data);
      // D_l is quadratic in θ; the Frobenius norms agree to a few ulps of the entries.
      expect(Math.abs(drift.absolute[l - 1] - (c * c - 1) * norm)).toBeLessThan(64 * EPS * c * c * norm);
    }
    const alignedAt = (eps: number | number[]) =>
      deepLinearNetwork({ dIn: 3, dOut: 3, depth: 3, width: 4, init: { kind: 'aligned', eps, teacher } });
    const balanced = alignedAt(0.5);
    const scaled = alignedAt([2, 0.1]);
    // Both imbalances vanish up to the rounding of W_1 W_1ᵀ = Σ a² v vᵀ-type sums (a ≤ 2).
    expect(imbalanceDrift(balanced, balanced.theta, scaled.theta).maxAbsolute).toBeLessThan(64 * EPS);
  });

  it('should project W* onto diag(s) with no misalignment', () => {
    const teacher = createTeacher({ dIn: 6, dOut: 4, singularValues: S, seed: 3 });
    const o = modeOverlaps(teacher, teacher.w);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        // Two products of orthonormal columns with W*: rounding of sums of ≤ 24 terms of size ≤ 4.
        expect(Math.abs(o.data[i * 3 + j] - (i === j ? S[i] : 0))).toBeLessThan(256 * EPS);
      }
    }
    expect(misalignment(o)).toBeLessThan(256 * EPS);
    expect(() => modeOverlaps(teacher, { rows: 3, cols: 6, data: new Float64Array(18) })).toThrow(
      DimensionMismatchError,
    );
  });
});
