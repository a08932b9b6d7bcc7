import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { deepLinearNetwork } from '../../src/networks/deepLinearNetwork.js';
import { createTeacher } from '../../src/networks/teacher.js';
import { perModeEscapeClosedForm } from '../../src/reductions/perModeClosedForm.js';
import { dlnGradientFlowBenchmark } from '../../src/training/dlnGradientFlowBenchmark.js';
import { gradientFlowEscapes } from '../../src/training/gradientFlowEscapes.js';

const teacher = createTeacher({ dIn: 4, dOut: 3, singularValues: [3, 1.5, 0.75], seed: 5 });

function aligned(depth: number, eps: number) {
  return deepLinearNetwork({ dIn: 4, dOut: 3, depth, width: 4, init: { kind: 'aligned', eps, teacher } });
}

describe('escape times of full-matrix gradient flow', () => {
  for (const [depth, eps] of [
    [2, 1e-3],
    [3, 0.02],
    [4, 0.1],
  ]) {
    for (const stiff of [false, true]) {
      it(`should equal the per-mode closed form for every mode from aligned init (L = ${depth}, ${stiff ? 'ros34pw2' : 'gbs'})`, () => {
        const rtol = stiff ? 1e-9 : 1e-10;
        const t1 = 3 * perModeEscapeClosedForm({ depth, s: 0.75, eps });
        const result = gradientFlowEscapes(aligned(depth, eps), teacher, { t1, rtol, stiff });
        expect(result.status).toBe('success');
        expect(result.learnedTime).not.toBeNull();
        teacher.s.forEach((s, k) => {
          const exact = perModeEscapeClosedForm({ depth, s, eps });
          // Each accepted step leaves a local error of at most rtol relative to the parameters, which moves the
          // escape time by as much relative (t is a smooth function of the log-scale of the modes).
          expect(Math.abs((result.escapeTimes[k] as number) / exact - 1)).toBeLessThan(result.steps * rtol);
        });
      });
    }
  }

  it('should stop at t1 with null escapes when the horizon is too short', () => {
    const result = gradientFlowEscapes(aligned(3, 0.02), teacher, { t1: 1 });
    expect(result.status).toBe('success');
    expect(result.tReached).toBe(1);
    expect(result.escapeTimes).toEqual([null, null, null]);
    expect(result.learnedTime).toBeNull();
  });

  it('should refuse bad fractions, horizons and mode counts', () => {
    const net = aligned(3, 0.02);
    fc.assert(
      fc.property(
        fc.constantFrom(Number.NaN, -1, 0, Number.POSITIVE_INFINITY),
        fc.constantFrom(1, 2, 4.5),
        (bad, big) => {
          for (const frac of [bad, big]) {
            expect(() => gradientFlowEscapes(net, teacher, { t1: 10, frac })).toThrow(InvalidArgumentError);
            expect(() => gradientFlowEscapes(net, teacher, { t1: 10, learned: frac })).toThrow(
              InvalidArgumentError,
            );
          }
          expect(() => gradientFlowEscapes(net, teacher, { t1: bad })).toThrow(InvalidArgumentError);
          expect(() => gradientFlowEscapes(net, teacher, { t1: 10, modes: bad })).toThrow(
            InvalidArgumentError,
          );
          expect(() => gradientFlowEscapes(net, teacher, { t1: 10, modes: big + 3 })).toThrow(
            InvalidArgumentError,
          );
        },
      ),
      { seed: 2, numRuns: 12 },
    );
    expect(() => gradientFlowEscapes(net, teacher, { t1: 10, frac: 0.6, learned: 0.5 })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('the stiff gradient-flow benchmark', () => {
  it('should cross plateaus 10⁴ times longer for at most 3× the work', () => {
    const bench = dlnGradientFlowBenchmark({ width: 6, dims: 4, singularValues: [2, 1], eps: 1e-3 });
    for (const run of [bench.main, bench.small, bench.large]) {
      expect(run.status).toBe('success');
      expect(run.escapeTimes.every((t) => t !== null)).toBe(true);
    }
    // Plateaus last ε^{−(L−2)} times an ε-independent factor (same normalized init), plus O(1) transitions:
    // the ratio of the learning times is 10⁴ up to the transitions, a fraction ≲ 1e-3 of the large-ε run.
    expect(Math.abs(bench.fixedStepRatio / 1e4 - 1)).toBeLessThan(1e-2);
    expect(bench.workRatio).toBeLessThan(3);
  });
});
