import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { randomStream } from '../../src/random/stream.js';
import type { Theorem } from '../../theorems/theorem.js';
import { explore } from '../../verify/explore.js';
import { assertConfirmed, NotConfirmedError, verify } from '../../verify/verify.js';

/** E[Z²] = 1 for Z ~ N(0, 1), measured by Monte Carlo; a stand-in theorem with a known answer. */
function secondMoment(predictedOffset: number): Theorem<{ n: number }> {
  return {
    id: 'normal-second-moment',
    title: 'The second moment of a standard normal is 1',
    source: 'definition',
    statement: 'E[Z²] = 1',
    assumptions: [],
    quantity: 'E[Z²]',
    settings: fc.record({ n: fc.integer({ min: 1000, max: 4000 }) }),
    defaultSetting: { n: 100_000 },
    predict: () => 1 + predictedOffset,
    measure({ n }, { seed }) {
      const stream = randomStream(seed, 0);
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const z2 = stream.nextNormal() ** 2;
        sum += z2;
        sumSq += z2 * z2;
      }
      const mean = sum / n;
      const se = Math.sqrt((sumSq / n - mean * mean) / n);
      return { value: mean, ci95: [mean - 1.96 * se, mean + 1.96 * se], samples: n };
    },
    comparison: { kind: 'containment', halfWidth: 0.02, why: 'Var(Z²) = 2, so 1e5 draws give ±0.009' },
  };
}

describe('verify', () => {
  it('should confirm a true prediction and print the rerun command with the seed', async () => {
    const report = await assertConfirmed(secondMoment(0), { seed: 7 });
    expect(report.status).toBe('confirmed');
    expect(report.rerun).toBe('npx saddlecheck verify normal-second-moment --seed 7 --budget quick');
    expect(report.setting).toEqual({ n: 100_000 });
  });

  it('should refute a prediction off by 0.1 (about 20 standard errors) and throw it from assertConfirmed', async () => {
    const report = await verify(secondMoment(0.1), { seed: 7 });
    expect(report.status).toBe('refuted');
    await expect(assertConfirmed(secondMoment(0.1), { seed: 7 })).rejects.toBeInstanceOf(NotConfirmedError);
  });

  it('should turn an exception in measure into failed-to-run', async () => {
    const broken = {
      ...secondMoment(0),
      measure: () => {
        throw new Error('boom');
      },
    };
    const report = await verify(broken, { seed: 1 });
    expect(report.status).toBe('failed-to-run');
    expect(report.reason).toContain('boom');
  });

  it('should shrink a refuted exploration to the smallest failing setting', async () => {
    // Off by 0.5 the prediction fails at every n, so shrinking reaches the lower bound n = 1000.
    const result = await explore(secondMoment(0.5), { runs: 5, seed: 3, budget: 'quick' });
    expect(result.failure?.setting).toEqual({ n: 1000 });
    expect(result.replay).toContain('--path');
  });

  it('should replay a counterexample from its path and refuse a path that is not one', async () => {
    const first = await explore(secondMoment(0.5), { runs: 5, seed: 3, budget: 'quick' });
    const replayed = await explore(secondMoment(0.5), {
      runs: 5,
      seed: 3,
      budget: 'quick',
      path: first.path,
    });
    expect(replayed.failure?.setting).toEqual({ n: 1000 });
    // The replay starts at the shrunk counterexample: it shrinks no further, where a fresh run shrank to it.
    expect(first.shrinks).toBeGreaterThan(0);
    expect(replayed.shrinks).toBe(0);
    expect(replayed.path).toBe(first.path);
    for (const path of ['garbage', '1:', ':1', '1;2']) {
      await expect(explore(secondMoment(0.5), { runs: 5, seed: 3, budget: 'quick', path })).rejects.toThrow(
        InvalidArgumentError,
      );
    }
    // Well formed, but deeper than any shrink of this exploration.
    const deep = explore(secondMoment(0.5), {
      runs: 5,
      seed: 3,
      budget: 'quick',
      path: '0:0:0:0:0:0:0:0:0:0:0:0:0:0',
    });
    await expect(deep).rejects.toThrow(/--path must be the replay path .*leads to no drawn setting/);
  });
});
