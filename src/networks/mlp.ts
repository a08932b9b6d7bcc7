/**
 * A multilayer perceptron ŷ = W_L σ(W_{L−1} ⋯ σ(W_1 x)) without biases: pre-activations z_1 = W_1 x,
 * z_l = W_l σ(z_{l−1}), ŷ = z_L. The parameters sit in one flat Float64Array laid out like a deep linear network
 * (W_1 first, each n_l × n_{l−1} row-major), so the same gradient-flow machinery integrates both.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Activation } from './activations.js';
import { resolveActivation } from './activationsExpression.js';
import { type DeepLinearShape, deepLinearShape } from './deepLinearShape.js';

export interface MlpOptions {
  readonly dIn: number;
  readonly dOut: number;
  /** Number of weight matrices L ≥ 2 (L − 1 nonlinearities). */
  readonly depth: number;
  /** One width for every hidden layer, or the L − 1 hidden widths n_1..n_{L−1}. */
  readonly width: number | readonly number[];
  /** An Activation, a built-in name ('tanh') or a mathjs expression in z ('z + z^2/2'). */
  readonly activation: Activation | string;
}

export interface Mlp {
  readonly shape: DeepLinearShape;
  readonly activation: Activation;
}

/** Validates the options and lays out the parameters. */
export function mlp(options: MlpOptions): Mlp {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object {dIn, dOut, depth, width, activation}');
  }
  const shape = deepLinearShape(options);
  return { shape, activation: resolveActivation(options.activation) };
}

/**
 * The bottleneck layers (1-based, sorted, distinct): `layers` if given, else the first r. Throws unless there are
 * r of them, each in 1..L.
 */
export function bottleneckLayers(depth: number, r: number, layers?: readonly number[]): number[] {
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > depth) {
    throw new InvalidArgumentError('bottleneck', r, `an integer from 1 to the depth ${depth}`);
  }
  if (layers === undefined) return Array.from({ length: r }, (_, i) => i + 1);
  const sorted = Array.isArray(layers) ? [...new Set(layers)].sort((a, b) => a - b) : [];
  const valid = sorted.length === r && sorted.every((l) => Number.isInteger(l) && l >= 1 && l <= depth);
  if (!valid || sorted.length !== layers.length) {
    throw new InvalidArgumentError(
      'bottleneckLayers',
      layers,
      `${r} distinct layer numbers from 1 to ${depth}`,
      'Give one layer number per bottleneck layer, e.g. [1, 2] for r = 2; omit it for the first r layers.',
    );
  }
  return sorted;
}
