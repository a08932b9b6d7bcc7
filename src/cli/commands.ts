/** The numerical commands of `saddlecheck`; each lives in its own file. The verify layer adds its own. */
import type { Command } from './command.js';
import { fitCommand } from './fit.js';
import { ordersCommand } from './orders.js';

export const numericalCommands: readonly Command[] = [ordersCommand, fitCommand];
