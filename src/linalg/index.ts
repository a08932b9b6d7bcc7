export { axpy, copy, type Entries, entriesOf, scale, subtract } from './axpy.js';
export { frobeniusInner, frobeniusNorm } from './frobenius.js';
export {
  type LinalgBenchmarkOptions,
  type LinalgBenchmarkResult,
  linalgBenchmark,
} from './linalgBenchmark.js';
export {
  checkFiniteEntries,
  fromRows,
  identity,
  type Mat,
  matFrom,
  matView,
  toRows,
  transpose,
  zeros,
} from './mat.js';
export { matmul, matmulTransA, matmulTransB } from './matmul.js';
export { randomOrthogonal } from './randomOrthogonal.js';
export { numericalRank, type SvdResult, svd } from './svd.js';
