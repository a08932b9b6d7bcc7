/** The numerical commands of `saddlecheck`, loaded on use; each lives in its own file. */
import type { CommandEntry } from './command.js';

export const numericalCommands: readonly CommandEntry[] = [
  {
    name: 'sde',
    summary: 'simulate a scalar SDE given as expressions and print statistics of X(t1)',
    load: async () => (await import('./sde.js')).sdeCommand,
  },
  {
    name: 'orders',
    summary: "measure every SDE method's declared strong and weak orders on reference problems",
    load: async () => (await import('./orders.js')).ordersCommand,
  },
  {
    name: 'fit',
    summary: 'fit a scaling law (power, log, power with offset, Theil-Sen) to two columns of a CSV file',
    load: async () => (await import('./fit.js')).fitCommand,
  },
  {
    name: 'escape-time',
    summary: 'time to escape a saddle from initial scale eps, for a network or a reduced model',
    load: async () => (await import('./escapeTime.js')).escapeTimeCommand,
  },
  {
    name: 'dln',
    summary: 'train a deep linear network on a teacher and report plateaus, ranks, escapes and imbalance',
    load: async () => (await import('./dln.js')).dlnCommand,
  },
  {
    name: 'activation',
    summary: "classify an activation by phi(z) = z*sigma(z)' - sigma(z) at 0 (RAWAL classes A-D)",
    load: async () => (await import('./activation.js')).activationCommand,
  },
  {
    name: 'stationary',
    summary: 'exact stationary density of a 1-D SDE: normalizability, moments, quantiles, tests of samples',
    load: async () => (await import('./stationary.js')).stationaryCommand,
  },
];
