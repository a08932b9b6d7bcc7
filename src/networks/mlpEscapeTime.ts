/**
 * networkEscapeTime: integrates gradient flow θ̇ = −∇ℒ(θ) of a full MLP (Dormand–Prince 5(4) with relative
 * error control, exact backprop gradients) from ε-small bottleneck layers until the escape criterion fires:
 * the bottleneck magnitude (geometric mean of the bottleneck layers' Frobenius norms, equal to y on the
 * manifold) reaching ϑ, or the loss dropping by a given fraction. Solver trouble or no escape by tMax is
 * reported on the result (escapeTime null), never thrown.
 */
import { frobeniusNorm } from '../linalg/frobenius.js';
import { dopri5 } from '../ode/dopri5.js';
import { solveOde } from '../ode/solveOde.js';
import type { OdeEvent } from '../ode/types.js';
import { scalarEscapeIntegral } from '../reductions/scalarEscape.js';
import type { SolveOutcome } from '../solution.js';
import { integerInRange, positiveNumber } from '../validate.js';
import {
  type EscapeCriterion,
  type EscapeSetup,
  escapeSetup,
  type NetworkEscapeOptions,
} from './mlpEscapeSetup.js';
import { manifoldDeviation } from './mlpManifold.js';
import { MlpObjective } from './mlpObjective.js';

export interface NetworkEscapeRunOptions extends NetworkEscapeOptions {
  /** Relative tolerance of the solve; default 1e-7. */
  readonly rtol?: number;
  /** Horizon of the solve; default far beyond the scalar law's prediction. */
  readonly tMax?: number;
  /** Default 100000. */
  readonly maxSteps?: number;
}

export interface NetworkEscapeResult extends SolveOutcome {
  /** Time of the escape event, or null when the solve ended without it. */
  readonly escapeTime: number | null;
  readonly criterion: EscapeCriterion;
  /** Γ of the scalar law (manifold init with the bottlenecks first), else null. */
  readonly scalarRate: number | null;
  /** (1/Γ)∫ y^{−(r−1)} dy from the initial magnitude to ϑ, when Γ is known and the criterion is magnitude. */
  readonly scalarEscapeTime: number | null;
  readonly initialLoss: number;
  readonly finalLoss: number;
  readonly initialMagnitude: number;
  readonly finalMagnitude: number;
  /** Largest relative distance of a layer from the permutation-symmetric manifold at the end. */
  readonly finalManifoldDeviation: number;
  readonly steps: number;
  readonly rhsEvaluations: number;
  readonly seconds: number;
}

/** Geometric mean of ‖W_l‖_F over the bottleneck layers. */
export function bottleneckMagnitude(
  setup: EscapeSetup,
  objective: MlpObjective,
  theta: Float64Array,
): number {
  const views = objective.views.get(theta);
  let logSum = 0;
  for (const l of setup.layers) logSum += Math.log(frobeniusNorm(views[l - 1]));
  return Math.exp(logSum / setup.layers.length);
}

export function networkEscapeTime(options: NetworkEscapeRunOptions): NetworkEscapeResult {
  const setup = escapeSetup(options);
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-7);
  const maxSteps = integerInRange('maxSteps', options.maxSteps ?? 100000, 1);
  return runEscape(setup, { rtol, maxSteps, tMax: options.tMax ?? defaultHorizon(setup) });
}

/** Runs a prepared experiment (theorems reuse one setup for several runs). */
export function runEscape(
  setup: EscapeSetup,
  run: { readonly rtol: number; readonly maxSteps: number; readonly tMax: number },
): NetworkEscapeResult {
  const start = performance.now();
  const tMax = positiveNumber('tMax', run.tMax);
  const objective = new MlpObjective(setup.network, setup.data);
  const magnitude = (theta: Float64Array) => bottleneckMagnitude(setup, objective, theta);
  const initialLoss = objective.loss(setup.theta0);
  const initialMagnitude = magnitude(setup.theta0);
  const event = escapeEvent(setup.criterion, objective, magnitude, initialLoss);
  const solution = solveOde(
    { rhs: (_t, theta, out) => gradientField(objective, theta, out), y0: setup.theta0, t0: 0, t1: tMax },
    dopri5(),
    {
      rtol: run.rtol,
      atol: run.rtol * setup.eps * 1e-3,
      maxSteps: run.maxSteps,
      saveAt: [],
      events: [event],
    },
  );
  const hit = solution.events.find((e) => e.name === event.name);
  const c = setup.criterion;
  const scalar =
    setup.rate !== null && c.kind === 'magnitude' && c.threshold > initialMagnitude
      ? scalarEscapeIntegral({
          bottleneck: setup.bottleneck,
          rate: setup.rate,
          eps: initialMagnitude,
          threshold: c.threshold,
        })
      : null;
  const missed = hit ? '' : ` No escape by t = ${solution.tReached}; raise tMax or check the criterion.`;
  return {
    status: solution.status,
    message: `${solution.message}${missed}`,
    tReached: solution.tReached,
    escapeTime: hit ? hit.t : null,
    criterion: c,
    scalarRate: setup.rate,
    scalarEscapeTime: scalar,
    initialLoss,
    finalLoss: objective.loss(solution.yEnd),
    initialMagnitude,
    finalMagnitude: magnitude(solution.yEnd),
    finalManifoldDeviation: manifoldDeviation(setup.network, solution.yEnd),
    steps: solution.stats.steps,
    rhsEvaluations: solution.stats.rhsEvaluations,
    seconds: (performance.now() - start) / 1000,
  };
}

/** out = −∇ℒ(θ). */
export function gradientField(objective: MlpObjective, theta: Float64Array, out: Float64Array): void {
  objective.gradient(theta, out);
  for (let i = 0; i < out.length; i++) out[i] = -out[i];
}

function escapeEvent(
  criterion: EscapeCriterion,
  objective: MlpObjective,
  magnitude: (theta: Float64Array) => number,
  initialLoss: number,
): OdeEvent {
  if (criterion.kind === 'magnitude') {
    return {
      name: 'escape',
      fn: (_t, y) => magnitude(y),
      level: criterion.threshold,
      direction: 'up',
      terminal: true,
    };
  }
  const level = (1 - criterion.drop) * initialLoss;
  return { name: 'escape', fn: (_t, y) => objective.loss(y), level, direction: 'down', terminal: true };
}

/**
 * A horizon far beyond the escape: 100 times the scalar law's time from ε to 1 with the rate Γ, or, where Γ is
 * not known (He init, bottlenecks not first), with |σ'(0)|^{L−1}·s_1 as a stand-in (floored at 1e-3).
 */
function defaultHorizon(setup: EscapeSetup): number {
  const { network, bottleneck, eps } = setup;
  const guess = Math.abs(network.activation.derivative(0)) ** (network.shape.depth - 1);
  const rate = setup.rate ?? Math.max(guess, 1e-3);
  const law = { bottleneck, rate, eps: Math.min(eps, 0.5), threshold: 1 };
  return 100 * (scalarEscapeIntegral(law) + 1 / rate);
}
