/**
 * gradientFlowEscapes: gradient flow of a deep linear network with one event per teacher mode, located on the
 * solver's dense output: mode k escapes when its strength u_kᵀ W v_k first reaches frac·s_k. The run stops at
 * the event "all learned" (every watched mode at or above `learned`·s_k), or at t1. With `stiff` it integrates
 * with ros34pw2 on exact Hessian-vector products, whose cost hardly grows with the plateau lengths; otherwise
 * with gbs, whose steps are bounded by the fastest relaxation rate once a mode is learned.
 */
import { InvalidArgumentError } from '../errors.js';
import type { DeepLinearNetwork } from '../networks/deepLinearNetwork.js';
import { LayerProducts } from '../networks/layerProducts.js';
import { modeStrengths, type Teacher } from '../networks/teacher.js';
import { gbs } from '../ode/gbs.js';
import { solveOde } from '../ode/solveOde.js';
import type { OdeEvent } from '../ode/types.js';
import type { SolveOutcome } from '../solution.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate.js';
import { gradientFlowRhs } from './gradientFlow.js';
import { gradientFlowJacobian } from './gradientFlowJacobian.js';
import { ros34pw2 } from './ros34pw2.js';

export interface GradientFlowEscapeOptions {
  /** Horizon t1 > 0; the run usually ends earlier, when every watched mode is learned. */
  readonly t1: number;
  /** Mode k escapes when u_k reaches frac·s_k (default 0.5). */
  readonly frac?: number;
  /** The run stops once every watched mode has u_k ≥ learned·s_k (default 0.9; ≥ frac, < 1). */
  readonly learned?: number;
  /** Watch the first `modes` teacher modes (default all). */
  readonly modes?: number;
  /** Integrate with the stiff solver (default false). */
  readonly stiff?: boolean;
  readonly rtol?: number;
  /** Default rtol · 1e-3 · max|θ0|, as in gradientFlow. */
  readonly atol?: number;
  readonly maxSteps?: number;
  /** Save times (default none: only the events and the end). */
  readonly saveAt?: readonly number[];
  /** Start here instead of at the network's parameters. */
  readonly theta0?: Float64Array;
}

export interface GradientFlowEscapes extends SolveOutcome {
  readonly method: string;
  /** Time at which each watched mode reached frac·s_k; null if it did not before the run ended. */
  readonly escapeTimes: (number | null)[];
  /** Time at which every watched mode was learned, or null. */
  readonly learnedTime: number | null;
  readonly thetaEnd: Float64Array;
  readonly saved: { readonly t: Float64Array; readonly theta: Float64Array };
  readonly rhsEvaluations: number;
  readonly hessianProducts: number;
  readonly steps: number;
  readonly rejected: number;
}

/** Events on the strengths u_kᵀ W v_k of the first `modes` teacher modes. */
export function modeEvents(
  net: DeepLinearNetwork,
  teacher: Teacher,
  modes: number,
  frac: number,
  learned: number,
): OdeEvent[] {
  const products = new LayerProducts(net);
  const strengths = new Float64Array(teacher.s.length);
  const ratio = (y: Float64Array, k: number) => {
    modeStrengths(teacher, products.forward(y), strengths);
    return strengths[k] / teacher.s[k];
  };
  const escapes: OdeEvent[] = Array.from({ length: modes }, (_, k) => ({
    name: `mode ${k + 1}`,
    fn: (_t, y) => ratio(y, k),
    level: frac,
    direction: 'up',
  }));
  const all: OdeEvent = {
    name: 'all learned',
    fn: (_t, y) => {
      modeStrengths(teacher, products.forward(y), strengths);
      let least = Number.POSITIVE_INFINITY;
      for (let k = 0; k < modes; k++) least = Math.min(least, strengths[k] / teacher.s[k]);
      return least;
    },
    level: learned,
    direction: 'up',
    terminal: true,
  };
  return [...escapes, all];
}

export function gradientFlowEscapes(
  net: DeepLinearNetwork,
  teacher: Teacher,
  options: GradientFlowEscapeOptions,
): GradientFlowEscapes {
  const t1 = positiveNumber('t1', options?.t1);
  const y0 = finiteVector('theta0', options.theta0 ?? net.theta, net.size);
  const modes = integerInRange('modes', options.modes ?? teacher.s.length, 1, teacher.s.length);
  const frac = fraction('frac', options.frac ?? 0.5, 0);
  const learned = fraction('learned', options.learned ?? 0.9, frac);
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-8);
  const largest = y0.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const atol = options.atol ?? rtol * 1e-3 * (largest > 0 ? largest : 1);
  const stiff = options.stiff ? ros34pw2(gradientFlowJacobian(net, teacher)) : null;
  const method = stiff ?? gbs();
  const solution = solveOde({ rhs: gradientFlowRhs(net, teacher), y0, t0: 0, t1 }, method, {
    rtol,
    atol,
    saveAt: options.saveAt ?? [],
    events: modeEvents(net, teacher, modes, frac, learned),
    ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
  });
  const timeOf = (name: string) => solution.events.find((e) => e.name === name)?.t ?? null;
  return {
    status: solution.status,
    message: solution.message,
    tReached: solution.tReached,
    method: solution.method,
    escapeTimes: Array.from({ length: modes }, (_, k) => timeOf(`mode ${k + 1}`)),
    learnedTime: timeOf('all learned'),
    thetaEnd: solution.yEnd,
    saved: { t: solution.t, theta: solution.y },
    rhsEvaluations: solution.stats.rhsEvaluations,
    hessianProducts: stiff?.linearStats.jacobianProducts ?? 0,
    steps: solution.stats.steps,
    rejected: solution.stats.rejected,
  };
}

function fraction(name: string, value: unknown, above: number): number {
  if (typeof value !== 'number' || !(value > above && value < 1)) {
    throw new InvalidArgumentError(name, value, `a number in (${above}, 1)`);
  }
  return value;
}
