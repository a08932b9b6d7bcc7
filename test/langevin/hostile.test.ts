/**
 * Hostile inputs to every Langevin entry point: each must throw a named error (InvalidArgumentError or
 * DimensionMismatchError, both SaddlecheckError) at the call, and numerical trouble met during a run must come
 * back as a failure status with the time reached, never as an exception or a silent number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError, SaddlecheckError } from '../../src/errors.js';
import { baoab, type UnderdampedProblem } from '../../src/langevin/baoab.js';
import { gibbsDensity } from '../../src/langevin/gibbs.js';
import { type OverdampedProblem, overdampedLangevin } from '../../src/langevin/overdamped.js';
import type { LangevinOptions } from '../../src/langevin/types.js';

const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const negative = fc.double({ max: -Number.MIN_VALUE, noNaN: true });
const nonPositive = fc.oneof(negative, fc.constant(0), fc.constant(-0));
const hostile = fc.oneof(nonFinite, negative);
const notInteger = fc.oneof(nonFinite, negative, fc.double({ min: 0.01, max: 0.99, noNaN: true }));

function identityMatrix(d: number) {
  return (_x: Float64Array, out: Float64Array): void => {
    out.fill(0);
    for (let i = 0; i < d; i++) out[i * d + i] = 1;
  };
}

function gibbsProblem(d: number): OverdampedProblem {
  return {
    form: 'gibbs',
    gradient: (x, out) => out.set(x),
    diffusion: identityMatrix(d),
    temperature: 1,
    x0: new Array(d).fill(0.1),
    t0: 0,
    t1: 0.1,
    seed: 1,
  };
}

function sgdProblem(d: number): OverdampedProblem {
  return { ...gibbsProblem(d), form: 'sgd', covariance: identityMatrix(d), learningRate: 0.1, batchSize: 2 };
}

function underdamped(d: number): UnderdampedProblem {
  return {
    gradient: (q, out) => out.set(q),
    mass: new Array(d).fill(1),
    friction: 1,
    temperature: 1,
    q0: new Array(d).fill(0.1),
    t0: 0,
    t1: 0.1,
    seed: 1,
  };
}

const options: LangevinOptions = { dt: 0.01 };

/** Mutations of a valid (problem, options) pair of dimension d with one hostile value v, and the values. */
type Mutation = [(d: number, v: number) => [OverdampedProblem, LangevinOptions], fc.Arbitrary<number>];
const anything = fc.constant(0);
const overdampedMutations: Record<string, Mutation> = {
  'dt <= 0 or not finite': [(d, v) => [gibbsProblem(d), { dt: v }], fc.oneof(nonFinite, nonPositive)],
  'temperature < 0 or not finite': [
    (d, v) => [{ ...gibbsProblem(d), temperature: v } as OverdampedProblem, options],
    hostile,
  ],
  'x0 with a non-finite entry': [
    (d, v) => [{ ...gibbsProblem(d), x0: [...new Array(d - 1).fill(0), v] }, options],
    nonFinite,
  ],
  'empty x0': [(d) => [{ ...gibbsProblem(d), x0: [] }, options], anything],
  't1 not after t0': [
    (d, v) => [{ ...gibbsProblem(d), t0: 1, t1: 1 + v }, options],
    fc.oneof(nonFinite, nonPositive),
  ],
  't1 − t0 overflowing': [(d) => [{ ...gibbsProblem(d), t0: -8e307, t1: 1e308 }, options], anything],
  't0 not finite': [(d, v) => [{ ...gibbsProblem(d), t0: v }, options], nonFinite],
  'seed not an integer in [0, 2^32)': [
    (d, v) => [{ ...gibbsProblem(d), seed: v }, options],
    fc.oneof(notInteger, fc.constant(2 ** 32)),
  ],
  'path negative or fractional': [(d, v) => [gibbsProblem(d), { dt: 0.01, path: v }], notInteger],
  'saveEvery not a positive integer': [
    (d, v) => [gibbsProblem(d), { dt: 0.01, saveEvery: v }],
    fc.oneof(notInteger, fc.constant(0)),
  ],
  'saveFrom not finite': [(d, v) => [gibbsProblem(d), { dt: 0.01, saveFrom: v }], nonFinite],
  'blowUpBound <= 0': [
    (d, v) => [gibbsProblem(d), { dt: 0.01, blowUpBound: v }],
    fc.oneof(nonFinite, nonPositive),
  ],
  'gradient writing too few entries': [
    (d) => [{ ...gibbsProblem(d), gradient: (_x, out) => out.fill(0, 1) }, options],
    anything,
  ],
  'diffusion writing too few entries': [
    (d) => [{ ...gibbsProblem(d), diffusion: (_x, out) => out.fill(1, 0, d * d - 1) }, options],
    anything,
  ],
  'asymmetric diffusion': [
    (d) => [
      { ...gibbsProblem(d + 1), diffusion: (_x, out) => out.fill(0).fill(1, 1, 2).fill(2, 0, 1) },
      options,
    ],
    anything,
  ],
  'divergenceStep <= 0': [
    (d, v) => [{ ...gibbsProblem(d), divergenceStep: v } as OverdampedProblem, options],
    fc.oneof(nonFinite, nonPositive),
  ],
  'learningRate <= 0 or not finite': [
    (d, v) => [{ ...sgdProblem(d), learningRate: v } as OverdampedProblem, options],
    fc.oneof(nonFinite, nonPositive),
  ],
  'batchSize not a positive integer': [
    (d, v) => [{ ...sgdProblem(d), batchSize: v } as OverdampedProblem, options],
    fc.oneof(notInteger, fc.constant(0)),
  ],
  'unknown form': [
    (d) => [{ ...gibbsProblem(d), form: 'metropolis' } as unknown as OverdampedProblem, options],
    anything,
  ],
};

