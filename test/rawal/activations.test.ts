import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { phi } from '../../src/networks/activations.js';
import { BUILTIN_ACTIVATIONS, builtinActivation } from '../../src/networks/activationsBuiltin.js';
import reference from '../fixtures/rawalActivations.json' with { type: 'json' };

const EPS = Number.EPSILON;
const names = Object.keys(reference.activations) as (keyof typeof reference.activations)[];

/**
 * For |z| ≤ 1 every value must be right to 8 ulp of itself (relative): near the saddle the pre-activations are
 * tiny and only relative accuracy keeps the escape rate right. For |z| > 1 the bound is 8 ulp of max(|ref|, 1):
 * forms such as 1 − tanh² lose relative accuracy in the far tails by construction, while their absolute error,
 * which is what enters a gradient, stays at round-off.
 */
function allowed(z: number, ref: number): number {
  return 8 * EPS * (Math.abs(z) <= 1 ? Math.abs(ref) : Math.max(Math.abs(ref), 1));
}

describe('built-in activations', () => {
  for (const name of names) {
    it(`should match the high-precision reference for ${name}, σ' and σ''`, () => {
      const act = builtinActivation(name);
      reference.points.forEach((z, i) => {
        const [s0, s1, s2] = reference.activations[name][i];
        expect(Math.abs(act.sigma(z) - s0), `σ(${z})`).toBeLessThanOrEqual(allowed(z, s0));
        expect(Math.abs(act.derivative(z) - s1), `σ'(${z})`).toBeLessThanOrEqual(allowed(z, s1));
        expect(Math.abs(act.secondDerivative(z) - s2), `σ''(${z})`).toBeLessThanOrEqual(allowed(z, s2));
      });
    });
  }

  it('should give the same numbers from the fused loop as from the closures', () => {
    const z = Float64Array.from(reference.points);
    const h = new Float64Array(z.length);
    const s = new Float64Array(z.length);
    for (const act of Object.values(BUILTIN_ACTIVATIONS)) {
      act.apply(z, h, s, z.length);
      z.forEach((v, i) => {
        expect(h[i]).toBe(act.sigma(v));
        expect(s[i]).toBe(act.derivative(v));
      });
    }
  });

  it('should make φ vanish identically for the positively homogeneous linear and ReLU', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (z) => {
        expect(phi(BUILTIN_ACTIVATIONS.linear, z)).toBe(0);
        expect(Math.abs(phi(BUILTIN_ACTIVATIONS.relu, z))).toBe(0);
      }),
      { seed: 17 },
    );
  });

  it('should compute ReLU with slope 1 above 0 and 0 at and below it', () => {
    const relu = BUILTIN_ACTIVATIONS.relu;
    expect([relu.sigma(-2), relu.sigma(0), relu.sigma(3)]).toEqual([0, 0, 3]);
    expect([relu.derivative(-2), relu.derivative(0), relu.derivative(3)]).toEqual([0, 0, 1]);
    expect(relu.smoothAtZero).toBe(false);
    expect(relu.positivelyHomogeneous).toBe(true);
  });

  it('should refuse an unknown name with a named error listing the built-ins', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(s in BUILTIN_ACTIVATIONS) && !(s in Object.prototype)),
        (name) => {
          expect(() => builtinActivation(name)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 24 },
    );
    expect(() => builtinActivation('toString')).toThrow(/one of linear, relu, tanh/);
  });
});
