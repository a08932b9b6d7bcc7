/**
 * What an ensemble of deep-linear-network runs records at each save: the teacher-mode strengths
 * u_k = u_kᵀ W v_k, the misalignment ‖W − Σ_k u_k u_k v_kᵀ‖_F and the largest imbalance
 * max_l ‖W_{l+1}ᵀW_{l+1} − W_l W_lᵀ‖_F. The products and scratch are allocated once; a record allocates only
 * the layer views of the imbalance.
 */
import { type Mat, zeros } from '../linalg/mat.js';
import type { DeepLinearShape } from '../networks/deepLinearShape.js';
import { imbalance } from '../networks/imbalance.js';
import { LayerProducts } from '../networks/layerProducts.js';
import { modeStrengths, type Teacher } from '../networks/teacher.js';

/** ‖W − Σ_k u_k (u_k v_kᵀ)‖_F for the teacher's singular vectors and the strengths `strength`. */
export function misalignment(teacher: Teacher, w: Mat, strength: Float64Array): number {
  const { u, v } = teacher;
  const r = strength.length;
  let sum = 0;
  for (let i = 0; i < w.rows; i++) {
    for (let j = 0; j < w.cols; j++) {
      let aligned = 0;
      for (let k = 0; k < r; k++) aligned += strength[k] * u.data[i * r + k] * v.data[j * r + k];
      const residual = w.data[i * w.cols + j] - aligned;
      sum += residual * residual;
    }
  }
  return Math.sqrt(sum);
}

/** max_l ‖W_{l+1}ᵀW_{l+1} − W_l W_lᵀ‖_F over l = 1..L−1. */
export function largestImbalance(shape: DeepLinearShape, theta: Float64Array, scratch: Mat[]): number {
  let largest = 0;
  for (let l = 1; l < shape.depth; l++) {
    const n = shape.dims[l];
    const d = imbalance(shape, theta, l, scratch[2 * (l - 1)], scratch[2 * l - 1]);
    let sum = 0;
    for (let i = 0; i < n * n; i++) sum += d.data[i] * d.data[i];
    largest = Math.max(largest, Math.sqrt(sum));
  }
  return largest;
}

export class AlignmentRecorder {
  private readonly products: LayerProducts;
  private readonly strengths: Float64Array;
  private readonly misaligned: Float64Array;
  private readonly imbalances: Float64Array;
  private readonly scratch: Mat[];
  private readonly modes: number;

  constructor(
    private readonly shape: DeepLinearShape,
    private readonly teacher: Teacher,
    paths: number,
    private readonly saves: number,
  ) {
    this.products = new LayerProducts(shape);
    this.modes = teacher.s.length;
    this.strengths = new Float64Array(paths * saves * this.modes);
    this.misaligned = new Float64Array(paths * saves);
    this.imbalances = new Float64Array(paths * saves);
    this.scratch = [];
    for (let l = 1; l < shape.depth; l++) {
      this.scratch.push(zeros(shape.dims[l], shape.dims[l]), zeros(shape.dims[l], shape.dims[l]));
    }
  }

  /** Records the state theta as save j of path p. */
  record(p: number, j: number, theta: Float64Array): void {
    const w = this.products.forward(theta);
    const at = p * this.saves + j;
    const strength = this.strengths.subarray(at * this.modes, (at + 1) * this.modes);
    modeStrengths(this.teacher, w, strength);
    this.misaligned[at] = misalignment(this.teacher, w, strength);
    this.imbalances[at] = largestImbalance(this.shape, theta, this.scratch);
  }

  /** Path p failed: its saves from j on are NaN. */
  fail(p: number, j: number): void {
    const from = p * this.saves + j;
    const to = (p + 1) * this.saves;
    this.strengths.fill(Number.NaN, from * this.modes, to * this.modes);
    this.misaligned.fill(Number.NaN, from, to);
    this.imbalances.fill(Number.NaN, from, to);
  }

  arrays(): { modeStrengths: Float64Array; misalignment: Float64Array; imbalance: Float64Array } {
    return { modeStrengths: this.strengths, misalignment: this.misaligned, imbalance: this.imbalances };
  }
}
