export { type DescentOptions, descentLoop, type StepGradient } from './descentLoop.js';
export { type GradientDescentOptions, gradientDescent } from './gradientDescent.js';
export { type GradientFlowOptions, gradientFlow, gradientFlowRhs } from './gradientFlow.js';
export { type OnlineSgdOptions, onlineSgd } from './onlineSgd.js';
export { type RecordOptions, type Trajectory, TrajectoryRecorder } from './trajectory.js';
