/** The verdict logic lives in src/analysis/verdict.ts so that numerical commands can grade too. */
export { judge, type Status, type Verdict } from '../src/analysis/verdict.js';
