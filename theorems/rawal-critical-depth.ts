/**
 * RAWAL's critical-depth law: with r bottleneck layers at scale ε the escape time scales as Θ(1) for r = 1,
 * Θ(ln 1/ε) for r = 2 and Θ(ε^{−(r−2)}) for r ≥ 3, whatever the total depth L ≥ r. Measured from full-network
 * gradient flow on the symmetric manifold over a geometric grid of ε: the exponent p of the increments
 * Δτ_k = τ(ε_k/2) − τ(ε_k) ∝ ε_k^{−p} (see src/networks/mlpEscapeSweep.ts for why increments) must be r − 2,
 * which is the constant law for r = 1 (Δτ ∝ ε) and the log law for r = 2 (Δτ constant).
 */
import fc from 'fast-check';
import { fitLogLaw } from '../src/analysis/fits/fitLogLaw.js';
import { fitPowerLaw } from '../src/analysis/fits/fitPowerLaw.js';
import type { NetworkEscapeOptions } from '../src/networks/mlpEscapeSetup.js';
import { type EscapeSweep, geometricGrid, measureIncrementExponent } from '../src/networks/mlpEscapeSweep.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

export interface EscapeSetting {
  readonly activation: string;
  readonly depth: number;
  readonly bottleneck: number;
  readonly width: number;
}

/** Grid points per budget: ε = 0.01·2^{−k}, k < count. */
export const GRID_POINTS: Readonly<Record<Budget, number>> = { quick: 5, standard: 7, full: 9 };

/** r, and L from r to r + 2 (at least 2). */
export function escapeSettings(
  activations: readonly string[],
  maxBottleneck = 5,
): fc.Arbitrary<EscapeSetting> {
  return fc
    .record({
      activation: fc.constantFrom(...activations),
      bottleneck: fc.integer({ min: 1, max: maxBottleneck }),
      extra: fc.integer({ min: 0, max: 2 }),
      width: fc.integer({ min: 4, max: 16 }),
    })
    .map(({ extra, ...s }) => ({ ...s, depth: Math.max(2, s.bottleneck + extra) }));
}

/** The raw escape times fitted by the law the theory names for r (evidence; biased by the fixed threshold). */
function rawLaw(sweep: EscapeSweep, r: number): Record<string, unknown> {
  if (r >= 3) return { model: 'power', exponentOfTau: -fitPowerLaw(sweep.eps, sweep.times).exponent };
  if (r === 2) return { model: 'log', slopeOnLnOneOverEps: -fitLogLaw(sweep.eps, sweep.times).exponent };
  const mean = sweep.times.reduce((a, b) => a + b, 0) / sweep.times.length;
  return {
    model: 'constant',
    mean,
    relativeRange: (Math.max(...sweep.times) - Math.min(...sweep.times)) / mean,
  };
}

export function sweepEvidence(sweep: EscapeSweep, r: number): Record<string, unknown> {
  return {
    eps: sweep.eps,
    escapeTimes: sweep.times,
    increments: sweep.increments,
    localExponents: sweep.localExponents,
    scalarLawTimes: sweep.scalarTimes,
    rawTimes: sweep.failure ? null : rawLaw(sweep, r),
    gradientEvaluations: sweep.rhsEvaluations,
  };
}

/** The increment exponent of one experiment over the budget's ε grid, as a measurement with its evidence. */
export function measureExponent(
  base: Omit<NetworkEscapeOptions, 'eps'>,
  budget: Budget,
  onProgress?: (fraction: number) => void,
): Measurement {
  const grid = geometricGrid(0.01, 0.5, GRID_POINTS[budget]);
  const { sweep, exponent } = measureIncrementExponent(base, grid, onProgress);
  const evidence = sweepEvidence(sweep, base.bottleneck);
  if (exponent === null) return { value: Number.NaN, failure: sweep.failure, evidence };
  return { value: exponent.value, ci95: exponent.ci95, samples: grid.length, evidence };
}

export const rawalCriticalDepth: Theorem<EscapeSetting> = {
  id: 'rawal-critical-depth',
  title: 'Escape time ∝ ε^{−(r−2)} with r bottleneck layers: constant, logarithmic, then power law',
  source: 'RAWAL §3 (critical-depth law); THEORY.md §3',
  statement:
    'With r bottleneck layers at ε and L − r layers at O(1), the time to escape the saddle grows like ' +
    'ε^{−(r−2)} for r ≥ 3, like ln(1/ε) for r = 2 and stays bounded for r = 1; L does not enter the exponent.',
  assumptions: [
    'permutation-symmetric init aligned with the leading mode of E[y xᵀ], bottlenecks first, linear teacher',
    'σ smooth at 0 with σ(0) = 0, σ′(0) ≠ 0 (classes A, B, C)',
    'ε = 0.01·2^{−k}; escape when the bottleneck magnitude reaches ϑ = 0.1',
  ],
  settings: escapeSettings(['linear', 'tanh', 'erf', 'sin', 'gelu', 'silu']),
  defaultSetting: { activation: 'tanh', depth: 5, bottleneck: 3, width: 8 },
  predict: (setting) => setting.bottleneck - 2,
  measure: (setting, { seed, budget, onProgress }) =>
    measureExponent({ ...setting, seed, sampleSize: 128 }, budget, onProgress),
  comparison: {
    kind: 'tolerance',
    tolerance: 0.05,
    relative: false,
    why: 'the exponent is asymptotic: on ε ≤ 0.01 the neglected O(y^r) saturation and O(y²) drift move the local exponent by under 0.01',
  },
  quantity: 'exponent p of the escape-time increments Δτ ∝ ε^{−p}',
};
