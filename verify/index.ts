/** The verify layer: verdicts, reports and sweeps. */
export { main } from './main.js';
