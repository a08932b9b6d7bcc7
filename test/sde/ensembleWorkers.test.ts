import { describe, expect, it } from 'vitest';
import { EnsembleWorkerError } from '../../src/parallel/chunkPool.js';
import { runEnsemble } from '../../src/sde/ensemble.js';
import { firstPassage } from '../../src/sde/firstPassage.js';
import { fixturesModule } from './ensembleFixtures.js';

// Worker threads take about a second to start from TypeScript sources; the runs of this file reuse them.
const gbm = {
  module: fixturesModule,
  export: 'geometricBrownian',
  args: { mu: 0.3, sigma: 0.8, x0: [1, 2], seed: 11 },
};
const drifted = {
  module: fixturesModule,
  export: 'ornsteinUhlenbeck',
  args: { theta: 0, mu: 1, sigma: 1, x0: 0, t1: 3, seed: 4 },
};

describe('ensembles on worker threads', () => {
  it('should give bitwise identical arrays for 1, 2 and 3 workers and any chunk size', async () => {
    const options = { method: 'milstein', paths: 257, steps: 64, saveAt: [0.25, 0.5] };
    const one = await runEnsemble(gbm, { ...options, workers: 1, chunkSize: 257 });
    const two = await runEnsemble(gbm, { ...options, workers: 2, chunkSize: 10 });
    const three = await runEnsemble(gbm, { ...options, workers: 3, chunkSize: 33 });
    for (const other of [two, three]) {
      expect(other.end).toEqual(one.end);
      expect(other.saved).toEqual(one.saved);
      expect(other.status).toEqual(one.status);
      expect(other.statistics).toEqual(one.statistics);
      expect(other.savedStatistics).toEqual(one.savedStatistics);
    }
  });

  it('should give the same passage times, bridge draws included, on two workers as in process', async () => {
    const options = { method: 'eulerMaruyama', paths: 300, dt: 0.05, level: 1 };
    const progress: number[] = [];
    const one = await firstPassage(drifted, { ...options, chunkSize: 300 });
    const two = await firstPassage(drifted, {
      ...options,
      workers: 2,
      chunkSize: 37,
      onProgress: (d) => progress.push(d),
    });
    expect(two.times).toEqual(one.times);
    expect(two.exitSide).toEqual(one.exitSide);
    expect(two.estimate).toEqual(one.estimate);
    expect(progress.at(-1)).toBe(300);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("should reject with the worker's own error message", async () => {
    const spec = { module: fixturesModule, export: 'throwingDrift', args: { at: 0.5 } };
    const run = runEnsemble(spec, { method: 'eulerMaruyama', paths: 20, steps: 10, workers: 2 });
    await expect(run).rejects.toThrow(EnsembleWorkerError);
    await expect(run).rejects.toThrow(/RangeError: drift refused t = 0\.6/);
  });

  it('should run cleanly after a failed run, whose workers were terminated, and again on reused workers', async () => {
    const spec = { module: fixturesModule, export: 'throwingDrift', args: { at: 0.5 } };
    await expect(
      runEnsemble(spec, { method: 'eulerMaruyama', paths: 20, steps: 10, workers: 2 }),
    ).rejects.toThrow(EnsembleWorkerError);
    const options = { method: 'eulerMaruyama', paths: 64, steps: 16 };
    const inThread = await runEnsemble(drifted, { ...options, workers: 1 });
    const first = await runEnsemble(drifted, { ...options, workers: 2, chunkSize: 5 });
    const second = await runEnsemble(drifted, { ...options, workers: 2, chunkSize: 7 });
    expect(first.end).toEqual(inThread.end);
    expect(second.end).toEqual(inThread.end);
  });
});
