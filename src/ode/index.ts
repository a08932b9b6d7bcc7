/** Ordinary differential equations: solveOde / solveOdeLog with the methods dopri5, gbs and rk4. */
export { type Dopri5Options, dopri5 } from './dopri5.js';
export {
  ESCAPE_TIME_EXACT,
  type EscapeOdeBenchmark,
  type EscapeOdeBenchmarkOptions,
  escapeOdeBenchmark,
  solveEscapeOnce,
} from './escapeOdeBenchmark.js';
export { gbs } from './gbs.js';
export { rk4 } from './rk4.js';
export { savedComponent, savedState } from './savedState.js';
export { solveOde } from './solveOde.js';
export { type LogOdeProblem, solveOdeLog } from './solveOdeLog.js';
export type {
  DenseOutputKind,
  EventDirection,
  OdeEvent,
  OdeEventRecord,
  OdeMethod,
  OdeOptions,
  OdeProblem,
  OdeRhs,
  OdeSolution,
  OdeStats,
  OdeStepper,
  OdeSystem,
  StepFailure,
  StepperSettings,
} from './types.js';
