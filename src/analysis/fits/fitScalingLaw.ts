/** One entry point for every scaling-law model, for callers that choose the model as data (the CLI, sweeps). */
import { oneOf } from '../../validate.js';
import { fitLogLaw } from './fitLogLaw.js';
import { fitPowerLaw } from './fitPowerLaw.js';
import { fitPowerOffset, type PowerOffsetOptions } from './fitPowerOffset.js';
import { fitTheilSen } from './fitTheilSen.js';
import type { ScalingFit, ScalingModel } from './scalingFit.js';

export const SCALING_MODELS: readonly ScalingModel[] = ['power', 'log', 'power-offset', 'theil-sen'];

export function fitScalingLaw(
  x: unknown,
  y: unknown,
  model: ScalingModel = 'power',
  options: PowerOffsetOptions = {},
): ScalingFit {
  switch (oneOf('model', model, SCALING_MODELS)) {
    case 'power':
      return fitPowerLaw(x, y);
    case 'log':
      return fitLogLaw(x, y);
    case 'power-offset':
      return fitPowerOffset(x, y, options);
    case 'theil-sen':
      return fitTheilSen(x, y);
  }
}
