import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationClass } from '../../src/analysis/activationClass.js';
import { activationCommand } from '../../src/cli/activation.js';
import { UsageError } from '../../src/cli/args.js';
import { InvalidArgumentError, SaddlecheckError } from '../../src/errors.js';
import { ExpressionError } from '../../src/expressions/ExpressionError.js';
import { activationFromExpression, resolveActivation } from '../../src/networks/activationsExpression.js';
import { captureIo } from '../helpers/captureIo.js';

const EPS = Number.EPSILON;
const SQRT_PI = Math.sqrt(Math.PI);

/** φ = Σ(k − 1)c_k z^k from σ's series: the expected class, order and leading coefficient. */
const EXPECTED = [
  ['tanh', 'B', 3, -2 / 3],
  ['erf', 'B', 3, -4 / (3 * SQRT_PI)],
  ['sin', 'B', 3, -1 / 3],
  ['gelu', 'C', 2, 1 / Math.sqrt(2 * Math.PI)],
  ['silu', 'C', 2, 1 / 4],
  ['sigmoid', 'D', 0, -1 / 2],
  ['softplus', 'D', 0, -Math.LN2],
] as const;

describe('activationClass', () => {
  for (const [name, cls, order, coefficient] of EXPECTED) {
    it(`should put ${name} in class ${cls} with order ${order} and coefficient ${coefficient.toPrecision(6)}`, () => {
      const result = activationClass(name);
      expect(result.class).toBe(cls);
      expect(result.order).toBe(order);
      // A handful of symbolic derivatives evaluated at 0 and divided by q!: a few ulp.
      expect(Math.abs((result.leadingCoefficient ?? Number.NaN) - coefficient)).toBeLessThanOrEqual(8 * EPS);
    });
  }

  it('should put linear in class A with a null order', () => {
    expect(activationClass('linear')).toMatchObject({ class: 'A', order: null, leadingCoefficient: null });
  });

  it('should put the built-in relu in class A by positive homogeneity, saying so', () => {
    const result = activationClass('relu');
    expect(result).toMatchObject({ class: 'A', order: null });
    expect(result.reason).toMatch(/positively homogeneous/);
    expect(result.reason).toMatch(/not smooth at 0/);
  });

  it('should report expressions with a kink or a singular derivative at 0 as not smooth', () => {
    for (const text of ['abs(z)', 'max(z, 0)', 'z * sign(z)', 'sqrt(z)', 'sqrt(z^2)', 'min(z, 0) + z']) {
      expect(activationClass(text).class, text).toBe('not-smooth');
    }
    // A kink away from 0 does not matter.
    expect(activationClass('tanh(z) + abs(z + 1)').class).toBe('D');
  });

  it('should read the class of a polynomial from its first term with (k − 1)c_k ≠ 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: -5, max: 5 }), (k, c) => {
        fc.pre(c !== 0);
        const result = activationClass(`z + ${c} * z^${k} + z^${k + 1}`);
        expect(result.class).toBe(k % 2 === 1 ? 'B' : 'C');
        expect(result.order).toBe(k);
        expect(result.leadingCoefficient).toBe((k - 1) * c);
      }),
      { numRuns: 20, seed: 4 },
    );
  });

  it('should decide powers too high to evaluate from φ = Σ (p − 1)c_p z^p, symbolically', () => {
    // σ = z^p: φ = p z^p − z^p = (p − 1) z^p, of order p.
    expect(activationClass('z^1000')).toMatchObject({ class: 'C', order: 1000, leadingCoefficient: 999 });
    expect(activationClass('z^1001')).toMatchObject({ class: 'B', order: 1001, leadingCoefficient: 1000 });
    expect(activationClass('z + z^71')).toMatchObject({ class: 'B', order: 71, leadingCoefficient: 70 });
    // σ = z^100.5 is NaN for z < 0 and (z²)^(1/2) = |z| has a kink: neither has an expansion at 0.
    expect(activationClass('z^100.5').class).toBe('not-smooth');
    expect(activationClass('(z^2)^0.5').class).toBe('not-smooth');
    // (z⁴)^(1/2) = z²: φ = z², class C.
    expect(activationClass('(z^4)^0.5')).toMatchObject({ class: 'C', order: 2, leadingCoefficient: 1 });
    expect(activationClass('1/z^2').class).toBe('not-smooth');
  });

  it('should read a term whose constant factor is exactly 0 as absent, and not depend on the order of terms', () => {
    // sin(0) = 0 exactly, so σ = z: class A, though z^1000 alone would overflow at the probes.
    expect(activationClass('z + sin(0)*z^1000').class).toBe('A');
    // sqrt(z) is not real for z < 0, whatever the other term: not smooth, in either order.
    expect(activationClass('sqrt(z) + sin(z)/z').class).toBe('not-smooth');
    expect(activationClass('sin(z)/z + sqrt(z)').class).toBe('not-smooth');
  });

  it('should call the class undecided, with the reason, when φ overflows or underflows where it is checked', () => {
    // cosh² − sinh² = 1, so σ = z and φ ≡ 0, but cosh(z^40) overflows at |z| ≥ 1.3: A cannot be confirmed.
    const overflow = activationClass('z*cosh(z^40)^2 - z*sinh(z^40)^2');
    expect(overflow.class).toBe('undecided');
    expect(overflow.reason).toMatch(/not finite .* at z = -2\.7, -1\.3, 1\.3, 2\.7/);
    // φ = 1e-297 z cos z sin^999 z − 1e-300 sin^1000 z ≠ 0, but every probe is below the smallest normal number.
    const underflow = activationClass('1e-300*sin(z)^1000');
    expect(underflow.class).toBe('undecided');
    expect(underflow.reason).toMatch(/underflow/);
  });

  it('should call an indeterminate derivative at 0 undecided, not a proof that σ is not smooth', () => {
    // exp(−1/z²) is C∞ at 0 with every derivative → 0, but σ′ = 2 exp(−1/z²)/z³ evaluates to 0/0 there;
    // sin(z)/z extends to an entire function, but evaluates to 0/0 at 0.
    for (const text of ['exp(-1/z^2)', 'sin(z)/z']) {
      const result = activationClass(text);
      expect(result.class, text).toBe('undecided');
      expect(result.reason, text).toMatch(/indeterminate/);
    }
    // sqrt(z⁴) = z² (its derivative 2z³/sqrt(z⁴) is 0/0 at 0): φ = z², class C.
    expect(activationClass('sqrt(z^4)')).toMatchObject({ class: 'C', order: 2, leadingCoefficient: 1 });
    // A derivative that is infinite at 0 is a singularity: cbrt′ = 1/(3 cbrt(z)²), sqrt′ = 1/(2 sqrt(z)).
    for (const text of ['cbrt(z)', 'tanh(z) + sqrt(z)'])
      expect(activationClass(text).class, text).toBe('not-smooth');
  });

  it('should call the class undecided when φ’s first term lies beyond order 8', () => {
    // sin^1000 z = z^1000 + …: φ = 999 z^1000 + …, class C of order 1000, out of reach of the expansion.
    // tanh^9 z = z^9 + …: φ = 8 z^9 + …, class B of order 9.
    for (const text of ['sin(z)^1000', 'tanh(z)^9']) {
      const result = activationClass(text);
      expect(result.class, text).toBe('undecided');
      expect(result.order, text).toBeNull();
      expect(result.reason, text).toMatch(/higher order/);
    }
  });

  it('should refuse unknown names and malformed expressions with named errors', () => {
    for (const text of ['swish(z)', 'z +', 'x^2', 'exp(', 'import("fs")']) {
      expect(() => activationClass(text), text).toThrow(SaddlecheckError);
    }
    expect(() => activationClass('x^2')).toThrow(ExpressionError);
  });
});

