/** SDE problems, methods, Brownian paths, single-path solving, ensembles on worker threads and first passage. */
export { bridgeMidpoints } from './brownianBridge.js';
export {
  BRIDGE_SUBSTREAM_BASE,
  type BrownianSource,
  GridIncrements,
  StreamIncrements,
  W_SUBSTREAM,
  Z_SUBSTREAM,
} from './brownianIncrements.js';
export { type BrownianLevel, BrownianPath, type BrownianPathOptions } from './brownianPath.js';
export {
  type ErrorKind,
  type ErrorSweep,
  type ErrorSweepOptions,
  errorSweep,
  type SweepTarget,
} from './convergence/errorSweep.js';
export { type MeasureOrderOptions, measureOrder } from './convergence/measureOrder.js';
export { type ConvergenceCase, convergenceCases } from './convergence/orderCases.js';
export { type EnsembleOptions, type EnsembleResult, runEnsemble } from './ensemble.js';
export type { FactorySpec, ProblemSpec } from './ensembleSpec.js';
export type { EnsembleStatistics } from './ensembleStatistics.js';
export { type FirstPassageOptions, type FirstPassageResult, firstPassage } from './firstPassage.js';
export { type PassageEstimate, passageEstimate, survivalAt } from './firstPassageEstimate.js';
export { requireSupport, strongOrderFor, weakOrderFor } from './methodSupport.js';
export {
  CoefficientStepper,
  defineMethod,
  type MethodDeclaration,
  type StepperFactories,
} from './methods/defineMethod.js';
export { eulerMaruyama, methods, milstein, sra1, stochasticHeun } from './methods/index.js';
export * from './referenceProblems.js';
export { brownianDimension, diffusionLength, NOISE_KINDS, validateSdeProblem } from './sdeProblem.js';
export { type SdeSolution, solveSde } from './solveSde.js';
export { DEFAULT_BLOW_UP_BOUND, type SolveSdeOptions } from './solveSdeOptions.js';
export type * from './types.js';
