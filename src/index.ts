/** The saddlecheck numerical library. */
export * from './errors.js';
export * from './random/index.js';
export * from './solution.js';
