/**
 * The loss on a finite dataset of n pairs (x_i, y_i), stored as rows of X (n × dIn) and Y (n × dOut):
 *   ℒ_n(θ) = (1/2n) Σ_i ‖W x_i − y_i‖² = (1/2n) ‖X Wᵀ − Y‖²_F,
 * whose expectation over x ~ N(0, I), y = W* x + ξ is the population loss plus ½σ_ξ² dOut. The end-to-end
 * gradient is (1/n) Rᵀ X with R = X Wᵀ − Y, and the per-layer gradients follow from LayerProducts.
 */
import { DimensionMismatchError } from '../errors.js';
import { frobeniusInner } from '../linalg/frobenius.js';
import { checkFiniteEntries, checkShape, type Mat, zeros } from '../linalg/mat.js';
import { matmulTransA, matmulTransB } from '../linalg/matmul.js';
import { checkParameters, type DeepLinearShape } from './deepLinearShape.js';
import { LayerProducts } from './layerProducts.js';

/** Loss and gradient on the dataset held in `x` and `y`; refill them in place to change the data. */
export class SampleObjective {
  readonly products: LayerProducts;
  /** R = X Wᵀ − Y at the last evaluation (n × dOut). */
  readonly residual: Mat;
  /** (1/n) Rᵀ X at the last gradient evaluation (dOut × dIn). */
  readonly endToEndGradient: Mat;

  constructor(
    readonly shape: DeepLinearShape,
    readonly x: Mat,
    readonly y: Mat,
  ) {
    if (x?.cols !== shape.dIn || y?.cols !== shape.dOut || x.rows !== y.rows || x.rows < 1) {
      throw new DimensionMismatchError(
        `The dataset must have X of n×${shape.dIn} and Y of n×${shape.dOut} with the same n ≥ 1; received ` +
          `X ${x?.rows}×${x?.cols} and Y ${y?.rows}×${y?.cols}. Put one sample per row.`,
      );
    }
    checkShape('SampleObjective', 'x', x, x.rows, x.cols);
    checkShape('SampleObjective', 'y', y, y.rows, y.cols);
    this.products = new LayerProducts(shape);
    this.residual = zeros(x.rows, shape.dOut);
    this.endToEndGradient = zeros(shape.dOut, shape.dIn);
  }

  /** (1/2n) ‖X Wᵀ − Y‖² at theta. */
  loss(theta: Float64Array): number {
    const w = this.products.forward(theta);
    matmulTransB(this.x, w, this.residual);
    const r = this.residual.data;
    const y = this.y.data;
    for (let i = 0; i < r.length; i++) r[i] -= y[i];
    return frobeniusInner(this.residual, this.residual) / (2 * this.x.rows);
  }

  /** Writes ∇ℒ_n(theta) into grad and returns ℒ_n(theta). */
  gradient(theta: Float64Array, grad: Float64Array): number {
    const loss = this.loss(theta);
    const g = matmulTransA(this.residual, this.x, this.endToEndGradient);
    const inv = 1 / this.x.rows;
    for (let i = 0; i < g.data.length; i++) g.data[i] *= inv;
    this.products.backward(theta, g, grad);
    return loss;
  }
}

/** ℒ_n(θ) on the dataset (X, Y) (allocates; use SampleObjective in loops). Entries must be finite. */
export function sampleLoss(shape: DeepLinearShape, x: Mat, y: Mat, theta: Float64Array): number {
  checkParameters(shape, theta);
  const objective = new SampleObjective(shape, x, y);
  checkFiniteEntries('x', x);
  checkFiniteEntries('y', y);
  return objective.loss(theta);
}

/** ∇ℒ_n(θ) on the dataset (X, Y) as a new flat vector. */
export function sampleGradient(shape: DeepLinearShape, x: Mat, y: Mat, theta: Float64Array): Float64Array {
  checkParameters(shape, theta);
  const objective = new SampleObjective(shape, x, y);
  checkFiniteEntries('x', x);
  checkFiniteEntries('y', y);
  const grad = new Float64Array(shape.size);
  objective.gradient(theta, grad);
  return grad;
}
