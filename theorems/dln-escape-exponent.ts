/**
 * From small random initialization the escape time of mode 1 of a depth-L linear network (L ≥ 3) scales like
 * ε^{−(L−2)}: near the origin every layer grows at a rate ∝ ε^{L−2}, so rescaling time by ε^{L−2} makes the
 * early dynamics independent of ε, and only the random overlap of the initial layers with the teacher moves the
 * prefactor. The check draws independent initializations over a geometric grid of ε, times mode 1 (its strength
 * reaching s_1/2, by an event), and fits t = C·(1/ε)^p by least squares on the log scale; the 95% interval of p
 * must contain L − 2.
 */
import fc from 'fast-check';
import { fitPowerLaw } from '../src/analysis/fits/fitPowerLaw.js';
import { type SquareProblemSetting, squareProblem } from '../src/networks/squareProblem.js';
import { gradientFlowEscapes } from '../src/training/gradientFlowEscapes.js';
import type { Budget, Measurement, Theorem } from './theorem.js';

/** The square problem without ε: singular values well separated (s_1/s_2 ≥ 4), so mode 1 escapes first. */
export interface EscapeExponentSetting extends Omit<SquareProblemSetting, 'eps'> {
  /**
   * The largest ε, capped at 0.01^{1/(L−2)} so that every plateau (∝ ε^{−(L−2)}) is at least ~100 times the O(1)
   * time of the drop, whose ε-independent length would otherwise bend the fit upward; the grid spans four
   * decades of ε^{L−2} below it.
   */
  readonly epsMax: number;
}

const DESIGN: Record<Budget, { points: number; replicates: number }> = {
  quick: { points: 5, replicates: 4 },
  standard: { points: 6, replicates: 8 },
  full: { points: 8, replicates: 16 },
};

export const dlnEscapeExponent: Theorem<EscapeExponentSetting> = {
  id: 'dln-escape-exponent',
  title: 'From random init the first escape takes ∝ ε^{−(L−2)}: fitted exponent contains L − 2',
  source: 'JACOT §1 [D]; THEORY.md §0.3 and §1',
  statement:
    'From random initialization at per-layer scale ε, the time for the leading mode of a depth-L linear network ' +
    '(L ≥ 3) to reach half its singular value grows like (1/ε)^{L−2}: the fitted exponent over independent ' +
    'draws and four decades of ε^{L−2} has a 95% interval containing L − 2.',
  assumptions: [
    'entries ε·N(0, 1)/√fan_in, independent draws per point',
    'well-separated spectrum, so random overlaps do not change which mode escapes first',
    'ε small enough that the O(1) time of the drop is negligible against the plateau',
  ],
  settings: fc.record({
    depth: fc.integer({ min: 3, max: 6 }),
    width: fc.integer({ min: 6, max: 12 }),
    dims: fc.integer({ min: 3, max: 5 }),
    singularValues: fc.constantFrom([4, 1], [2, 0.5], [4, 1, 0.25]),
    epsMax: fc.constantFrom(0.03, 0.1),
  }),
  defaultSetting: { depth: 4, width: 8, dims: 4, singularValues: [4, 1], epsMax: 0.1 },
  predict: ({ depth }) => depth - 2,
  measure(setting, { seed, budget, onProgress }): Measurement {
    const { depth, singularValues } = setting;
    const { points, replicates } = DESIGN[budget];
    const epsMax = Math.min(setting.epsMax, 0.01 ** (1 / (depth - 2)));
    const epsMin = epsMax * 10 ** (-4 / (depth - 2));
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < points; i++) {
      const eps = epsMin * (epsMax / epsMin) ** (i / (points - 1));
      for (let j = 0; j < replicates; j++) {
        const { teacher, net } = squareProblem({ ...setting, eps }, seed, 1 + i * replicates + j);
        // Far past the aligned law for an overlap a thousand times smaller; the event ends the run.
        const t1 = (1e3 * eps ** (2 - depth)) / ((depth - 2) * singularValues[0]);
        const result = gradientFlowEscapes(net, teacher, { t1, modes: 1, rtol: 1e-7 });
        const escapeTime = result.escapeTimes[0];
        if (escapeTime === null) {
          return {
            value: Number.NaN,
            failure: `ε = ${eps}, draw ${j}: ${result.message} Mode 1 did not escape.`,
          };
        }
        x.push(1 / eps);
        y.push(escapeTime);
      }
      onProgress?.((i + 1) / points);
    }
    const fit = fitPowerLaw(x, y);
    return {
      value: fit.exponent,
      ci95: fit.ci95,
      samples: x.length,
      evidence: {
        fit: fit.formula,
        r2: fit.r2,
        plots: [
          {
            kind: 'loglog',
            title: `escape time of mode 1 against 1/ε (L = ${depth})`,
            xLabel: '1/ε',
            yLabel: 'escape time',
            points: x.map((v, k) => ({ x: v, y: y[k] })),
            fitted: { prefactor: fit.prefactor, exponent: fit.exponent },
            predicted: { prefactor: fit.prefactor, exponent: depth - 2 },
          },
        ],
      },
    };
  },
  comparison: {
    kind: 'containment',
    halfWidth: 0.4,
    why: 'the interval must contain L − 2 and stay clear of its neighbours L − 3 and L − 1 (±0.4 leaves a margin of 0.6)',
  },
  quantity: 'fitted exponent of the escape time in 1/ε',
};
