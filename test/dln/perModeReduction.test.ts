import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma } from '../../src/analysis/digamma.js';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  perModeClock,
  perModeEscapeAsymptotic,
  perModeEscapeClosedForm,
  perModeLogistic,
  perModeTime,
} from '../../src/reductions/perModeClosedForm.js';
import { perModeEscapeTime } from '../../src/reductions/perModeEscapeTime.js';
import { solvePerMode } from '../../src/reductions/perModeOde.js';
import { zeroBalancedHyp2f1 } from '../../src/reductions/zeroBalancedHyp2f1.js';

interface Value {
  readonly value: number;
}
interface TimeCase extends Value {
  readonly kind: 'table' | 'transition' | 'escape';
  readonly L: number;
  readonly s: number;
  readonly u0: number;
  readonly u1: number;
  readonly eps?: number;
  readonly frac?: number;
}
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/perModeReference.json', import.meta.url), 'utf8'),
) as {
  hyp2f1: (Value & { b: number; x: number })[];
  digamma: (Value & { x: number })[];
  times: TimeCase[];
};
const EPS = Number.EPSILON;

/** THEORY.md §0.3: s = 1, time for u to go from ε^L to s/2, as printed (six significant digits). */
const TABLE: Record<number, number[]> = {
  2: [1.15682, 2.29756, 3.50611, 4.60512],
  3: [2.43759, 9.14475, 32.4826, 99.1497],
  4: [5.24401, 49.7286, 555.289, 4999.73],
  5: [12.2535, 333.281, 12345.6, 333333],
};

