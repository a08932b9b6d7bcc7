/**
 * CORLOUER's noise model: in the teacher's singular basis, one sample's end-to-end gradient has mode components
 * of variance 2e² + σ_ξ² (diagonal, e = u − s) and e_i² + σ_ξ² off the diagonal (row mode i). Measured by Monte
 * Carlo from the network's own per-sample gradients at an aligned, balanced state; every component's variance is
 * divided by its prediction, and the ratios are compared with 1 jointly (Šidák over the r² components): the
 * reported ratio is the component farthest from 1 in standard errors, with its joint 95% and 99.9% intervals,
 * so the verdict is confirmed exactly when every component's joint interval contains 1.
 */
import fc from 'fast-check';
import { compareJointly } from '../src/analysis/jointComparison.js';
import { modeGradientSamples } from '../src/networks/modeGradientSamples.js';
import { createTeacher } from '../src/networks/teacher.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

export interface NoiseModelSetting {
  readonly depth: number;
  /** dIn = dOut = hidden width. */
  readonly dims: number;
  /** Teacher singular values (decreasing, positive). */
  readonly singularValues: readonly number[];
  /** Mode strengths u_i at the aligned, balanced state. */
  readonly strengths: readonly number[];
  readonly labelNoise: number;
}

const SAMPLES: Record<Budget, number> = { quick: 200_000, standard: 1_000_000, full: 4_000_000 };

/** The predicted per-sample variance of component (i, j). */
export function predictedComponentVariance(error: number, diagonal: boolean, labelNoise: number): number {
  return (diagonal ? 2 : 1) * error * error + labelNoise * labelNoise;
}

export const corlouerNoiseModel: Theorem<NoiseModelSetting> = {
  id: 'corlouer-noise-model',
  title: 'Per-sample mode gradient variance is 2e² + σ_ξ² on the diagonal and e² + σ_ξ² off it',
  source: 'CORLOUER §2 [D] (E z⁴ = 3 for Gaussian inputs); THEORY.md §2',
  statement:
    'With whitened Gaussian inputs, the component u_iᵀ G v_j of one sample’s end-to-end gradient G has ' +
    'variance 2e_i² + σ_ξ² for i = j and e_i² + σ_ξ² for i ≠ j, e_i = u_i − s_i.',
  assumptions: [
    'x ~ N(0, I), label noise ξ ~ N(0, σ_ξ² I)',
    'aligned, balanced state',
    'batch of one sample',
  ],
  settings: fc
    .record({
      depth: fc.integer({ min: 2, max: 4 }),
      dims: fc.integer({ min: 2, max: 4 }),
      top: fc.double({ min: 0.5, max: 2, noNaN: true }),
      ratio: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
      fractions: fc.tuple(
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
      ),
      labelNoise: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ depth, dims, top, ratio, fractions, labelNoise }) => ({
      depth,
      dims,
      singularValues: [top, top * ratio],
      strengths: [top * fractions[0], top * ratio * fractions[1]],
      labelNoise,
    })),
  defaultSetting: { depth: 3, dims: 3, singularValues: [1, 0.5], strengths: [0.3, 0.2], labelNoise: 0.5 },
  predict: () => 1,
  measure(setting, context): Measurement {
    const teacher = createTeacher({
      dIn: setting.dims,
      dOut: setting.dims,
      singularValues: setting.singularValues,
      seed: context.seed,
    });
    const samples = SAMPLES[context.budget];
    const components = modeGradientSamples({
      ...setting,
      width: setting.dims,
      teacher,
      samples,
      seed: context.seed,
    });
    const rows = components.map((c) => {
      const predicted = predictedComponentVariance(c.error, c.i === c.j, setting.labelNoise);
      return {
        label: `g_${c.i + 1}${c.j + 1}`,
        a: c.moments.variance / predicted,
        b: 1,
        error: c.moments.varianceError / predicted,
      };
    });
    const joint = compareJointly(rows);
    const { worst, jointZ } = joint;
    return {
      value: worst.a,
      ci95: [worst.a - jointZ.p95 * worst.error, worst.a + jointZ.p95 * worst.error],
      ci999: [worst.a - jointZ.p999 * worst.error, worst.a + jointZ.p999 * worst.error],
      samples,
      evidence: {
        worstComponent: worst.label,
        familyPValue: joint.pValue,
        components: joint.rows.map((row, k) => ({
          component: row.label,
          ratio: row.a,
          standardError: row.error,
          mean: components[k].moments.mean,
          predictedMean: components[k].i === components[k].j ? components[k].error : 0,
        })),
      },
    };
  },
  comparison: {
    kind: 'containment',
    halfWidth: 0.05,
    why: 'every component’s variance ratio must be within its joint 95% interval of 1, and 5% is the precision asked',
  },
  quantity: 'variance ratio (worst component)',
};
