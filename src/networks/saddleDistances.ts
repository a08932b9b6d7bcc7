/**
 * Two distances that place an initialization θ₀ of a deep linear network between a saddle and a global minimum
 * (JACOT; THEORY.md §1):
 *
 * - to the saddle set {W_1 = 0, W_L = 0} (every gradient vanishes there when L ≥ 3, as each ∇_{W_l} has W_1 or
 *   W_L as a factor): √(‖W_1‖² + ‖W_L‖²), the distance to its nearest point;
 * - to the nearest global minimum, to first order: the least-norm step δθ with J δθ = W* − W₀, J the Jacobian of
 *   θ ↦ W(θ), whose norm is ‖J⁺(W* − W₀)‖ = √⟨R, K⁻¹R⟩ with R = W* − W₀ and K = J Jᵀ the neural tangent kernel.
 *
 * K is small even when θ is huge: J_l δW_l = S_l δW_l P_{l−1} with prefix P_{l−1} = W_{l−1}⋯W_1 and suffix
 * S_l = W_L⋯W_{l+1}, so J_l J_lᵀ R = (S_l S_lᵀ) R (P_{l−1}ᵀ P_{l−1}) and K acts on dOut × dIn matrices as
 *   K(X) = Σ_l B_l X A_l,   A_l = P_{l−1}ᵀ P_{l−1} (dIn × dIn),   B_l = S_l S_lᵀ (dOut × dOut).
 * Forming the A_l and B_l costs one forward and one backward sweep of products with a side dIn or dOut; K is
 * then a (dOut·dIn)² matrix, solved by Cholesky. J (dOut·dIn × all parameters) is never formed.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { UnsupportedProblemError } from '../errors.js';
import { frobeniusNorm } from '../linalg/frobenius.js';
import { identity, type Mat, zeros } from '../linalg/mat.js';
import { matmul, matmulTransA, matmulTransB } from '../linalg/matmul.js';
import { checkParameters, type DeepLinearShape, deepLinearShape, layerViews } from './deepLinearShape.js';
import { initialize } from './initialize.js';
import { checkTeacher } from './populationLoss.js';
import type { Teacher } from './teacher.js';

/** √(‖W_1‖²_F + ‖W_L‖²_F). */
export function saddleDistance(shape: DeepLinearShape, theta: Float64Array): number {
  checkParameters(shape, theta);
  const layers = layerViews(shape, theta);
  return Math.hypot(frobeniusNorm(layers[0]), frobeniusNorm(layers[shape.depth - 1]));
}

/** The NTK K = J Jᵀ as a (dOut·dIn)² matrix on row-major dOut × dIn matrices, and the end-to-end map W. */
export function tangentKernel(shape: DeepLinearShape, theta: Float64Array): { kernel: Mat; w: Mat } {
  checkParameters(shape, theta);
  const { depth, dIn, dOut, dims } = shape;
  const layers = layerViews(shape, theta);
  // Prefixes P_0 = I, P_l = W_l P_{l−1} (n_l × dIn); suffixes S_L = I, S_{l−1} = S_l W_l (dOut × n_{l−1}).
  const prefix: Mat[] = [identity(dIn)];
  for (let l = 1; l <= depth; l++) prefix.push(matmul(layers[l - 1], prefix[l - 1], zeros(dims[l], dIn)));
  const suffix: Mat[] = new Array(depth + 1);
  suffix[depth] = identity(dOut);
  for (let l = depth; l >= 1; l--) suffix[l - 1] = matmul(suffix[l], layers[l - 1], zeros(dOut, dims[l - 1]));
  const size = dOut * dIn;
  const kernel = zeros(size, size);
  for (let l = 1; l <= depth; l++) {
    const a = matmulTransA(prefix[l - 1], prefix[l - 1], zeros(dIn, dIn));
    const b = matmulTransB(suffix[l], suffix[l], zeros(dOut, dOut));
    // K[(i,j),(k,m)] += B[i,k] A[m,j]: (B X A)_ij = Σ_km B_ik X_km A_mj.
    for (let i = 0; i < dOut; i++) {
      for (let j = 0; j < dIn; j++) {
        const row = (i * dIn + j) * size;
        for (let k = 0; k < dOut; k++) {
          const bik = b.data[i * dOut + k];
          for (let m = 0; m < dIn; m++) kernel.data[row + k * dIn + m] += bik * a.data[m * dIn + j];
        }
      }
    }
  }
  return { kernel, w: prefix[depth] };
}

/** ‖J⁺(W* − W₀)‖: the length of the least-norm linearized step to the teacher. */
export function linearizedMinimumDistance(
  shape: DeepLinearShape,
  theta: Float64Array,
  teacher: Teacher,
): number {
  checkTeacher(shape, teacher);
  const { kernel, w } = tangentKernel(shape, theta);
  const size = kernel.rows;
  const residual = Matrix.columnVector(Array.from(teacher.w.data, (v, i) => v - w.data[i]));
  // K is symmetric in exact arithmetic; its assembled entries may differ from their transposes in the last bit.
  const k = Matrix.from1DArray(size, size, kernel.data);
  const cholesky = new CholeskyDecomposition(k.add(k.transpose()).mul(0.5));
  if (!cholesky.isPositiveDefinite()) {
    throw new UnsupportedProblemError(
      'linearizedMinimumDistance: the tangent kernel J Jᵀ is singular at θ (a layer is rank-deficient, e.g. a ' +
        'hidden width below dIn·dOut terms or a zero layer), so no linearized step reaches every W. Use a ' +
        'random initialization with hidden widths ≥ max(dIn, dOut).',
    );
  }
  const x = cholesky.solve(residual);
  let sum = 0;
  for (let i = 0; i < size; i++) sum += residual.get(i, 0) * x.get(i, 0);
  return Math.sqrt(sum);
}

export interface DistanceSweepOptions {
  readonly distance: 'saddle' | 'minimum';
  /** Init variance σ² = w^{−γ} (the 'jacot' initialization), w the hidden width. */
  readonly gamma: number;
  readonly depth: number;
  readonly widths: readonly number[];
  /** Independent draws per width. */
  readonly replicates: number;
  readonly teacher: Teacher;
  readonly seed: number;
}

/** One distance per (width, draw): draw j at width index i uses path 1 + i·replicates + j (the teacher path 0). */
export function distanceSweep(options: DistanceSweepOptions): { widths: number[]; distances: number[] } {
  const { distance, gamma, depth, widths, replicates, teacher, seed } = options;
  const out = { widths: [] as number[], distances: [] as number[] };
  widths.forEach((width, i) => {
    const shape = deepLinearShape({ dIn: teacher.dIn, dOut: teacher.dOut, depth, width });
    for (let j = 0; j < replicates; j++) {
      const theta = initialize(shape, { kind: 'jacot', gamma, seed, path: 1 + i * replicates + j });
      out.widths.push(width);
      out.distances.push(
        distance === 'saddle'
          ? saddleDistance(shape, theta)
          : linearizedMinimumDistance(shape, theta, teacher),
      );
    }
  });
  return out;
}
