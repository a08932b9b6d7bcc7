/**
 * The private mathjs instance. User text only ever goes through `parse` (which builds a syntax tree and runs
 * nothing) and `derivative` (which rewrites a tree); neither `evaluate` nor `import` is ever applied to it.
 * The instance is not exported from the package.
 */
import { all, create } from 'mathjs';

export const math = create(all, { number: 'number' });
