/**
 * Hostile inputs: whatever is passed, solveSde either throws a named error (a SaddlecheckError) or returns a
 * status from src/solution.ts; a 'success' never carries a non-finite number, and a failure reports the time
 * reached and the last finite state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SaddlecheckError } from '../../src/errors.js';
import {
  BrownianPath,
  geometricBrownianMotion,
  methods,
  NOISE_KINDS,
  type SdeProblem,
  type SdeSolution,
  solveSde,
} from '../../src/sde/index.js';

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, -1, 1e308),
  fc.integer({ min: -5, max: 50 }),
);

const allMethods = methods.map((make) => make());

function expectHonest(solution: SdeSolution, problem: SdeProblem): void {
  expect(['success', 'non-finite', 'blow-up']).toContain(solution.status);
  expect(solution.tReached).toBeGreaterThanOrEqual(problem.t0);
  expect(solution.tReached).toBeLessThanOrEqual(problem.t1);
  expect(solution.xEnd.every(Number.isFinite)).toBe(true);
  expect(solution.x.every(Number.isFinite)).toBe(true);
  if (solution.status === 'success') expect(solution.tReached).toBe(problem.t1);
}

/** Calls solveSde and checks the contract: a named error or an honest solution. */
function solveOrNamedError(problem: SdeProblem, method: (typeof allMethods)[number], options: object): void {
  let solution: SdeSolution;
  try {
    solution = solveSde(problem, method, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SaddlecheckError);
    return;
  }
  expectHonest(solution, problem);
}

describe('hostile inputs', () => {
  const { problem: gbm } = geometricBrownianMotion();

  it('should reject a non-finite or empty x0 with InvalidArgumentError', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 4 }), (values) => {
        const problem = { ...gbm, noise: 'diagonal' as const, x0: Float64Array.from(values) };
        const bad = values.length === 0 || values.some((v) => !Number.isFinite(v));
        if (bad) expect(() => solveSde(problem, allMethods[0], { steps: 4 })).toThrow(InvalidArgumentError);
        else expectHonest(solveSde(problem, allMethods[0], { steps: 4 }), problem);
      }),
      { seed: 59 },
    );
  });

  it('should reject dt <= 0, non-finite dt and steps that are not positive integers', () => {
    fc.assert(
      fc.property(anyNumber, fc.boolean(), (value, asSteps) => {
        const options = asSteps ? { steps: value } : { dt: value };
        const mustThrow = asSteps
          ? !(Number.isInteger(value) && value >= 1)
          : !(value > 0 && Number.isFinite(value));
        if (mustThrow) {
          expect(() => solveSde(gbm, allMethods[0], options)).toThrow(InvalidArgumentError);
          return;
        }
        // Valid but long solves are left out to keep the test fast.
        if (asSteps ? value > 1e4 : value < 1e-4) return;
        solveOrNamedError(gbm, allMethods[0], options);
      }),
      { seed: 66 },
    );
  });

  it('should reject non-finite times, t1 <= t0, bad seeds and bad paths with a named error', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (t0, t1, seed, path) => {
        solveOrNamedError({ ...gbm, t0, t1, seed }, allMethods[0], { steps: 3, path });
      }),
      { seed: 11 },
    );
    // Found by the property above: two finite times 1.8e308 apart, whose difference t1 − t0 is +Infinity.
    const overflowing = { ...gbm, t0: -8e307, t1: 1e308 };
    expect(() => solveSde(overflowing, allMethods[0], { steps: 3 })).toThrow(/t1 − t0 overflows/);
    expect(() => new BrownianPath({ brownianDim: 1, finestLevel: 2, t0: -8e307, t1: 1e308 })).toThrow(
      /t1 − t0 overflows/,
    );
  });

  it('should end with a failure status, never a wrong number, when the coefficients misbehave', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allMethods),
        fc.constantFrom(...NOISE_KINDS),
        fc.constantFrom('ito' as const, 'stratonovich' as const),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 5 }),
        anyNumber,
        fc.integer({ min: 1, max: 40 }),
        (method, noise, interpretation, d, written, value, steps) => {
          // Coefficients written for a state of dimension `written` (maybe fewer or more than d): they write that
          // many components and read component written - 1, which is undefined when written > d.
          const field = (_t: number, x: Float64Array, out: Float64Array): void => {
            const last = x[written - 1];
            for (let i = 0; i < written; i++) out[i] = value * (1 + last * last);
          };
          const problem: SdeProblem = {
            drift: field,
            diffusion: field,
            diffusionDerivative: field,
            noise,
            brownianDim: noise === 'general' ? 2 : undefined,
            interpretation,
            x0: new Float64Array(d).fill(0.5),
            t0: 0,
            t1: 1,
            seed: 3,
          };
          solveOrNamedError(problem, method, { steps, path: 1 });
        },
      ),
      { seed: 91, numRuns: 300 },
    );
  });

  it('should refuse Brownian increments of another dimension with a named error for every method', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allMethods), fc.integer({ min: 2, max: 4 }), (method, m) => {
        const level = new BrownianPath({ brownianDim: m, finestLevel: 2, timeIntegral: true })
          .sample(1, 0)
          .level(2);
        expect(() => solveSde(gbm, method, { brownian: level })).toThrow(SaddlecheckError);
      }),
      { seed: 73 },
    );
  });
});
