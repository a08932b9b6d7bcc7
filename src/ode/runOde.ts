/**
 * The driver shared by solveOde and solveOdeLog: steps a method to t1, watching every accepted step for a
 * non-finite state, blow-up, the step limit and events, and records the output. Failures end the solve with a
 * status and the last time whose state was finite and accepted.
 */
import { outcome, type SolveOutcome, type SolveStatus } from '../solution.js';
import { type DenseSampler, EventLocator } from './eventLocator.js';
import { SolutionRecorder } from './solutionRecorder.js';
import type { OdeEventRecord, OdeMethod, OdeSolution, OdeStepper, OdeSystem } from './types.js';
import type { ResolvedOdeOptions } from './validateOdeInput.js';
import { maxAbs } from './vectorChecks.js';

/** Maps the integrated state to the problem's own coordinates (for example z -> e^z). */
export type StateMap = (internal: Float64Array, out: Float64Array) => void;

export interface OdeRun {
  /** The system as integrated (in log coordinates: z = ln y). */
  readonly system: OdeSystem;
  readonly method: OdeMethod;
  readonly options: ResolvedOdeOptions;
  /** null when the integrated state is the problem's state. */
  readonly observe: StateMap | null;
  /** The initial state in the problem's coordinates, recorded as given (not mapped back and forth). */
  readonly y0: Float64Array;
}

interface RunState {
  readonly run: OdeRun;
  readonly stepper: OdeStepper;
  readonly recorder: SolutionRecorder;
  readonly locator: EventLocator | null;
  /** The last accepted state in the problem's coordinates. */
  readonly yLast: Float64Array;
}

export function runOde(run: OdeRun): OdeSolution {
  const { system, method, options, observe } = run;
  const { dim, t0, t1 } = system;
  const stepper = method.createStepper(system, options.settings);
  const yView = observe === null ? null : new Float64Array(dim);
  const view = (internal: Float64Array): Float64Array => {
    if (yView === null || observe === null) return internal;
    observe(internal, yView);
    return yView;
  };
  const zScratch = new Float64Array(dim);
  const sample: DenseSampler =
    observe === null
      ? (s, out) => stepper.interpolate(s, out)
      : (s, out) => {
          stepper.interpolate(s, zScratch);
          observe(zScratch, out);
        };
  const recorder = new SolutionRecorder(dim, options.saveAt);
  const locator = options.events.length > 0 ? new EventLocator(options.events, dim) : null;
  const state: RunState = { run, stepper, recorder, locator, yLast: Float64Array.from(run.y0) };
  recorder.start(t0, state.yLast);
  locator?.start(t0, state.yLast);
  while (stepper.t < t1) {
    if (stepper.stats.steps >= options.settings.maxSteps) {
      return finish(state, outcome('max-steps', stepper.t, where(state, stepper.t)));
    }
    const failure = stepper.step();
    if (failure !== null)
      return finish(state, outcome(failure, stepper.t, where(state, stepper.t, stepper.detail)));
    const y = view(stepper.y);
    const size = maxAbs(y, dim);
    if (!Number.isFinite(size)) {
      const detail = `The step from t = ${stepper.tPrev} to ${stepper.t} gave a non-finite state.`;
      return finish(state, outcome('non-finite', stepper.tPrev, where(state, stepper.tPrev, detail)));
    }
    const hit = locator === null ? null : locator.afterStep(stepper.tPrev, stepper.t, y, sample);
    if (hit !== null) {
      recorder.afterStep(hit.t, hit.y, sample);
      copyInto(state.yLast, hit.y);
      return finish(state, terminalOutcome(hit));
    }
    recorder.afterStep(stepper.t, y, sample);
    copyInto(state.yLast, y);
    if (size > options.blowUpBound) {
      const detail = `max |y| = ${size} passed blowUpBound = ${options.blowUpBound}.`;
      return finish(state, outcome('blow-up', stepper.t, where(state, stepper.t, detail)));
    }
  }
  return finish(state, outcome('success', t1));
}

function where({ run }: RunState, t: number, detail = ''): string {
  const { t0, t1 } = run.system;
  return `${run.method.name} stopped at t = ${t} of [${t0}, ${t1}].${detail ? ` ${detail}` : ''}`;
}

function terminalOutcome(hit: OdeEventRecord): SolveOutcome {
  const status: SolveStatus = 'success';
  return {
    status,
    message: `The solve stopped at the terminal event "${hit.name}" at t = ${hit.t}.`,
    tReached: hit.t,
  };
}

/** TypedArray.prototype.set costs more than a loop for the short states of reduced ODEs. */
function copyInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = source[i];
}

function finish(state: RunState, end: SolveOutcome): OdeSolution {
  const { t, y } = state.recorder.finish();
  const { rhsEvaluations, steps, rejected } = state.stepper.stats;
  return {
    status: end.status,
    message: end.message,
    tReached: end.tReached,
    method: state.run.method.name,
    dim: state.run.system.dim,
    t,
    y,
    yEnd: state.yLast,
    stats: { rhsEvaluations, steps, rejected },
    events: state.locator === null ? [] : state.locator.records,
  };
}
