/**
 * The population loss with whitened inputs, ℒ(θ) = ½‖W − W*‖²_F (THEORY.md §0.1: no 1/d factors, and the
 * label-noise floor ½σ_ξ² dOut left out), and its exact gradient: the end-to-end gradient is W − W*, and
 * ∇_{W_l} = (W_L⋯W_{l+1})ᵀ (W − W*) (W_{l−1}⋯W_1)ᵀ through LayerProducts.
 */
import { DimensionMismatchError } from '../errors.js';
import { frobeniusInner } from '../linalg/frobenius.js';
import { type Mat, zeros } from '../linalg/mat.js';
import { checkParameters, type DeepLinearShape } from './deepLinearShape.js';
import { LayerProducts } from './layerProducts.js';
import type { Teacher } from './teacher.js';

/** Throws DimensionMismatchError unless the teacher maps dIn to dOut like the network. */
export function checkTeacher(shape: DeepLinearShape, teacher: Teacher): void {
  if (teacher?.w?.rows !== shape.dOut || teacher.w.cols !== shape.dIn) {
    throw new DimensionMismatchError(
      `The network maps ${shape.dIn} → ${shape.dOut} inputs to outputs but the teacher maps ` +
        `${teacher?.dIn} → ${teacher?.dOut}. Create both with the same dIn and dOut.`,
    );
  }
}

/** Loss and gradient of ½‖W − W*‖² with scratch allocated once; evaluations allocate nothing. */
export class PopulationObjective {
  readonly products: LayerProducts;
  /** W − W* at the last evaluation (the end-to-end gradient). */
  readonly residual: Mat;

  constructor(
    readonly shape: DeepLinearShape,
    readonly teacher: Teacher,
  ) {
    checkTeacher(shape, teacher);
    this.products = new LayerProducts(shape);
    this.residual = zeros(shape.dOut, shape.dIn);
  }

  /** ½‖W − W*‖² at theta. */
  loss(theta: Float64Array): number {
    const w = this.products.forward(theta);
    const e = this.residual.data;
    const target = this.teacher.w.data;
    for (let i = 0; i < e.length; i++) e[i] = w.data[i] - target[i];
    return 0.5 * frobeniusInner(this.residual, this.residual);
  }

  /** Writes ∇ℒ(theta) into grad (flat, like theta) and returns ℒ(theta). */
  gradient(theta: Float64Array, grad: Float64Array): number {
    const loss = this.loss(theta);
    this.products.backward(theta, this.residual, grad);
    return loss;
  }
}

/** ℒ(θ) = ½‖W − W*‖²_F for one parameter vector (allocates; use PopulationObjective in loops). */
export function populationLoss(shape: DeepLinearShape, teacher: Teacher, theta: Float64Array): number {
  checkParameters(shape, theta);
  return new PopulationObjective(shape, teacher).loss(theta);
}

/** ∇ℒ(θ) as a new flat vector (allocates; use PopulationObjective in loops). */
export function populationGradient(
  shape: DeepLinearShape,
  teacher: Teacher,
  theta: Float64Array,
): Float64Array {
  checkParameters(shape, theta);
  const grad = new Float64Array(shape.size);
  new PopulationObjective(shape, teacher).gradient(theta, grad);
  return grad;
}
