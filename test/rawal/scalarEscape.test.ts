import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { scalarEscapeIntegral } from '../../src/reductions/scalarEscape.js';
import { scalarEscapeTime } from '../../src/reductions/scalarEscapeTime.js';

const EPS = Number.EPSILON;

describe('the scalar escape law', () => {
  it('should give 0.09, ln 10, 90 and 4950 for r = 1..4 at ε = 0.01, ϑ = 0.1, Γ = 1', () => {
    // ∫ y^{1−r} dy from 0.01 to 0.1: 0.1 − 0.01; ln(0.1/0.01); 1/0.01 − 1/0.1; (1/0.01² − 1/0.1²)/2.
    const exact = [0.09, Math.LN10, 90, 4950];
    exact.forEach((value, i) => {
      const tau = scalarEscapeIntegral({ bottleneck: i + 1, rate: 1, eps: 0.01, threshold: 0.1 });
      // One log1p/expm1 and a few products: 8 ulp.
      expect(Math.abs(tau - value)).toBeLessThanOrEqual(8 * EPS * value);
    });
  });

  it('should scale as 1/Γ', () => {
    const base = { bottleneck: 3, eps: 0.02, threshold: 0.3 };
    const tau = scalarEscapeIntegral({ ...base, rate: 1 });
    // Division by a power of two is exact.
    expect(scalarEscapeIntegral({ ...base, rate: 4 })).toBe(tau / 4);
  });

  it('should keep its digits when ϑ is within 1e-12 of ε', () => {
    for (const r of [1, 2, 3, 6]) {
      const eps = 0.01;
      const threshold = eps + 1e-12;
      const delta = threshold - eps; // exact (Sterbenz), the gap the function actually receives
      const tau = scalarEscapeIntegral({ bottleneck: r, rate: 1, eps, threshold });
      // τ = δ/ε^{r−1}·(1 − (r−1)δ/(2ε) + …): the second term is 5e-11·(r−1) relative, the bound 1e-9.
      // A difference of the two powers would have lost about six of these digits.
      const leading = delta / eps ** (r - 1);
      expect(Math.abs(tau / leading - 1)).toBeLessThan(1e-9);
    }
  });

  it('should agree with the ODE integrated in log coordinates to its tolerance', () => {
    for (const r of [1, 2, 3, 4, 5, 8]) {
      const law = { bottleneck: r, rate: 0.7, eps: 0.01, threshold: 0.1 };
      const result = scalarEscapeTime({ ...law, rtol: 1e-10 });
      expect(result.status).toBe('success');
      expect(result.closedForm).toBe(scalarEscapeIntegral(law));
      // Local error 1e-10 per step over at most a few hundred steps, in relative terms: 1e-8.
      expect(Math.abs((result.escapeTime ?? Number.NaN) / result.closedForm - 1)).toBeLessThan(1e-8);
    }
  });

  it('should refuse hostile laws with InvalidArgumentError', () => {
    const bad = fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      0,
      -1e-300,
    );
    fc.assert(
      fc.property(bad, fc.constantFrom('bottleneck', 'rate', 'eps', 'threshold'), (value, field) => {
        const law = { bottleneck: 3, rate: 1, eps: 0.01, threshold: 0.1, [field]: value };
        expect(() => scalarEscapeIntegral(law)).toThrow(InvalidArgumentError);
        expect(() => scalarEscapeTime(law)).toThrow(InvalidArgumentError);
      }),
      { seed: 45 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (eps, f) => {
          const law = { bottleneck: 2, rate: 1, eps, threshold: eps * f };
          expect(() => scalarEscapeIntegral(law)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 52 },
    );
    expect(() => scalarEscapeIntegral({ bottleneck: 2.5, rate: 1, eps: 0.01, threshold: 0.1 })).toThrow(
      InvalidArgumentError,
    );
  });
});
