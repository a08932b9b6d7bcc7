import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { ExpressionError } from '../../src/expressions/ExpressionError.js';
import { type SdeExpressionOptions, sdeFromExpressions } from '../../src/expressions/sdeFromExpressions.js';

const EPS = Number.EPSILON;
const base: SdeExpressionOptions = {
  drift: '-k*x',
  diffusion: 's',
  parameters: { k: 1.5, s: 0.3 },
  x0: 1,
  t1: 2,
  seed: 7,
};

function fields(options: SdeExpressionOptions, t: number, x: number) {
  const problem = sdeFromExpressions(options);
  const state = Float64Array.of(x);
  const out = new Float64Array(1);
  problem.drift(t, state, out);
  const drift = out[0];
  problem.diffusion(t, state, out);
  const diffusion = out[0];
  (problem.diffusionDerivative as NonNullable<typeof problem.diffusionDerivative>)(t, state, out);
  return { drift, diffusion, ggPrime: out[0], problem };
}

describe('sdeFromExpressions', () => {
  it('should build an Ornstein-Uhlenbeck problem as plain data with additive noise (its diffusion does not depend on x)', () => {
    const { drift, diffusion, ggPrime, problem } = fields(base, 0.5, 2);
    expect(drift).toBe(-3);
    expect(diffusion).toBe(0.3);
    expect(ggPrime).toBe(0);
    expect(problem.noise).toBe('additive');
    expect(problem.interpretation).toBe('ito');
    expect(Array.from(problem.x0)).toEqual([1]);
    expect([problem.t0, problem.t1, problem.seed]).toEqual([0, 2, 7]);
    expect(problem.expressions.diffusionSlope.text).toBe('0');
  });

  it("should fill the Milstein term g g' from the symbolic derivative of the diffusion", () => {
    // Closed forms: g = s x gives g g' = s^2 x; g = 0.5 sqrt(1 + x^2) gives g g' = x / 4;
    // g = s sin(x) t gives g g' = s^2 t^2 sin(x) cos(x). Each side is a few roundings: 8 eps relative.
    const cases: ReadonlyArray<readonly [string, (x: number, t: number) => number]> = [
      ['s*x', (x) => 0.09 * x],
      ['0.5*sqrt(1+x^2)', (x) => x / 4],
      ['s*sin(x)*t', (x, t) => 0.09 * t * t * Math.sin(x) * Math.cos(x)],
    ];
    for (const [diffusion, exact] of cases) {
      for (const [t, x] of [
        [0, 0.7],
        [1.3, -2.2],
        [0.4, 5],
      ]) {
        const { ggPrime, problem } = fields({ ...base, diffusion }, t, x);
        expect(problem.noise).toBe('scalar');
        expect(Math.abs(ggPrime - exact(x, t)), `${diffusion} at x=${x}, t=${t}`).toBeLessThanOrEqual(
          8 * EPS * Math.max(1e-300, Math.abs(exact(x, t))),
        );
      }
    }
  });

  it('should act elementwise: each entry of an array call is the float of the length-1 call', () => {
    const problem = sdeFromExpressions({ ...base, diffusion: '0.5*sqrt(1+x^2)*t' });
    expect(problem.elementwise).toBe(true);
    const xs = Float64Array.of(-3, 0, 0.25, 7, 1e-9);
    const t = 0.7;
    const fieldsOf = problem as Required<typeof problem>;
    for (const field of ['drift', 'diffusion', 'diffusionDerivative'] as const) {
      const many = new Float64Array(xs.length);
      fieldsOf[field](t, xs, many);
      xs.forEach((x, i) => {
        const one = new Float64Array(1);
        fieldsOf[field](t, Float64Array.of(x), one);
        expect(many[i], `${field} at x = ${x}`).toBe(one[0]);
      });
    }
  });

  it('should let drift and diffusion depend on time and use a named state variable', () => {
    const { drift, diffusion } = fields(
      {
        ...base,
        variable: 'u',
        drift: '-k*u + sin(t)',
        diffusion: 's*exp(-t)',
        interpretation: 'stratonovich',
      },
      1,
      2,
    );
    expect(drift).toBe(-1.5 * 2 + Math.sin(1));
    expect(diffusion).toBe(0.3 * Math.exp(-1));
    expect(sdeFromExpressions({ ...base, interpretation: 'stratonovich' }).interpretation).toBe(
      'stratonovich',
    );
  });

  it('should refuse bad expressions with the offending part', () => {
    expect(() => sdeFromExpressions({ ...base, drift: '-k*y' })).toThrow("unknown symbol 'y'");
    expect(() => sdeFromExpressions({ ...base, diffusion: 'import(x)' })).toThrow(ExpressionError);
    expect(() => sdeFromExpressions({ ...base, variable: 't', drift: '-t' })).toThrow(InvalidArgumentError);
    expect(() => sdeFromExpressions({ ...base, parameters: { k: Number.NaN, s: 1 } })).toThrow(
      'parameters.k',
    );
  });

  it('should refuse non-finite or reversed times, bad states, seeds and interpretations', () => {
    const hostile = fc.oneof(
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.constantFrom<unknown>('1', null, undefined, [1], {}),
    );
    fc.assert(
      fc.property(hostile, fc.constantFrom('x0', 't0', 't1'), (value, key) => {
        if (key === 't0' && value === undefined) return;
        expect(() => sdeFromExpressions({ ...base, [key]: value } as never)).toThrow(InvalidArgumentError);
      }),
      { seed: 4242, numRuns: 100 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (t0, gap) => {
          expect(() => sdeFromExpressions({ ...base, t0, t1: t0 - gap })).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 4243, numRuns: 100 },
    );
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN])
      expect(() => sdeFromExpressions({ ...base, seed })).toThrow(InvalidArgumentError);
    expect(() => sdeFromExpressions({ ...base, interpretation: 'ito-ish' as never })).toThrow(
      InvalidArgumentError,
    );
  });
});
