/** Reduced equations: the per-mode ODE and SDEs of deep linear networks and the scalar escape law. */
export { parameterLangevin } from './parameterLangevin.js';
export {
  perModeClock,
  perModeEscapeAsymptotic,
  perModeEscapeClosedForm,
  perModeLogistic,
  perModeTime,
} from './perModeClosedForm.js';
export { perModeEscapeTime } from './perModeEscapeTime.js';
export { perModeProblem, solvePerMode } from './perModeOde.js';
export { perModeSdeBenchmark } from './perModeSdeBenchmark.js';
export { perModeSdeEnsemble } from './perModeSdeEnsemble.js';
export { diffusionExponent, diffusionPeak, peakThreshold } from './perModeSdePeak.js';
export { endToEndModeSde, perLayerModeSde, perModeSde, perModeSdeSpec } from './perModeSdeProblem.js';
export {
  boltzmannDensity,
  boltzmannTemperature,
  boltzmannVariance,
  perModeStationaryDensity,
} from './perModeSdeStationary.js';
export { scalarEscapeIntegral } from './scalarEscape.js';
export { scalarEscapeTime } from './scalarEscapeTime.js';
export { zeroBalancedHyp2f1 } from './zeroBalancedHyp2f1.js';
