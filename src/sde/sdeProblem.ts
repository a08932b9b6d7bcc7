/**
 * Checks of an SdeProblem at the API boundary, and the sizes that follow from its noise kind. A problem that
 * passes is safe to step: every later failure (NaN, blow-up) is numerical and becomes a status, not an error.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import {
  finiteNumber,
  finiteVector,
  functionValue,
  integerInRange,
  intervalEnd,
  oneOf,
  seedValue,
} from '../validate.js';
import type { NoiseKind, SdeProblem } from './types.js';

export const NOISE_KINDS: readonly NoiseKind[] = ['scalar', 'diagonal', 'additive', 'general'];

/** Number m of Brownian motions: 1 for scalar noise, d for diagonal and additive, brownianDim for general. */
export function brownianDimension(problem: SdeProblem): number {
  switch (problem.noise) {
    case 'scalar':
      return 1;
    case 'general':
      return problem.brownianDim as number;
    default:
      return problem.x0.length;
  }
}

/** Length of what `diffusion` writes: d for scalar, diagonal and additive noise, d * m for general noise. */
export function diffusionLength(problem: SdeProblem): number {
  return problem.noise === 'general' ? problem.x0.length * brownianDimension(problem) : problem.x0.length;
}

/** Throws a named error for the first field that is malformed; returns the problem unchanged otherwise. */
export function validateSdeProblem(problem: unknown): SdeProblem {
  if (typeof problem !== 'object' || problem === null) {
    throw new InvalidArgumentError(
      'problem',
      problem,
      'an SdeProblem object',
      'See SdeProblem in sde/types.ts.',
    );
  }
  const p = problem as SdeProblem;
  functionValue('problem.drift', p.drift);
  functionValue('problem.diffusion', p.diffusion);
  if (p.diffusionDerivative !== undefined)
    functionValue('problem.diffusionDerivative', p.diffusionDerivative);
  oneOf('problem.noise', p.noise, NOISE_KINDS);
  oneOf('problem.interpretation', p.interpretation, ['ito', 'stratonovich']);
  if (!(p.x0 instanceof Float64Array)) {
    throw new InvalidArgumentError('problem.x0', p.x0, 'a Float64Array', 'Wrap it: Float64Array.from(x0).');
  }
  finiteVector('problem.x0', p.x0);
  const t0 = finiteNumber('problem.t0', p.t0);
  intervalEnd('problem.t1', p.t1, t0);
  seedValue('problem.seed', p.seed);
  checkBrownianDim(p);
  checkElementwise(p);
  return p;
}

function checkElementwise(p: SdeProblem): void {
  if (p.elementwise === undefined || p.elementwise === false) return;
  if (p.elementwise !== true) {
    throw new InvalidArgumentError('problem.elementwise', p.elementwise, 'true, false or absent');
  }
  if (p.x0.length !== 1) {
    throw new InvalidArgumentError(
      'problem.elementwise',
      p.elementwise,
      `absent or false on a state of dimension ${p.x0.length}`,
      'Only one-dimensional problems (x0 of length 1) can act elementwise on arrays of states.',
    );
  }
}

function checkBrownianDim(p: SdeProblem): void {
  if (p.noise === 'general') {
    integerInRange('problem.brownianDim', p.brownianDim, 1);
    return;
  }
  const implied = p.noise === 'scalar' ? 1 : p.x0.length;
  if (p.brownianDim !== undefined && p.brownianDim !== implied) {
    throw new DimensionMismatchError(
      `problem.brownianDim is ${p.brownianDim}, but ${p.noise} noise on a state of dimension ${p.x0.length} ` +
        `is driven by ${implied} Brownian motion(s); omit brownianDim or use noise 'general'.`,
    );
  }
}
