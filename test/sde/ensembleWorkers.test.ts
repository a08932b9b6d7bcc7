import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/sde/ensemble.js';
import { fixturesModule } from './ensembleFixtures.js';

const method = { module: fixturesModule, export: 'testEulerMaruyama' };
const gbm = {
  module: fixturesModule,
  export: 'geometricBrownian',
  args: { mu: 0.3, sigma: 0.8, x0: [1, 2], seed: 11 },
};

describe('runEnsemble on worker threads', () => {
  it('should give bitwise identical arrays for 1, 2 and 3 workers and any chunk size', async () => {
    const options = { method, paths: 257, steps: 64, saveAt: [0.25, 0.5] };
    const one = await runEnsemble(gbm, { ...options, workers: 1, chunkSize: 257 });
    const two = await runEnsemble(gbm, { ...options, workers: 2, chunkSize: 10 });
    const three = await runEnsemble(gbm, { ...options, workers: 3, chunkSize: 33 });
    for (const other of [two, three]) {
      expect(other.end).toEqual(one.end);
      expect(other.saved).toEqual(one.saved);
      expect(other.statistics).toEqual(one.statistics);
    }
  });
});