describe('hostile inputs', () => {
  it.each(
    Object.keys(overdampedMutations),
  )('should make overdampedLangevin throw a named error for %s', (name) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), overdampedMutations[name][1], (d, v) => {
        const [problem, opts] = overdampedMutations[name][0](d, v);
        expect(() => overdampedLangevin(problem, opts)).toThrow(SaddlecheckError);
      }),
      { seed: 41, numRuns: 40 },
    );
  });

  it('should say that t1 − t0 overflows, not that the step count is unsafe', () => {
    // Both ends finite, their difference +Infinity: refused for the interval itself.
    expect(() => overdampedLangevin({ ...gibbsProblem(2), t0: -8e307, t1: 1e308 }, options)).toThrow(
      /t1 − t0 overflows/,
    );
  });

  it('should make baoab throw InvalidArgumentError for hostile mass, friction, temperature, dt or q0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), hostile, nonPositive, nonFinite, (d, v, z, w) => {
        const base = underdamped(d);
        for (const [problem, opts] of [
          [{ ...base, mass: [...base.mass].fill(z, 0, 1) }, options],
          [{ ...base, friction: v }, options],
          [{ ...base, temperature: v }, options],
          [{ ...base, q0: [...base.q0].fill(w, 0, 1) }, options],
          [base, { dt: z }],
        ] as [UnderdampedProblem, LangevinOptions][]) {
          expect(() => baoab(problem, opts)).toThrow(InvalidArgumentError);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('should make baoab throw DimensionMismatchError when mass or p0 and q0 differ in length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (d, e) => {
        fc.pre(d !== e);
        const base = underdamped(d);
        expect(() => baoab({ ...base, mass: new Array(e).fill(1) }, options)).toThrow(DimensionMismatchError);
        expect(() => baoab({ ...base, p0: new Array(e).fill(0) }, options)).toThrow(DimensionMismatchError);
      }),
      { seed: 43, numRuns: 40 },
    );
  });

  it('should make gibbsDensity throw InvalidArgumentError for T <= 0, non-finite T or hostile scale', () => {
    fc.assert(
      fc.property(fc.oneof(nonFinite, nonPositive), (v) => {
        expect(() => gibbsDensity((x) => x * x, v)).toThrow(InvalidArgumentError);
        expect(() => gibbsDensity((x) => x * x, 1, { scale: v })).toThrow(InvalidArgumentError);
      }),
      { seed: 44, numRuns: 60 },
    );
  });
});

describe('numerical trouble during a run', () => {
  it('should end every run whose gradient turns non-finite with status non-finite and a finite state', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        nonFinite,
        (d, after, bad) => {
          let calls = 0;
          const gradient = (x: Float64Array, out: Float64Array): void => {
            calls++;
            out.set(x);
            if (calls > after) out[d - 1] = bad;
          };
          const over = overdampedLangevin({ ...gibbsProblem(d), gradient, t1: 1 }, options);
          expect(over.status).toBe('non-finite');
          expect(over.tReached).toBeLessThan(1);
          expect(Array.from(over.x).every(Number.isFinite)).toBe(true);
          calls = 0;
          const under = baoab({ ...underdamped(d), gradient, t1: 1 }, options);
          expect(under.status).toBe('non-finite');
          expect(under.tReached).toBeLessThan(1);
          expect(Array.from(under.q).every(Number.isFinite)).toBe(true);
        },
      ),
      { seed: 45, numRuns: 60 },
    );
  });
});
