import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SaddlecheckError, UnsupportedProblemError } from '../../src/errors.js';
import { runEnsemble } from '../../src/sde/ensemble.js';
import { firstPassage } from '../../src/sde/firstPassage.js';
import { fixturesModule } from './ensembleFixtures.js';

const ou = {
  module: fixturesModule,
  export: 'ornsteinUhlenbeck',
  args: { theta: 1, sigma: 0.5, x0: 0, t1: 1, seed: 3 },
};
const valid = { method: 'eulerMaruyama', paths: 4, steps: 4 };

/** Numbers no count may take: NaN, infinities, zero or negatives, fractions. */
const badCount = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 2.5),
  fc.integer({ max: 0 }),
  fc.double({ min: 0.01, max: 1e6, noInteger: true, noNaN: true }),
);
/** Steps that are not finite and positive, or that do not divide [0, 1] into whole steps. */
const badDt = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0.1, 0.3, 2),
  fc.double({ max: 0, noNaN: true }),
);
const badTime = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1);
const badSeed = fc.constantFrom(Number.NaN, -1, 0.5, 2 ** 32, Number.POSITIVE_INFINITY);
const badSaveAt = fc.constantFrom(
  [Number.NaN],
  [0.123],
  [0.5, 0.25],
  [2],
  [-0.25],
  [Number.POSITIVE_INFINITY],
);

/** Runs with one option replaced by a hostile value; the run must reject with a named error. */
async function expectNamedError(run: () => Promise<unknown>): Promise<void> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SaddlecheckError);
  expect((error as Error).message).toMatch(/must be|does not support|exactly one/);
}

describe('runEnsemble and firstPassage on hostile input', () => {
  it('should refuse every bad count, step, time, seed, worker number and save time with a named error', async () => {
    const options = fc.oneof(
      badCount.map((paths) => ({ ...valid, paths })),
      badCount.map((steps) => ({ ...valid, steps })),
      badDt.map((dt) => ({ method: 'eulerMaruyama', paths: 4, dt })),
      badTime.map((t1) => ({ ...valid, t1 })),
      badSeed.map((seed) => ({ ...valid, seed })),
      badCount.map((workers) => ({ ...valid, workers })),
      badCount.map((chunkSize) => ({ ...valid, chunkSize })),
      badSaveAt.map((saveAt) => ({ ...valid, saveAt })),
      fc.constantFrom(-1, 0, Number.NaN).map((blowUpBound) => ({ ...valid, blowUpBound })),
      fc.constant({ method: 'eulerMaruyama', paths: 4, steps: 4, dt: 0.25 }),
      fc.constant({ method: 'eulerMaruyama', paths: 4 }),
      fc.constantFrom('', 'euler', 'EulerMaruyama').map((method) => ({ ...valid, method })),
    );
    await fc.assert(
      fc.asyncProperty(options, (hostile) => expectNamedError(() => runEnsemble(ou, hostile as never))),
      { seed: 424242, numRuns: 150 },
    );
  });

  it('should refuse specs that cannot cross a thread boundary or do not build a problem', async () => {
    const specs = fc.constantFrom(
      { ...ou, module: './ensembleFixtures.ts' },
      { ...ou, module: '' },
      { ...ou, module: 'file:///no/such/module.js' },
      { ...ou, export: 'noSuchExport' },
      { ...ou, export: 'not a name' },
      { ...ou, export: 'notAProblem' },
      { ...ou, args: { theta: Number.NaN } },
      { ...ou, args: { f: () => 1 } },
      { ...ou, args: [new Float64Array(2)] },
      { ...ou, args: { theta: 1, sigma: 0.5, x0: Number.POSITIVE_INFINITY, t1: 1, seed: 3 } },
      null,
    );
    await fc.assert(
      fc.asyncProperty(specs, (spec) => expectNamedError(() => runEnsemble(spec as never, valid))),
      { seed: 7, numRuns: 40 },
    );
  });

  it('should refuse a method that does not support the noise, naming the error type', async () => {
    const gbm = {
      module: fixturesModule,
      export: 'geometricBrownian',
      args: { mu: 0, sigma: 1, x0: [1], seed: 1 },
    };
    await expect(runEnsemble(gbm, { ...valid, method: 'sra1' })).rejects.toThrow(UnsupportedProblemError);
    const wrongMethod = { module: fixturesModule, export: 'ornsteinUhlenbeck' };
    await expect(runEnsemble(ou, { ...valid, method: wrongMethod })).rejects.toThrow(InvalidArgumentError);
  });

  it('should refuse bad barriers and components', async () => {
    const barriers = fc.constantFrom(
      { level: Number.NaN },
      { level: Number.POSITIVE_INFINITY },
      { level: 1, interval: [0, 2] },
      {},
      { interval: [1, -1] },
      { interval: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] },
      { interval: [Number.NaN, 1] },
      { interval: [0] },
      { level: 1, component: 1 },
      { level: 1, component: -1 },
      { level: 1, component: 0.5 },
      { level: 1, bridge: 'yes' },
    );
    await fc.assert(
      fc.asyncProperty(barriers, (barrier) =>
        expectNamedError(() => firstPassage(ou, { ...valid, ...barrier } as never)),
      ),
      { seed: 99, numRuns: 40 },
    );
  });
});
