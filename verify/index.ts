/** The verify layer: verdicts, reports, exploration, sweeps, and helpers for users' own test suites. */
export { activationName, depth, initScale, teacherSpectrum, width } from './arbitraries.js';
export { expectConfirmed } from './expectConfirmed.js';
export { type Exploration, type ExploreOptions, explore, formatExploration } from './explore.js';
export { main } from './main.js';
export { type GridPoint, gridPoints, parseShard, shardPoints } from './sweep/grid.js';
export { type PointRecord, ResultsFileError, readResults, repairResultsFile } from './sweep/resultsFile.js';
export { runSweep, type SweepOptions } from './sweep/runSweep.js';
export { SweepMismatchError } from './sweep/sameSweep.js';
export { judge, type Status, type Verdict } from './verdict.js';
export {
  assertConfirmed,
  DEFAULT_SEED,
  formatReport,
  NotConfirmedError,
  type Report,
  rerunCommand,
  type VerifyOptions,
  verify,
} from './verify.js';
