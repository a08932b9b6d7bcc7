/**
 * Gradient descent breaks the conservation of the imbalances D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ at second order:
 * one step moves D_l by exactly η²(G_{l+1}ᵀ G_{l+1} − G_l G_lᵀ), G_l = ∇_{W_l}ℒ, the first-order terms cancelling
 * as under gradient flow. Over a fixed time T = kη the drift adds up k = T/η such terms, so the drift per unit
 * time is ∝ η: a log-log fit of ‖D_l(T) − D_l(0)‖/T against η over a sweep has slope 1.
 */
import fc from 'fast-check';
import { fitPowerLaw } from '../src/analysis/fits/fitPowerLaw.js';
import { imbalanceDrift } from '../src/analysis/imbalanceDrift.js';
import { type SquareProblemSetting, squareProblem } from '../src/networks/squareProblem.js';
import { gradientDescent } from '../src/training/gradientDescent.js';
import type { Measurement, Theorem } from './theorem.js';

export interface ImbalanceDriftSetting extends SquareProblemSetting {
  /** Time T over which the drift is measured. */
  readonly time: number;
  /** The largest learning rate; the sweep halves it four times. */
  readonly lrMax: number;
}

export const dlnImbalanceDrift: Theorem<ImbalanceDriftSetting> = {
  id: 'dln-imbalance-drift',
  title: 'Under gradient descent the imbalance drifts at a rate ∝ η',
  source: 'THEORY.md §0.2 [B]: O(η²) per step, so O(η) per unit time',
  statement:
    'Gradient descent with step η moves each D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ by η²(G_{l+1}ᵀ G_{l+1} − G_l G_lᵀ) ' +
    'per step; over a fixed time the drift per unit time scales as η (log-log slope 1 ± 0.1 over a sweep of η).',
  assumptions: [
    'full-batch gradient descent on the population loss',
    'η well below the stability limit 2/λ_max',
  ],
  settings: fc.record({
    depth: fc.integer({ min: 2, max: 4 }),
    width: fc.integer({ min: 3, max: 8 }),
    dims: fc.integer({ min: 3, max: 5 }),
    singularValues: fc.constantFrom([2, 1, 0.5], [1.5, 1], [1]),
    eps: fc.double({ min: 0.3, max: 1, noNaN: true }),
    time: fc.constantFrom(5, 10, 20),
    lrMax: fc.constantFrom(0.02, 0.04),
  }),
  defaultSetting: {
    depth: 3,
    width: 6,
    dims: 4,
    singularValues: [2, 1, 0.5],
    eps: 0.5,
    time: 10,
    lrMax: 0.04,
  },
  predict: () => 1,
  measure(setting, { seed, onProgress }): Measurement {
    const { time, lrMax } = setting;
    const { teacher, net } = squareProblem(setting, seed);
    const lrs = [16, 8, 4, 2, 1].map((k) => lrMax / k);
    const rates: number[] = [];
    for (const lr of lrs) {
      const run = gradientDescent(net, teacher, { lr, steps: Math.round(time / lr) });
      if (run.status !== 'success') return { value: Number.NaN, failure: `η = ${lr}: ${run.message}` };
      rates.push(imbalanceDrift(net, net.theta, run.thetaEnd).maxAbsolute / time);
      onProgress?.(rates.length / lrs.length);
    }
    const fit = fitPowerLaw(lrs, rates);
    return {
      value: fit.exponent,
      ci95: fit.ci95,
      samples: lrs.length,
      evidence: {
        rates,
        fit: fit.formula,
        plots: [
          {
            kind: 'loglog',
            title: 'imbalance drift per unit time against η',
            xLabel: 'η',
            yLabel: 'drift / T',
            points: lrs.map((x, k) => ({ x, y: rates[k] })),
            fitted: { prefactor: fit.prefactor, exponent: fit.exponent },
            predicted: { prefactor: rates[0] / lrs[0], exponent: 1 },
          },
        ],
      },
    };
  },
  comparison: {
    kind: 'tolerance',
    tolerance: 0.1,
    relative: false,
    why: 'the slope is 1 up to O(η) corrections (the trajectories of different η differ at first order); the sweep keeps them below 0.1',
  },
  quantity: 'log-log slope of the drift rate in η',
};
