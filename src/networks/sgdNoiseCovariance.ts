/**
 * The exact per-sample gradient covariance Σ(θ) of a deep linear network under online SGD with whitened
 * Gaussian inputs x ~ N(0, I) and label noise ξ ~ N(0, σ_ξ² I) (THEORY.md §0.5), for Langevin dynamics in
 * parameter space.
 *
 * One sample's end-to-end gradient is M = (E x − ξ) xᵀ with E = W − W*, and its parameter gradient is J vec(M),
 * J the linear backward map (column (k, l) is backward(e_k e_lᵀ)). With Isserlis' theorem for E[x_a x_j x_b x_l],
 *
 *     Cov(M_ij, M_kl) = (E Eᵀ)_ik δ_jl + E_il E_kj + σ_ξ² δ_ik δ_jl,
 *
 * (the mode components: 2e² + σ_ξ² on the diagonal, e² + σ_ξ² off it), and Σ = J Cov(vec M) Jᵀ. A Gaussian
 * matrix with exactly this covariance is E A + σ_ξ Z with A = (Z' + Z'ᵀ)/√2, Z' (dIn × dIn) and Z (dOut × dIn)
 * independent standard normal: the tests use it as an independent check. All scratch is allocated once.
 */
import { type Mat, zeros } from '../linalg/mat.js';
import { nonNegativeNumber } from '../validate.js';
import type { DeepLinearShape } from './deepLinearShape.js';
import { LayerProducts } from './layerProducts.js';
import { checkTeacher } from './populationLoss.js';
import type { Teacher } from './teacher.js';

export class SgdNoiseCovariance {
  private readonly products: LayerProducts;
  private readonly unit: Mat;
  /** J, P × dOut·dIn row-major: column c = k·dIn + l is backward(e_k e_lᵀ). */
  private readonly jacobian: Float64Array;
  private readonly column: Float64Array;
  /** Cov(vec M), (dOut·dIn)² row-major. */
  private readonly momentCovariance: Float64Array;
  /** J Cov, P × dOut·dIn. */
  private readonly product: Float64Array;
  private readonly residual: Float64Array;
  readonly labelNoise: number;

  constructor(
    readonly shape: DeepLinearShape,
    readonly teacher: Teacher,
    labelNoise: number,
  ) {
    checkTeacher(shape, teacher);
    this.labelNoise = nonNegativeNumber('labelNoise', labelNoise);
    const m = shape.dOut * shape.dIn;
    this.products = new LayerProducts(shape);
    this.unit = zeros(shape.dOut, shape.dIn);
    this.jacobian = new Float64Array(shape.size * m);
    this.column = new Float64Array(shape.size);
    this.momentCovariance = new Float64Array(m * m);
    this.product = new Float64Array(shape.size * m);
    this.residual = new Float64Array(m);
  }

  /** Writes Σ(θ) (P × P, row-major) into out. */
  covariance(theta: Float64Array, out: Float64Array): void {
    const { dIn, dOut, size: P } = this.shape;
    const m = dOut * dIn;
    const w = this.products.forward(theta);
    for (let i = 0; i < m; i++) this.residual[i] = w.data[i] - this.teacher.w.data[i];
    for (let c = 0; c < m; c++) {
      this.unit.data.fill(0);
      this.unit.data[c] = 1;
      this.products.backward(theta, this.unit, this.column);
      for (let p = 0; p < P; p++) this.jacobian[p * m + c] = this.column[p];
    }
    this.fillMomentCovariance();
    const { jacobian, momentCovariance, product } = this;
    for (let p = 0; p < P; p++) {
      for (let c = 0; c < m; c++) {
        let sum = 0;
        for (let d = 0; d < m; d++) sum += jacobian[p * m + d] * momentCovariance[d * m + c];
        product[p * m + c] = sum;
      }
    }
    for (let p = 0; p < P; p++) {
      for (let q = 0; q <= p; q++) {
        let sum = 0;
        for (let c = 0; c < m; c++) sum += product[p * m + c] * jacobian[q * m + c];
        out[p * P + q] = sum;
        out[q * P + p] = sum;
      }
    }
  }

  /** Cov(M_ij, M_kl) = (E Eᵀ)_ik δ_jl + E_il E_kj + σ² δ_ik δ_jl for the residual E of the last forward. */
  private fillMomentCovariance(): void {
    const { dIn, dOut } = this.shape;
    const E = this.residual;
    const m = dOut * dIn;
    const sigma2 = this.labelNoise * this.labelNoise;
    for (let i = 0; i < dOut; i++) {
      for (let j = 0; j < dIn; j++) {
        for (let k = 0; k < dOut; k++) {
          let eet = 0;
          for (let a = 0; a < dIn; a++) eet += E[i * dIn + a] * E[k * dIn + a];
          for (let l = 0; l < dIn; l++) {
            let value = E[i * dIn + l] * E[k * dIn + j];
            if (j === l) value += eet + (i === k ? sigma2 : 0);
            this.momentCovariance[(i * dIn + j) * m + k * dIn + l] = value;
          }
        }
      }
    }
  }
}