describe('special functions of the per-mode closed form', () => {
  it('should match mpmath digamma, including negative non-integers', () => {
    for (const c of reference.digamma) {
      // Up to ten recurrence terms plus a seven-term series: a few ulps of the largest of 1 and |ψ|.
      expect(Math.abs(digamma(c.x) - c.value)).toBeLessThan(16 * EPS * Math.max(1, Math.abs(c.value)));
    }
  });

  it('should match mpmath 2F1(1, b; 1 + b; x) from x = 0 to 1 − 1e-12', () => {
    expect(reference.hyp2f1.length).toBeGreaterThan(200);
    for (const c of reference.hyp2f1) {
      // At most about 60 terms with positive or one-signed coefficients and one digamma: a few ulps each.
      const scale = Math.max(1, Math.abs(c.value));
      expect(Math.abs(zeroBalancedHyp2f1(c.b, c.x) - c.value)).toBeLessThan(32 * EPS * scale);
    }
  });

  it('should be continuous across x = 1/2 where the method changes', () => {
    for (const b of [-1 / 3, -0.5, -0.9, 0.5]) {
      const below = zeroBalancedHyp2f1(b, 0.5);
      const above = zeroBalancedHyp2f1(b, 0.5 + 2 ** -52);
      // The derivative b·Σ n xⁿ⁻¹/(b + n) is below 4|b|/(1 − x)² ≤ 16 at x = 1/2: the step moves F by < 16·2^-52.
      expect(Math.abs(above - below)).toBeLessThan(64 * EPS);
    }
  });

  it('should refuse b outside (−1, 1], x outside [0, 1) and the poles of ψ', () => {
    for (const [b, x] of [
      [-1, 0.2],
      [1.5, 0.2],
      [Number.NaN, 0.2],
      [-0.5, 1],
      [-0.5, -0.1],
      [-0.5, Number.POSITIVE_INFINITY],
    ]) {
      expect(() => zeroBalancedHyp2f1(b, x)).toThrow(InvalidArgumentError);
    }
    for (const x of [0, -1, -3, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(() => digamma(x)).toThrow(InvalidArgumentError);
    }
  });
});

describe('closed forms of the per-mode ODE', () => {
  it('should reproduce the reference table of THEORY.md to its printed digits', () => {
    for (const [L, row] of Object.entries(TABLE)) {
      [0.3, 0.1, 0.03, 0.01].forEach((eps, j) => {
        const t = perModeEscapeClosedForm({ depth: Number(L), s: 1, eps });
        expect(Number(t.toPrecision(6))).toBe(row[j]);
      });
    }
  });

  it('should match the quadrature reference for every time in the fixture', () => {
    for (const c of reference.times) {
      const t =
        c.eps === undefined
          ? perModeTime(c.L, c.s, c.u0, c.u1)
          : perModeEscapeClosedForm({ depth: c.L, s: c.s, eps: c.eps, frac: c.frac });
      // Two clock values each good to a few ulps; the difference is dominated by the start, no cancellation.
      expect(Math.abs(t / c.value - 1)).toBeLessThan(16 * EPS);
    }
  });

  it('should give the transition times 2.197, 2.009 and 1.800 for L = 2, 3, 4, whatever the rate', () => {
    const expected = [2.197, 2.009, 1.8];
    expected.forEach((value, i) => {
      const L = i + 2;
      expect(Number(perModeTime(L, 1, 0.1, 0.9).toFixed(3))).toBe(value);
      // Time scales like s^{−(2−2/L)}: u = s v gives dv/dt = L s^{1−2/L} v^{2−2/L}(1 − v).
      const s = 3.7;
      const scaled = perModeTime(L, s, 0.1 * s, 0.9 * s) * s ** (1 - 2 / L + 1);
      expect(Math.abs(scaled / perModeTime(L, 1, 0.1, 0.9) - 1)).toBeLessThan(64 * EPS);
    });
  });

  it('should approach the small-ε law: the ratio to it tends to 1 as ε shrinks', () => {
    for (const L of [2, 3, 4, 5]) {
      const gaps = reference.times
        .filter((c) => c.kind === 'table' && c.L === L)
        .map((c) =>
          Math.abs(c.value / perModeEscapeAsymptotic({ depth: L, s: 1, eps: c.eps as number }) - 1),
        );
      for (let j = 1; j < gaps.length; j++) expect(gaps[j]).toBeLessThan(gaps[j - 1]);
      // At ε = 0.01 the law is off by the O(1) time of the transition: ln 2/(2 ln 100) = 7.5% at L = 2, < 1% else.
      expect(gaps[gaps.length - 1]).toBeLessThan(L === 2 ? 0.08 : 0.01);
    }
    expect(perModeEscapeAsymptotic({ depth: 3, s: 2, eps: 0.01 })).toBeCloseTo(50, 12);
    expect(perModeEscapeAsymptotic({ depth: 2, s: 2, eps: 0.01 })).toBeCloseTo(Math.log(100) / 2, 14);
  });

  it('should make the logistic consistent with the L = 2 clock', () => {
    const s = 1.5;
    const u0 = 1e-9;
    for (const t of [0, 0.5, 3, 6.9, 12]) {
      const u = perModeLogistic(s, u0, t);
      if (t === 0) expect(u).toBe(u0);
      // The clock inverts the logistic; ln of a ratio of numbers good to an ulp: |Δt| ≲ 4 ulp / (2s (1 − u/s)).
      else expect(Math.abs(perModeTime(2, s, u0, u) - t)).toBeLessThan((8 * EPS) / (s - u) + 8 * EPS * t);
    }
    expect(perModeClock(2, 1, 0.5)).toBe(0);
  });
});

describe('the per-mode ODE against its closed form', () => {
  it('should follow the clock for three modes of a depth-4 network from 1e-12', () => {
    const s = [3, 1.5, 0.7];
    const u0 = [1e-12, 1e-12, 1e-12];
    const saveAt = Array.from({ length: 60 }, (_, k) => 2 ** (k / 4) * 0.01);
    const t1 = saveAt[saveAt.length - 1];
    const solution = solvePerMode({ depth: 4, s, u0, t1, saveAt, rtol: 1e-12 });
    expect(solution.status).toBe('success');
    for (let j = 0; j < saveAt.length; j++) {
      for (let k = 0; k < 3; k++) {
        const u = solution.y[j * 3 + k];
        if (u > s[k] * (1 - 1e-6)) continue;
        // The solve controls ln u to 1e-12 per step, so after n steps u is off by δ = n·1e-12 relative, which
        // moves the clock by δ·u/(du/dt) = δ/(L u^{1/2}(s − u)); the clock difference itself cancels |T(u0)|.
        const drift = (solution.stats.steps * 1e-12) / (4 * Math.sqrt(u) * (s[k] - u));
        const tolerance = drift + 8 * EPS * Math.abs(perModeClock(4, s[k], u0[k]));
        expect(Math.abs(perModeTime(4, s[k], u0[k], u) - saveAt[j])).toBeLessThan(tolerance);
      }
    }
  });

  it('should integrate the escape to the closed form within steps × rtol', () => {
    for (const c of reference.times.filter((k) => k.eps !== undefined)) {
      const result = perModeEscapeTime({
        depth: c.L,
        s: c.s,
        eps: c.eps as number,
        frac: c.frac,
        rtol: 1e-10,
      });
      expect(result.status).toBe('success');
      // Each accepted step adds a local error of at most rtol in ln u, moving the escape time by as much.
      expect(Math.abs((result.escapeTime as number) / c.value - 1)).toBeLessThan(result.steps * 1e-10);
      expect(Math.abs(result.closedForm / c.value - 1)).toBeLessThan(16 * EPS);
    }
  });

  it('should report a step limit as a status with escapeTime null, not throw', () => {
    const solution = solvePerMode({ depth: 3, s: [1], u0: [1e-9], t1: 1e4, maxSteps: 5 });
    expect(solution.status).toBe('max-steps');
    expect(solution.tReached).toBeLessThan(1e4);
  });
});

describe('hostile input to the per-mode functions', () => {
  const hostile = fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, -1e-300),
    fc.double({ max: 0 }),
  );
  it('should throw InvalidArgumentError for any bad depth, s, eps or frac', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom('depth', 's', 'eps', 'frac'), (bad, field) => {
        const options = { depth: 3, s: 1, eps: 0.01, frac: 0.5, [field]: bad };
        expect(() => perModeEscapeClosedForm(options)).toThrow(InvalidArgumentError);
        expect(() => perModeEscapeAsymptotic(options)).toThrow(InvalidArgumentError);
        expect(() => perModeEscapeTime(options)).toThrow(InvalidArgumentError);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('should refuse starts at or above the escape level, and levels outside (0, s)', () => {
    expect(() => perModeEscapeClosedForm({ depth: 2, s: 1, eps: 0.8, frac: 0.5 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => perModeEscapeClosedForm({ depth: 3, s: 1, eps: 0.01, frac: 1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => perModeEscapeClosedForm({ depth: 2.5, s: 1, eps: 0.01 })).toThrow(InvalidArgumentError);
    expect(() => perModeEscapeClosedForm({ depth: 200, s: 1, eps: 1e-3 })).toThrow(InvalidArgumentError);
    expect(() => perModeTime(3, 1, 0.5, 0.2)).toThrow(InvalidArgumentError);
    expect(() => perModeTime(3, 1, 0.5, 1)).toThrow(InvalidArgumentError);
    expect(() => perModeLogistic(1, 0.5, -1)).toThrow(InvalidArgumentError);
  });

  it('should throw a named error for mismatched or non-positive ODE data', () => {
    expect(() => solvePerMode({ depth: 3, s: [1, 2], u0: [1e-3], t1: 1 })).toThrow(/one u0 per mode/);
    expect(() => solvePerMode({ depth: 3, s: [1], u0: [0], t1: 1 })).toThrow(InvalidArgumentError);
    expect(() => solvePerMode({ depth: 3, s: [], u0: [], t1: 1 })).toThrow(InvalidArgumentError);
    expect(() => solvePerMode({ depth: 3, s: [1], u0: [1e-3], t1: -1 })).toThrow(InvalidArgumentError);
  });
});
