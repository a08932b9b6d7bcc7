/**
 * The declared orders of the SDE methods as theorems, generated from each method's declarations: one theorem per
 * (method, noise kind, strong|weak). Adding a method to the registry adds its theorems. The measurement solves a
 * reference problem with a known exact solution on shared Brownian paths and fits the order with a bootstrap
 * interval over paths (src/sde/convergence).
 */
import fc from 'fast-check';
import { ORDER_COMPARISON } from '../src/sde/convergence/gradeOrder.js';
import { measureOrder } from '../src/sde/convergence/measureOrder.js';
import { type ConvergenceCase, convergenceCases } from '../src/sde/convergence/orderCases.js';
import type { Budget, Theorem } from './theorem.js';

/** Paths per budget: quick gives a slope standard error near 0.02 on strong sweeps (a quarter of 0.15 is 0.0375). */
const PATHS: Readonly<Record<'strong' | 'weak', Readonly<Record<Budget, number>>>> = {
  strong: { quick: 400, standard: 1600, full: 6400 },
  weak: { quick: 4000, standard: 16000, full: 64000 },
};

export interface OrderSetting {
  /** The reference problem (by name) among those for this noise kind. */
  readonly problem: string;
  /** Paths; default from the budget. */
  readonly paths?: number;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]+/g, (m) => `-${m.toLowerCase()}`);
}

function orderTheorem(cases: readonly ConvergenceCase[]): Theorem<OrderSetting> {
  const first = cases[0];
  const { method, noise, kind } = first;
  const find = (problem: string) => cases.find((c) => c.name === problem) ?? first;
  return {
    id: `order-${kebab(method.name)}-${noise}-${kind}`,
    title: `${method.name} has ${kind} order ${first.order} on ${noise} noise`,
    source: `${method.name} declaration; reference problems in src/sde/reference`,
    statement: `The ${kind} error of ${method.name} on an SDE with ${noise} noise (${method.interpretation}) shrinks like dt^${first.order}.`,
    assumptions: [
      'smooth coefficients',
      'errors measured at t1 = 1 on shared Brownian paths',
      kind === 'weak' ? 'f(x) = |x|²' : 'Euclidean error',
    ],
    quantity: `${kind} order`,
    settings: fc.record({
      problem: fc.constantFrom(...cases.map((c) => c.name)),
      paths: fc.integer({ min: 200, max: 800 }),
    }),
    defaultSetting: { problem: first.name },
    predict: ({ problem }) => find(problem).order,
    measure({ problem, paths }, { seed, budget }) {
      const c = find(problem);
      const estimate = measureOrder(c, { paths: paths ?? PATHS[kind][budget], seed });
      return {
        value: estimate.estimate,
        ci95: estimate.ci95,
        ci999: estimate.ci999,
        samples: estimate.paths,
        evidence: {
          dts: estimate.dts,
          errors: estimate.errors,
          plots: [
            {
              kind: 'loglog',
              title: `${method.name}, ${noise} noise: ${kind} error`,
              xLabel: 'dt',
              yLabel: `${kind} error`,
              points: estimate.dts.map((x, i) => ({ x, y: estimate.errors[i] })),
              fitted: {
                prefactor: estimate.errors[0] / estimate.dts[0] ** estimate.estimate,
                exponent: estimate.estimate,
              },
              predicted: { prefactor: estimate.errors[0] / estimate.dts[0] ** c.order, exponent: c.order },
            },
          ],
        },
      };
    },
    comparison: ORDER_COMPARISON,
  };
}

/** One theorem per (method, noise kind) for the given kind of order. */
export function integratorOrderTheorems(kind: 'strong' | 'weak'): Theorem<OrderSetting>[] {
  const groups = new Map<string, ConvergenceCase[]>();
  for (const c of convergenceCases(kind)) {
    const key = `${c.method.name}/${c.noise}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map(orderTheorem);
}
