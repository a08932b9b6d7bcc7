/**
 * scalarEscapeTime: the escape time of ẏ = Γ y^{r−1} from ε to ϑ, integrated with an event in log coordinates
 * (solveOdeLog, Dormand–Prince 5(4)), next to the closed form. A solve that ends without reaching ϑ returns its
 * status and the time reached, with escapeTime null.
 */
import { dopri5 } from '../ode/dopri5.js';
import { solveOdeLog } from '../ode/solveOdeLog.js';
import type { OdeRhs } from '../ode/types.js';
import type { SolveOutcome } from '../solution.js';
import { positiveNumber } from '../validate.js';
import { checkScalarEscapeLaw, type ScalarEscapeLaw, scalarEscapeIntegral } from './scalarEscape.js';

export interface ScalarEscapeOptions extends ScalarEscapeLaw {
  /** Relative tolerance of the solve; default 1e-10. */
  readonly rtol?: number;
}

export interface ScalarEscapeResult extends SolveOutcome {
  /** Time of the event y = ϑ, or null if the solve stopped before it. */
  readonly escapeTime: number | null;
  /** (1/Γ) ∫_ε^ϑ y^{−(r−1)} dy. */
  readonly closedForm: number;
  readonly steps: number;
}

export function scalarEscapeTime(options: ScalarEscapeOptions): ScalarEscapeResult {
  const law = checkScalarEscapeLaw(options);
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-10);
  const closedForm = scalarEscapeIntegral(law);
  const { bottleneck: r, rate, eps, threshold } = law;
  const rhs: OdeRhs = (_t, y, out) => {
    out[0] = rate * y[0] ** (r - 1);
  };
  // The horizon only has to lie beyond the event; the event, not the horizon, gives the time.
  const solution = solveOdeLog({ rhs, y0: [eps], t0: 0, t1: 4 * closedForm }, dopri5(), {
    rtol,
    saveAt: [],
    events: [{ name: 'threshold', fn: (_t, y) => y[0], level: threshold, direction: 'up', terminal: true }],
  });
  const event = solution.events.find((e) => e.name === 'threshold');
  return {
    status: solution.status,
    message: event ? solution.message : `${solution.message} The threshold was not reached.`,
    tReached: solution.tReached,
    escapeTime: event ? event.t : null,
    closedForm,
    steps: solution.stats.steps,
  };
}
