/**
 * perModeEscapeTime: the escape of one mode of a depth-L linear network from a per-layer scale ε, as the time
 * the per-mode ODE takes to carry u from ε^L to frac·s (integrated in log coordinates, located by a terminal
 * event), next to the exact closed form and the small-ε law. A solve that stops before the event returns its
 * status and the time reached, with escapeTime null.
 */
import type { SolveOutcome } from '../solution.js';
import { positiveNumber } from '../validate.js';
import {
  checkPerModeEscape,
  type PerModeEscape,
  perModeEscapeAsymptotic,
  perModeEscapeClosedForm,
} from './perModeClosedForm.js';
import { solvePerMode } from './perModeOde.js';

export interface PerModeEscapeOptions extends PerModeEscape {
  /** Relative tolerance of the solve (default 1e-10). */
  readonly rtol?: number;
}

export interface PerModeEscapeResult extends SolveOutcome {
  /** Time of the event u = frac·s, or null if the solve stopped before it. */
  readonly escapeTime: number | null;
  /** T(frac·s) − T(ε^L), exact. */
  readonly closedForm: number;
  /** ln(1/ε)/s (L = 2) or ε^{−(L−2)}/((L − 2)s) (L ≥ 3). */
  readonly asymptotic: number;
  readonly steps: number;
  readonly rhsEvaluations: number;
}

export function perModeEscapeTime(options: PerModeEscapeOptions): PerModeEscapeResult {
  const law = checkPerModeEscape(options);
  const closedForm = perModeEscapeClosedForm(law);
  const asymptotic = perModeEscapeAsymptotic(law);
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-10);
  const level = law.frac * law.s;
  // The horizon only has to lie beyond the event; the event, not the horizon, gives the time.
  const solution = solvePerMode({
    depth: law.depth,
    s: [law.s],
    u0: [law.eps ** law.depth],
    t1: 2 * closedForm + 1,
    rtol,
    saveAt: [],
    events: [{ name: 'escape', fn: (_t, u) => u[0], level, direction: 'up', terminal: true }],
  });
  const event = solution.events.find((e) => e.name === 'escape');
  return {
    status: solution.status,
    message: event ? solution.message : `${solution.message} The escape level was not reached.`,
    tReached: solution.tReached,
    escapeTime: event ? event.t : null,
    closedForm,
    asymptotic,
    steps: solution.stats.steps,
    rhsEvaluations: solution.stats.rhsEvaluations,
  };
}
