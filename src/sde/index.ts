/** SDE problems, methods, Brownian paths and single-path solving. */
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
