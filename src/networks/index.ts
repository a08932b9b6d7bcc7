export {
  type DeepLinearNetwork,
  type DeepLinearNetworkOptions,
  deepLinearNetwork,
  withParameters,
} from './deepLinearNetwork.js';
export {
  checkParameters,
  type DeepLinearShape,
  type DeepLinearShapeOptions,
  deepLinearShape,
  flatten,
  LayerViewCache,
  layerViews,
  unflatten,
} from './deepLinearShape.js';
export { imbalance } from './imbalance.js';
export { type DeepLinearInit, initialize } from './initialize.js';
export { endToEnd, LayerProducts } from './layerProducts.js';
export { drawBatch, OnlineGradient, type OnlineGradientOptions } from './onlineGradient.js';
export { checkTeacher, PopulationObjective, populationGradient, populationLoss } from './populationLoss.js';
export { SampleObjective, sampleGradient, sampleLoss } from './sampleLoss.js';
export {
  createTeacher,
  modeStrengths,
  type Teacher,
  type TeacherOptions,
  teacherFromFactors,
} from './teacher.js';
