/** Langevin dynamics: overdamped (Gibbs and SGD forms, state-dependent diffusion), underdamped BAOAB, Gibbs densities. */
export { baoab, type UnderdampedPath, type UnderdampedProblem } from './baoab.js';
export { choleskyPivoted, factorTimesVector } from './cholesky.js';
export { DEFAULT_DIVERGENCE_STEP, finiteDifferenceDivergence } from './divergence.js';
export {
  type GibbsDensity,
  type GibbsExpectation,
  type GibbsOptions,
  gibbsDensity,
  NonNormalizableError,
} from './gibbs.js';
export {
  type GibbsLangevinProblem,
  type OverdampedProblem,
  overdampedLangevin,
  type SgdLangevinProblem,
} from './overdamped.js';
export { gaussKronrod15, integrate, type QuadratureOptions, type QuadratureResult } from './quadrature.js';
export { type End, type TailCut, tailCut } from './tails.js';
export {
  type GradientField,
  LANGEVIN_STATUS_MESSAGES,
  type LangevinOptions,
  type LangevinOutcome,
  type LangevinPath,
  type LangevinStatus,
  langevinOutcome,
  type MatrixField,
  type StateField,
} from './types.js';