describe('user activations', () => {
  it('should take σ′ and σ″ from the symbolic derivatives', () => {
    const act = activationFromExpression('z + z^3/3');
    // Polynomials: exact to round-off.
    expect(act.derivative(0.5)).toBeCloseTo(1.25, 15);
    expect(act.secondDerivative(0.5)).toBeCloseTo(1, 15);
    expect(act.smoothAtZero).toBe(true);
    expect(activationFromExpression('max(z, 0)').smoothAtZero).toBe(false);
  });

  it('should resolve built-in names before expressions', () => {
    expect(resolveActivation('tanh').name).toBe('tanh');
    expect(resolveActivation('tanh(z)').name).toBe('tanh(z)');
  });
});

describe('saddlecheck activation', () => {
  it('should print class, order, leading coefficient and φ as JSON', async () => {
    const io = captureIo();
    expect(await activationCommand.run(['tanh', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out.join(''));
    expect(out).toMatchObject({ class: 'B', order: 3 });
    expect(out.leadingCoefficient).toBeCloseTo(-2 / 3, 15);
    expect(out.phi).toMatch(/tanh/);
  });

  it('should print class D with order 0 and coefficient −σ(0), and class A with order null', async () => {
    const io = captureIo();
    await activationCommand.run(['sigmoid', '--json'], io);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ class: 'D', order: 0, leadingCoefficient: -0.5 });
    const text = captureIo();
    await activationCommand.run(['linear'], text);
    expect(text.out.join('')).toMatch(/^class A\n/);
  });

  it('should print an undecided class with its reason and exit 3', async () => {
    const io = captureIo();
    expect(await activationCommand.run(['tanh(z)^9', '--json'], io)).toBe(3);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ class: 'undecided', order: null });
    const text = captureIo();
    expect(await activationCommand.run(['sin(z)^1000'], text)).toBe(3);
    expect(text.out.join('')).toMatch(/^class undecided\n/);
  });

  it('should refuse zero or two activations with a UsageError', async () => {
    await expect(activationCommand.run([], captureIo())).rejects.toThrow(UsageError);
    await expect(activationCommand.run(['tanh', 'sin'], captureIo())).rejects.toThrow(UsageError);
  });

  it('should refuse a lone name that is not a built-in, listing the built-ins, but read z, pi and e as expressions', () => {
    for (const name of ['foo', 'Tanh', 'swish'])
      expect(() => activationClass(name)).toThrow(
        `activation must be a built-in name (linear, relu, tanh, erf, sin, gelu, silu, sigmoid, softplus) or an expression in z; received "${name}".`,
      );
    expect(() => resolveActivation('Tanh')).toThrow(InvalidArgumentError);
    expect(activationClass('z').class).toBe('A');
    // σ = π: φ = −π, class D with order 0.
    expect(activationClass('pi')).toMatchObject({ class: 'D', order: 0, leadingCoefficient: -Math.PI });
  });
});
