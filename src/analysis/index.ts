/** Statistics and fits that verdicts rest on: distributions, goodness-of-fit tests, correlated chains, scaling laws. */

export { activationClass } from './activationClass.js';
export { andersonDarlingLimitSf, andersonDarlingSf } from './andersonDarlingSf.js';
export {
  type AndersonDarlingResult,
  andersonDarlingStatistic,
  andersonDarlingTest,
} from './andersonDarlingTest.js';
export { autocovariance } from './autocovariance.js';
export { binomialPmf } from './binomialPmf.js';
export { type ChiSquareOptions, type ChiSquareResult, chiSquareTest } from './chiSquareTest.js';
export {
  estimateOrder,
  type OrderEstimate,
  type OrderKind,
  type OrderOptions,
} from './convergenceOrder.js';
export {
  type CorrelatedTestOptions,
  type CorrelatedTestResult,
  correlatedGoodnessOfFitTest,
  thin,
} from './correlatedGoodnessOfFit.js';
export {
  asDistribution,
  type ContinuousDistribution,
  type DistributionLike,
  normalDistribution,
  uniformDistribution,
} from './distribution.js';
export { type BootstrapFit, type BootstrapOptions, bootstrapScalingFit } from './fits/bootstrapScalingFit.js';
export { compareScalingForms, type ScalingComparison } from './fits/compareScalingForms.js';
export { fitLogLaw } from './fits/fitLogLaw.js';
export { fitPowerLaw } from './fits/fitPowerLaw.js';
export { fitPowerOffset, type PowerOffsetFit, type PowerOffsetOptions } from './fits/fitPowerOffset.js';
export { fitScalingLaw, SCALING_MODELS } from './fits/fitScalingLaw.js';
export { fitTheilSen } from './fits/fitTheilSen.js';
export { leastSquaresSlope } from './fits/linearLeastSquares.js';
export type { ScalingFit, ScalingModel } from './fits/scalingFit.js';
export { chiSquareSf, regularizedGammaP, regularizedGammaQ } from './incompleteGamma.js';
export { type AutocorrelationTime, integratedAutocorrelationTime } from './integratedAutocorrelationTime.js';
export { kolmogorovSf, pelzGoodCdf } from './kolmogorovAsymptotic.js';
export {
  type KolmogorovSmirnovMethod,
  type KolmogorovSmirnovTail,
  kolmogorovSmirnovSf,
  kolmogorovSmirnovTail,
} from './kolmogorovSmirnovSf.js';
export { type KolmogorovSmirnovResult, kolmogorovSmirnovTest } from './kolmogorovSmirnovTest.js';
export { logGamma } from './logGamma.js';
export { logNormalCdf, logNormalSf, normalCdf, normalPdf, normalSf } from './normal.js';
export { normalQuantile } from './normalQuantile.js';
export { detectPlateaus, saddleLossLevels } from './plateaus.js';
export { probabilityTransform, type TransformedSample } from './probabilityTransform.js';
export { smirnovSf } from './smirnovSf.js';
export { stationaryDensity } from './stationaryDensity.js';
export { stationaryDensityTest } from './stationaryDensityTest.js';
export { studentTQuantile } from './studentTQuantile.js';
export { type Comparison, judge, type Measurement, type Status, type Verdict } from './verdict.js';
