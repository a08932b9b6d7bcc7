import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import {
  dopri5,
  gbs,
  type OdeMethod,
  type OdeOptions,
  type OdeProblem,
  rk4,
  solveOde,
  solveOdeLog,
} from '../../src/ode/index.js';

const SEED = 20_261_124;
const METHODS: ReadonlyArray<() => OdeMethod> = [dopri5, gbs, () => rk4(0.05)];
const methods = fc.constantFrom(...METHODS);
const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const decay = (y0: readonly number[] = [1], t0 = 0, t1 = 1): OdeProblem => ({
  rhs: (_t, y, out) => {
    for (let i = 0; i < y.length; i++) out[i] = -y[i];
  },
  y0,
  t0,
  t1,
});

function throwsNamed(
  run: () => unknown,
  type: new (...args: never[]) => Error = InvalidArgumentError,
): boolean {
  try {
    run();
  } catch (error) {
    // The message says what was received and what is allowed.
    return error instanceof type && /must be|has \d+ entries/.test((error as Error).message);
  }
  return false;
}

describe('hostile problems', () => {
  it('should refuse a y0 holding NaN or an infinity, for every method', () => {
    const y0 = fc
      .tuple(fc.array(finite, { maxLength: 4 }), nonFinite, fc.array(finite, { maxLength: 4 }))
      .map(([a, bad, b]) => [...a, bad, ...b]);
    fc.assert(
      fc.property(y0, methods, (values, method) => throwsNamed(() => solveOde(decay(values), method()))),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('should refuse an empty y0 and a y0 that is not an array', () => {
    for (const method of [dopri5(), gbs(), rk4(0.1)]) {
      expect(throwsNamed(() => solveOde(decay([]), method))).toBe(true);
      expect(throwsNamed(() => solveOde({ ...decay(), y0: 1 as never }, method))).toBe(true);
    }
  });

  it('should refuse non-finite times, t1 <= t0 and an interval whose length overflows', () => {
    const time = fc.oneof(finite, nonFinite);
    const bad = fc
      .tuple(time, time)
      .filter(([t0, t1]) => !(Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0));
    // Two finite times 1.8e308 apart: t1 − t0 is +Infinity.
    for (const method of METHODS)
      expect(() => solveOde(decay([1], -8e307, 1e308), method())).toThrow(/t1 − t0 overflows/);
    fc.assert(
      fc.property(bad, methods, ([t0, t1], method) =>
        throwsNamed(() => solveOde(decay([1], t0, t1), method())),
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('should refuse a y0 <= 0 in log coordinates', () => {
    const notPositive = fc.oneof(fc.double({ max: 0, noNaN: true }), fc.constant(-0));
    fc.assert(
      fc.property(notPositive, methods, (value, method) =>
        throwsNamed(() => solveOdeLog(decay([1, value]), method())),
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('should refuse a problem or method of the wrong kind', () => {
    expect(throwsNamed(() => solveOde(null as never, dopri5()))).toBe(true);
    expect(throwsNamed(() => solveOde({ ...decay(), rhs: 3 as never }, dopri5()))).toBe(true);
    expect(throwsNamed(() => solveOde(decay(), {} as never))).toBe(true);
  });
});

describe('hostile options', () => {
  const notPositive = fc.oneof(fc.double({ max: 0, noNaN: true }), nonFinite);

  it('should refuse rtol <= 0 or not finite, as a scalar or in an array', () => {
    fc.assert(
      fc.property(notPositive, fc.boolean(), methods, (rtol, inArray, method) => {
        const options: OdeOptions = { rtol: inArray ? [1e-6, rtol] : rtol };
        return throwsNamed(() => solveOde(decay([1, 2]), method(), options));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('should refuse a negative or non-finite atol', () => {
    const bad = fc.oneof(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), nonFinite);
    fc.assert(
      fc.property(bad, methods, (atol, method) => throwsNamed(() => solveOde(decay(), method(), { atol }))),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('should refuse tolerance arrays whose length differs from y0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }).filter((n) => n !== 3),
        (n) => {
          const tolerances = new Array<number>(n).fill(1e-6);
          return (
            throwsNamed(
              () => solveOde(decay([1, 2, 3]), dopri5(), { rtol: tolerances }),
              DimensionMismatchError,
            ) &&
            throwsNamed(() => solveOde(decay([1, 2, 3]), gbs(), { atol: tolerances }), DimensionMismatchError)
          );
        },
      ),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('should refuse a y0 component at 0 with atol 0 for adaptive methods only', () => {
    expect(throwsNamed(() => solveOde(decay([1, 0]), dopri5()))).toBe(true);
    expect(throwsNamed(() => solveOde(decay([0]), gbs(), { atol: [0] }))).toBe(true);
    expect(solveOde(decay([1, 0]), dopri5(), { atol: 1e-12 }).status).toBe('success');
    expect(solveOde(decay([1, 0]), rk4(0.1)).status).toBe('success');
  });

  it('should refuse step sizes, limits and bounds that are not positive and finite', () => {
    fc.assert(
      fc.property(notPositive, (value) =>
        [
          () => rk4(value),
          () => dopri5({ dt: value }),
          () => solveOde(decay(), dopri5(), { initialDt: value }),
          () => solveOde(decay(), dopri5(), { blowUpBound: value }),
          () => solveOde(decay(), dopri5(), { maxSteps: value }),
          () => solveOde(decay(), dopri5(), { maxSteps: 2.5 }),
        ].every((run) => throwsNamed(run)),
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('should refuse save times outside [t0, t1], not increasing or not finite', () => {
    const bad = fc.oneof(
      fc
        .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 })
        .filter((times) => !times.every((t, k) => k === 0 || t > times[k - 1])),
      fc
        .tuple(
          fc.oneof(
            fc.double({ min: 1, max: 1e6, noNaN: true }).filter((t) => t > 1),
            nonFinite,
          ),
        )
        .map(([t]) => [0, t]),
      fc
        .double({ min: -1e6, max: 0, noNaN: true })
        .filter((t) => t < 0)
        .map((t) => [t]),
    );
    fc.assert(
      fc.property(bad, methods, (saveAt, method) =>
        throwsNamed(() => solveOde(decay(), method(), { saveAt })),
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('should refuse malformed events', () => {
    const fn = (_t: number, y: Float64Array) => y[0];
    const events = [
      [{ name: 'e', fn, level: Number.NaN }],
      [{ name: 'e', fn, level: 0, direction: 'sideways' }],
      [{ name: 'e', fn: 'y' as never, level: 0 }],
      [{ name: 3, fn, level: 0 }],
      [{ name: 'e', fn, level: 0, terminal: 'yes' }],
      [null],
      'events',
    ];
    for (const e of events)
      expect(throwsNamed(() => solveOde(decay(), dopri5(), { events: e as never }))).toBe(true);
  });
});

describe('hostile right-hand sides', () => {
  it('should report non-finite, never success or an exception, when f turns NaN or infinite', () => {
    const scenario = fc.record({
      tBad: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      component: fc.integer({ min: 0, max: 2 }),
      value: nonFinite,
    });
    fc.assert(
      fc.property(scenario, methods, ({ tBad, component, value }, method) => {
        const problem: OdeProblem = {
          rhs: (t, y, out) => {
            for (let i = 0; i < 3; i++) out[i] = -y[i];
            if (t > tBad) out[component] = value;
          },
          y0: [1, 2, 3],
          t0: 0,
          t1: 1,
        };
        const solution = solveOde(problem, method());
        expect(solution.status).toBe('non-finite');
        expect(solution.tReached).toBeLessThanOrEqual(tBad);
        expect(Array.from(solution.yEnd).every(Number.isFinite)).toBe(true);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
