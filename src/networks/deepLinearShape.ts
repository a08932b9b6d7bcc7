/**
 * The architecture of a deep linear network and how its parameters sit in one flat Float64Array.
 * Layer l = 1..L maps dimension n_{l−1} to n_l (n_0 = dIn, n_L = dOut, hidden widths n_1..n_{L−1}), so
 * W_l is n_l × n_{l−1}; the layers are stored one after the other, each row-major, W_1 first.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import { type Mat, matView } from '../linalg/mat.js';
import { integerInRange } from '../validate.js';

export interface DeepLinearShapeOptions {
  readonly dIn: number;
  readonly dOut: number;
  /** Number of weight matrices L ≥ 2. */
  readonly depth: number;
  /** One hidden width for every hidden layer, or the L − 1 hidden widths n_1..n_{L−1}. */
  readonly width: number | readonly number[];
}

export interface DeepLinearShape {
  readonly depth: number;
  readonly dIn: number;
  readonly dOut: number;
  /** Layer dimensions n_0 = dIn, n_1, …, n_L = dOut (length L + 1). */
  readonly dims: readonly number[];
  /** Offset of W_l in the flat vector at index l − 1 (length L). */
  readonly offsets: readonly number[];
  /** Total number of parameters. */
  readonly size: number;
}

/** The largest width and depth a network may have. */
export const MAX_DIM = 1 << 16;
export const MAX_DEPTH = 1000;

/** Validates the options and lays out the parameters. */
export function deepLinearShape(options: DeepLinearShapeOptions): DeepLinearShape {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object {dIn, dOut, depth, width}');
  }
  const dIn = integerInRange('dIn', options.dIn, 1, MAX_DIM);
  const dOut = integerInRange('dOut', options.dOut, 1, MAX_DIM);
  const depth = integerInRange('depth', options.depth, 2, MAX_DEPTH);
  const widths = hiddenWidths(options.width, depth);
  const dims = [dIn, ...widths, dOut];
  const offsets: number[] = [];
  let size = 0;
  for (let l = 1; l <= depth; l++) {
    offsets.push(size);
    size += dims[l] * dims[l - 1];
  }
  if (size > 2 ** 31) {
    throw new InvalidArgumentError('width', options.width, 'small enough for 2^31 parameters in total');
  }
  return { depth, dIn, dOut, dims, offsets, size };
}

function hiddenWidths(width: unknown, depth: number): number[] {
  if (typeof width === 'number') {
    return Array.from({ length: depth - 1 }, () => integerInRange('width', width, 1, MAX_DIM));
  }
  if (!Array.isArray(width) || width.length !== depth - 1) {
    throw new InvalidArgumentError(
      'width',
      width,
      `a positive integer or an array of depth − 1 = ${depth - 1} positive integers`,
      'Give one width for all hidden layers or one per hidden layer.',
    );
  }
  return width.map((w, i) => integerInRange(`width[${i}]`, w, 1, MAX_DIM));
}

/** Throws DimensionMismatchError unless `theta` holds exactly the shape's parameters. */
export function checkParameters(shape: DeepLinearShape, theta: unknown, argument = 'theta'): Float64Array {
  if (!(theta instanceof Float64Array)) {
    throw new InvalidArgumentError(argument, theta, `a Float64Array of length ${shape.size}`);
  }
  if (theta.length !== shape.size) {
    throw new DimensionMismatchError(
      `${argument} has ${theta.length} entries but the network ${shape.dims.join('→')} has ${shape.size} ` +
        'parameters. Create it with deepLinearNetwork or flatten(shape, layers).',
    );
  }
  return theta;
}

/** Views W_1..W_L (index l − 1) into `theta`, without copying: writing a view writes theta. */
export function layerViews(shape: DeepLinearShape, theta: Float64Array): Mat[] {
  checkParameters(shape, theta);
  return shape.offsets.map((offset, i) => matView(theta, offset, shape.dims[i + 1], shape.dims[i]));
}

/** The flat parameter vector holding copies of W_1..W_L. */
export function flatten(shape: DeepLinearShape, layers: readonly Mat[]): Float64Array {
  if (!Array.isArray(layers) || layers.length !== shape.depth) {
    throw new DimensionMismatchError(
      `flatten: the network has ${shape.depth} layers; received ${Array.isArray(layers) ? layers.length : 'no array'}.`,
    );
  }
  const theta = new Float64Array(shape.size);
  layerViews(shape, theta).forEach((view, i) => {
    const layer = layers[i];
    if (layer.rows !== view.rows || layer.cols !== view.cols || layer.data.length !== view.data.length) {
      throw new DimensionMismatchError(
        `flatten: W_${i + 1} must be ${view.rows}×${view.cols}; received ${layer.rows}×${layer.cols}.`,
      );
    }
    view.data.set(layer.data);
  });
  return theta;
}

/** Copies of W_1..W_L from `theta` (independent of it). */
export function unflatten(shape: DeepLinearShape, theta: Float64Array): Mat[] {
  return layerViews(shape, theta.slice()).map((view) => ({ ...view }));
}

/**
 * Reusable views into the few buffers an ODE stepper passes to a right-hand side (its state and stage
 * vectors), so that evaluating on the same buffer again allocates nothing. Holds at most `capacity` buffers.
 */
export class LayerViewCache {
  private readonly buffers: Float64Array[] = [];
  private readonly views: Mat[][] = [];
  private next = 0;

  constructor(
    private readonly shape: DeepLinearShape,
    private readonly capacity = 24,
  ) {}

  /** Views of W_1..W_L inside `theta` (which must have shape.size entries). */
  get(theta: Float64Array): Mat[] {
    const i = this.buffers.indexOf(theta);
    if (i >= 0) return this.views[i];
    const views = layerViews(this.shape, theta);
    if (this.buffers.length < this.capacity) {
      this.buffers.push(theta);
      this.views.push(views);
    } else {
      this.buffers[this.next] = theta;
      this.views[this.next] = views;
      this.next = (this.next + 1) % this.capacity;
    }
    return views;
  }
}
