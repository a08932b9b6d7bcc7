/** The numerical commands of `saddlecheck`; each lives in its own file. The verify layer adds its own. */
import { activationCommand } from './activation.js';
import type { Command } from './command.js';
import { dlnCommand } from './dln.js';
import { escapeTimeCommand } from './escapeTime.js';
import { fitCommand } from './fit.js';
import { ordersCommand } from './orders.js';
import { sdeCommand } from './sde.js';
import { stationaryCommand } from './stationary.js';

export const numericalCommands: readonly Command[] = [
  sdeCommand,
  ordersCommand,
  fitCommand,
  escapeTimeCommand,
  dlnCommand,
  activationCommand,
  stationaryCommand,
];
