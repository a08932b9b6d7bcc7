/** The saddlecheck numerical library. */
export * from './analysis/index.js';
export * from './errors.js';
export * from './expressions/index.js';
export * from './langevin/index.js';
export * from './linalg/index.js';
export * from './networks/index.js';
export * from './ode/index.js';
export * from './random/index.js';
export * from './reductions/index.js';
export * from './sde/index.js';
export * from './solution.js';
export * from './training/index.js';
