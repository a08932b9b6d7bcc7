import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { createTeacher, deepLinearNetwork } from '../../src/networks/index.js';
import { onlineSgd } from '../../src/training/index.js';
import { exactlySolved } from '../networks/exactlySolved.js';

const teacher = createTeacher({ dIn: 4, dOut: 3, singularValues: [2, 1], seed: 51 });
const net = deepLinearNetwork({
  dIn: 4,
  dOut: 3,
  depth: 3,
  width: 5,
  init: { kind: 'scaled', eps: 0.5, seed: 52 },
});
const base = { lr: 0.01, steps: 300, batch: 4, labelNoise: 0.3, seed: 53 };

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe('onlineSgd', () => {
  it('should reproduce a run bit for bit from (seed, path) and change with either', () => {
    const a = onlineSgd(net, teacher, base);
    expect(sameBits(onlineSgd(net, teacher, base).thetaEnd, a.thetaEnd)).toBe(true);
    expect(sameBits(onlineSgd(net, teacher, { ...base, seed: 54 }).thetaEnd, a.thetaEnd)).toBe(false);
    expect(sameBits(onlineSgd(net, teacher, { ...base, path: 1 }).thetaEnd, a.thetaEnd)).toBe(false);
    expect(a.t[a.t.length - 1]).toBeCloseTo(base.lr * base.steps, 12);
  });

  it('should stay exactly at W = W* without label noise and move off it with label noise', () => {
    // W_2 W_1 = W* with exactly representable entries, so every sample's residual W x − W* x is exactly 0.
    const { teacher: exactTeacher, net: solved } = exactlySolved();
    const quiet = onlineSgd(solved, exactTeacher, { ...base, labelNoise: 0 });
    expect(sameBits(quiet.thetaEnd, solved.theta)).toBe(true);
    expect(quiet.loss.every((l) => l === 0)).toBe(true);
    const noisy = onlineSgd(solved, exactTeacher, base);
    expect(noisy.loss[noisy.loss.length - 1]).toBeGreaterThan(0);
  });

  it('should learn the teacher down to the noise-driven fluctuation level', () => {
    // A mode counts above 10% of s_1: between noise-driven singular values (~√(ησ_ξ²/B) ≈ 0.02) and s_2 = 1.
    const run = onlineSgd(net, teacher, {
      ...base,
      steps: 4000,
      lr: 0.02,
      saveEvery: 4000,
      rankTolerance: 0.1,
    });
    expect(run.status).toBe('success');
    // Population loss starts near ½(2² + 1²) = 2.5 and must end far below the one-mode plateau ½·1² = 0.5;
    // the stationary excess loss ≈ ησ_ξ² tr(H)/(4B) is of order 1e-2 here.
    expect(run.loss[0]).toBeGreaterThan(2);
    expect(run.loss[run.loss.length - 1]).toBeLessThan(0.05);
    expect(run.rank[run.rank.length - 1]).toBe(2);
  });

  it('should stop with a failure status and finite last state when η is far too large', () => {
    const run = onlineSgd(net, teacher, { ...base, lr: 30 });
    expect(['non-finite', 'blow-up']).toContain(run.status);
    expect(run.tReached).toBeLessThan(base.steps * 30);
    expect(run.thetaEnd.every(Number.isFinite)).toBe(true);
  });

  it('should reject hostile batch sizes, label noise and seeds with named errors', () => {
    fc.assert(
      fc.property(
        fc.record({
          batch: fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 4),
          labelNoise: fc.constantFrom(-0.1, Number.NaN, Number.POSITIVE_INFINITY, 0.3),
          seed: fc.constantFrom(-1, 2 ** 32, 0.5, Number.NaN, 53),
        }),
        (bad) => {
          fc.pre(!(bad.batch === 4 && bad.labelNoise === 0.3 && bad.seed === 53));
          expect(() => onlineSgd(net, teacher, { ...base, ...bad })).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 501, numRuns: 60 },
    );
  });
});
