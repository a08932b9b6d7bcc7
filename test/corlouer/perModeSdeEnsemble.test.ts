/** The dedicated per-mode ensemble: the generic Euler–Maruyama's floats, on any number of workers. */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { perModeSdeEnsemble } from '../../src/reductions/perModeSdeEnsemble.js';
import { perModeSdeSpec } from '../../src/reductions/perModeSdeProblem.js';
import { runEnsemble } from '../../src/sde/ensemble.js';

const args = { depth: 4, s: 1.3, lr: 0.05, batch: 2, labelNoise: 0.4, x0: 0.5, t1: 6, seed: 23 };

describe('perModeSdeEnsemble', () => {
  it('should give the end states and statuses of the generic Euler–Maruyama ensemble, on 1 and 2 workers', async () => {
    const generic = await runEnsemble(perModeSdeSpec('per-layer', args), {
      method: 'eulerMaruyama',
      paths: 200,
      steps: 600,
    });
    const one = await perModeSdeEnsemble({ args, paths: 200, steps: 600 });
    const two = await perModeSdeEnsemble({ args, paths: 200, steps: 600, workers: 2 });
    expect(one.end).toEqual(generic.end);
    expect(one.tReached).toEqual(generic.tReached);
    expect(two.end).toEqual(one.end);
    expect(two.statistics).toEqual(one.statistics);
    expect(one.statistics).toEqual(generic.statistics);
  });

  it('should stop diverging paths with the generic statuses and times', async () => {
    const wild = { ...args, lr: 50, x0: 1.5 };
    const generic = await runEnsemble(perModeSdeSpec('per-layer', wild), {
      method: 'eulerMaruyama',
      paths: 20,
      steps: 200,
      blowUpBound: 1e6,
    });
    const mine = await perModeSdeEnsemble({ args: wild, paths: 20, steps: 200, blowUpBound: 1e6 });
    expect(generic.failed).toBeGreaterThan(0);
    expect(mine.failed).toBe(generic.failed);
    expect(mine.status).toEqual(generic.status);
    expect(mine.tReached).toEqual(generic.tReached);
  });

  it('should refuse hostile options before running', async () => {
    await expect(perModeSdeEnsemble({ args: { ...args, t1: -1 }, paths: 2, steps: 2 })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(perModeSdeEnsemble({ args, paths: 0, steps: 2 })).rejects.toThrow(InvalidArgumentError);
    // The same interval rule as every other integrator: finite ends whose difference overflows are refused.
    await expect(
      perModeSdeEnsemble({ args: { ...args, t0: -8e307, t1: 1e308 }, paths: 2, steps: 2 }),
    ).rejects.toThrow(/t1 − t0 overflows/);
    await expect(perModeSdeEnsemble({ args, paths: 2, steps: 2.5 })).rejects.toThrow(InvalidArgumentError);
    await expect(
      perModeSdeEnsemble({ args: { ...args, lr: Number.NaN }, paths: 2, steps: 2 }),
    ).rejects.toThrow(InvalidArgumentError);
  });
});
