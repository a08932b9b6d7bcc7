/** The SDE methods and their registry; convergence checks iterate over `methods`. */
import type { SdeMethod } from '../types.js';
import { eulerMaruyama } from './eulerMaruyama.js';
import { milstein } from './milstein.js';
import { sra1 } from './sra1.js';
import { stochasticHeun } from './stochasticHeun.js';

export { eulerMaruyama, milstein, sra1, stochasticHeun };

/** Every method factory, in order of increasing sophistication. */
export const methods: readonly (() => SdeMethod)[] = [eulerMaruyama, milstein, stochasticHeun, sra1];
