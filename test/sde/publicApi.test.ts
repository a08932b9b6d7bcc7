import { describe, expect, it } from 'vitest';
import * as saddlecheck from '../../src/index.js';

describe('the library entry point', () => {
  it('should export ensembles, first passage and order measurement, not only single paths', () => {
    for (const name of [
      'solveSde',
      'runEnsemble',
      'firstPassage',
      'passageEstimate',
      'survivalAt',
      'errorSweep',
      'measureOrder',
      'convergenceCases',
    ])
      expect(typeof (saddlecheck as Record<string, unknown>)[name], name).toBe('function');
  });

  it('should answer a first-passage question from the root import', async () => {
    // Brownian motion with drift 1 from 0 to level 1: the passage time is inverse Gaussian with mean 1.
    const result = await saddlecheck.firstPassage(
      {
        module: new URL('../../src/sde/ensembleBenchmark.ts', import.meta.url).href,
        export: 'benchmarkProblem',
        args: { theta: 0, mu: 1, sigma: 1, x0: 0, t1: 20, seed: 3 },
      },
      { method: 'eulerMaruyama', paths: 4000, dt: 0.01, level: 1 },
    );
    expect(result.censored).toBe(0);
    // The passage time is inverse Gaussian with variance a sigma^2 / mu^3 = 1, so the mean of 4000 has standard
    // error 1/sqrt(4000) = 0.0158 and 0.07 is 4.4 of them. Euler-Maruyama and the bridge are exact for Brownian
    // motion with constant drift, so there is no dt bias to allow for.
    expect(Math.abs(result.estimate.value - 1)).toBeLessThan(0.07);
  });
});
