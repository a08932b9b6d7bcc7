/** A deep linear network: its shape, its flat parameter vector and views of W_1..W_L into that vector. */
import type { Mat } from '../linalg/mat.js';
import {
  checkParameters,
  type DeepLinearShape,
  type DeepLinearShapeOptions,
  deepLinearShape,
  layerViews,
} from './deepLinearShape.js';
import { type DeepLinearInit, initialize } from './initialize.js';

export interface DeepLinearNetwork extends DeepLinearShape {
  /** All parameters, W_1 first, each layer row-major. */
  readonly theta: Float64Array;
  /** W_1..W_L (index l − 1), views into theta. */
  readonly layers: readonly Mat[];
}

export interface DeepLinearNetworkOptions extends DeepLinearShapeOptions {
  readonly init: DeepLinearInit;
}

/** Builds the shape and initializes the parameters. */
export function deepLinearNetwork(options: DeepLinearNetworkOptions): DeepLinearNetwork {
  const shape = deepLinearShape(options);
  return withParameters(shape, initialize(shape, options.init));
}

/** A network of the given shape whose parameters are `theta` (shared, not copied). */
export function withParameters(shape: DeepLinearShape, theta: Float64Array): DeepLinearNetwork {
  checkParameters(shape, theta);
  const { depth, dIn, dOut, dims, offsets, size } = shape;
  return { depth, dIn, dOut, dims, offsets, size, theta, layers: layerViews(shape, theta) };
}
