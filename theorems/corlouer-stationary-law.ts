/**
 * With label noise the per-mode SDE has a proper stationary law, and long runs of both the SDE and full-matrix
 * SGD follow it. The exact law of u is the zero-flux density of the end-to-end SDE (with its Itô correction),
 * computed by quadrature; independent long-run ensembles (Euler–Maruyama on the per-layer SDE, u = a^L; or
 * online SGD on the full matrices from an aligned, balanced start, u = u_1ᵀ W v_1) are tested against it by
 * Kolmogorov–Smirnov and Anderson–Darling with exact finite-n null laws. The reported p-value is twice the
 * smaller of the two (Bonferroni for using two tests). SGD is a first-order model of the SDE, so a large
 * enough ensemble resolves their O(η) difference.
 */
import fc from 'fast-check';
import { stationaryDensityTest } from '../src/analysis/stationaryDensityTest.js';
import { createTeacher } from '../src/networks/teacher.js';
import { integerPower } from '../src/reductions/perModeSde.js';
import { PER_MODE_EULER_SPEC } from '../src/reductions/perModeSdeMethod.js';
import { perModeSdeSpec } from '../src/reductions/perModeSdeProblem.js';
import { perModeStationaryDensity } from '../src/reductions/perModeSdeStationary.js';
import { runEnsemble } from '../src/sde/ensemble.js';
import { onlineSgdEnsemble } from '../src/training/onlineSgdEnsemble.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

export interface StationaryLawSetting {
  readonly depth: number;
  readonly s: number;
  readonly lr: number;
  readonly batch: number;
  readonly labelNoise: number;
  readonly measuredIn: 'sde' | 'sgd';
  /** dIn = dOut = hidden width (SGD only). */
  readonly dims: number;
  /** Initial per-layer scale. */
  readonly eps: number;
  /** Length of every run. */
  readonly t1: number;
}

const PATHS: Record<Budget, number> = { quick: 2000, standard: 8000, full: 32000 };
/** Euler–Maruyama steps per SGD step for the SDE ensemble. */
const SUBSTEPS = 10;

async function endStrengths(
  setting: StationaryLawSetting,
  paths: number,
  seed: number,
): Promise<Float64Array> {
  const steps = Math.round(setting.t1 / setting.lr);
  if (setting.measuredIn === 'sde') {
    const spec = perModeSdeSpec('per-layer', { ...setting, x0: setting.eps, t1: steps * setting.lr, seed });
    const result = await runEnsemble(spec, {
      method: PER_MODE_EULER_SPEC,
      paths,
      steps: steps * SUBSTEPS,
      statistics: false,
    });
    return Float64Array.from(result.end, (a) => integerPower(a, setting.depth)).filter(Number.isFinite);
  }
  const { dims } = setting;
  const teacher = createTeacher({ dIn: dims, dOut: dims, singularValues: [setting.s], seed });
  const result = onlineSgdEnsemble({
    network: { dIn: dims, dOut: dims, depth: setting.depth, width: dims },
    teacher,
    init: { kind: 'aligned', eps: setting.eps, teacher },
    lr: setting.lr,
    batch: setting.batch,
    labelNoise: setting.labelNoise,
    steps,
    saveEvery: steps,
    paths,
    seed,
  });
  const saves = result.t.length;
  return Float64Array.from({ length: paths }, (_, p) => result.modeStrengths[p * saves + saves - 1]).filter(
    Number.isFinite,
  );
}

export const corlouerStationaryLaw: Theorem<StationaryLawSetting> = {
  id: 'corlouer-stationary-law',
  title: 'With label noise, long runs of the per-mode SDE and of SGD follow the exact stationary density',
  source: 'CORLOUER §2 [P] (stationary laws); THEORY.md §0.4, §2 [D] (exact density)',
  statement:
    'With σ_ξ > 0 the mode strength u of long runs, from the per-mode SDE or from full-matrix online SGD, is ' +
    'distributed by the zero-flux density of du = [L u^{2−2/L}(s − u) + (η/2B)L(L−1)u^{3−4/L}D]dt + ' +
    '√(η/B) L u^{2−2/L}√D dW on (0, ∞).',
  assumptions: ['σ_ξ > 0 and a normalizable law (L ≥ 3, or L = 2 with Bs/(η(2s² + σ_ξ²)) > 1/2)', 'η small'],
  settings: fc.record({
    depth: fc.integer({ min: 2, max: 4 }),
    s: fc.double({ min: 0.5, max: 2, noNaN: true }),
    lr: fc.constantFrom(0.005, 0.01, 0.02),
    batch: fc.integer({ min: 1, max: 4 }),
    labelNoise: fc.double({ min: 0.1, max: 1, noNaN: true }),
    measuredIn: fc.constantFrom<'sde' | 'sgd'>('sde', 'sgd'),
    dims: fc.integer({ min: 1, max: 3 }),
    eps: fc.double({ min: 0.5, max: 0.9, noNaN: true }),
    t1: fc.constant(12),
  }),
  defaultSetting: {
    depth: 3,
    s: 1,
    lr: 0.005,
    batch: 1,
    labelNoise: 0.5,
    measuredIn: 'sgd',
    dims: 2,
    eps: 0.8,
    t1: 5,
  },
  // The measurement is a p-value; under the claim it is uniform on (0, 1), with mean 1/2.
  predict: () => 0.5,
  async measure(setting, context): Promise<Measurement> {
    const density = perModeStationaryDensity({ ...setting }, 'end-to-end');
    if (!density.normalizable) return { value: Number.NaN, failure: density.message };
    const samples = await endStrengths(setting, PATHS[context.budget], context.seed);
    const test = stationaryDensityTest(samples, density, { samples: 'independent' });
    const pValue = Math.min(1, 2 * Math.min(test.kolmogorovSmirnov.pValue, test.andersonDarling.pValue));
    const grid = Array.from({ length: 81 }, (_, k) => density.quantile(0.001 + (0.998 * k) / 80));
    return {
      value: pValue,
      samples: test.n,
      evidence: {
        kolmogorovSmirnov: test.kolmogorovSmirnov,
        andersonDarling: test.andersonDarling,
        exactMean: density.mean,
        exactVariance: density.variance,
        plots: [
          {
            kind: 'histogram',
            title: `u after t = ${setting.t1} (${setting.measuredIn}) against the exact density`,
            xLabel: 'u',
            samples: Array.from(samples.subarray(0, 4000)),
            density: { x: grid, p: grid.map((u) => density.density(u)) },
          },
        ],
      },
    };
  },
  comparison: {
    kind: 'pValue',
    alpha: 0.01,
    why: 'p = 2·min(p_KS, p_AD) ≥ 0.01: neither test rejects the exact law at the Bonferroni level 0.005',
  },
  quantity: 'p-value against the exact law',
};
