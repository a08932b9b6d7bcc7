import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import type { Expr } from '../../src/expressions/expr.js';
import { sdeFromExpressions } from '../../src/expressions/sdeFromExpressions.js';
import { sdeFromTrees } from '../../src/expressions/sdeFromTrees.js';

describe('sdeFromTrees', () => {
  it('should rebuild, from a structured clone of the trees, a problem with the same floats as the parsed one', () => {
    const parsed = sdeFromExpressions({
      drift: 'k*(m - x) + sin(t)',
      diffusion: 's*sqrt(1 + x^2)',
      parameters: { k: 1.5, m: -0.25, s: 0.4 },
      x0: 0.3,
      t1: 2,
      seed: 9,
    });
    // A worker receives the trees through postMessage, i.e. a structured clone.
    const rebuilt = sdeFromTrees(structuredClone(parsed.trees));
    expect([rebuilt.noise, rebuilt.interpretation, rebuilt.t0, rebuilt.t1, rebuilt.seed]).toEqual([
      'scalar',
      'ito',
      0,
      2,
      9,
    ]);
    expect(rebuilt.x0).toEqual(parsed.x0);
    const xs = Float64Array.of(-2, 0, 0.3, 5);
    for (const field of ['drift', 'diffusion', 'diffusionDerivative'] as const) {
      const a = new Float64Array(xs.length);
      const b = new Float64Array(xs.length);
      parsed[field]?.(0.7, xs, a);
      rebuilt[field]?.(0.7, xs, b);
      expect(b, field).toEqual(a);
    }
    // And the rebuilt closures are the formulas: a = k (m - x) + sin t, b = s sqrt(1 + x^2), b b' = s^2 x.
    const exact = {
      drift: (x: number) => 1.5 * (-0.25 - x) + Math.sin(0.7),
      diffusion: (x: number) => 0.4 * Math.sqrt(1 + x * x),
      diffusionDerivative: (x: number) => 0.16 * x,
    };
    for (const field of ['drift', 'diffusion', 'diffusionDerivative'] as const) {
      const out = new Float64Array(xs.length);
      rebuilt[field]?.(0.7, xs, out);
      xs.forEach((x, i) => {
        // A few roundings on each side: 8 ulp of the larger term.
        const scale = Math.max(Math.abs(exact[field](x)), 1.5 * Math.abs(x), 1);
        expect(Math.abs(out[i] - exact[field](x)), `${field} at ${x}`).toBeLessThanOrEqual(
          8 * Number.EPSILON * scale,
        );
      });
    }
  });

  it('should refuse a tree that no parser made with a named error, before anything is compiled', () => {
    const { trees } = sdeFromExpressions({ drift: '-x', diffusion: '1', x0: 0, t1: 1, seed: 1 });
    const hostile: Expr[] = [
      { kind: 'call', name: 'constructor' as never, args: [] },
      { kind: 'variable', name: 'x', index: 2 },
      { kind: 'number', value: Number.NaN },
      { kind: 'number', value: '1; process.exit()' as never },
    ];
    for (const drift of hostile) {
      expect(() => sdeFromTrees({ ...trees, drift }), JSON.stringify(drift)).toThrow(InvalidArgumentError);
    }
  });
});
