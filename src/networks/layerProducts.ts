/**
 * The two passes behind every gradient of a deep linear network, in O(L) matrix products.
 *
 * Forward: prefix products P_l = W_l ⋯ W_1 (n_l × dIn), so P_L = W, the end-to-end map.
 * Backward: for a loss whose gradient with respect to W is G (dOut × dIn), the chain rule gives
 *   ∇_{W_l} = S_lᵀ G P_{l−1}ᵀ,   S_l = W_L ⋯ W_{l+1} (suffix product, S_L = I), P_0 = I.
 * The suffix products are applied to G as they are built, B_L = G and B_{l−1} = W_lᵀ B_l = S_{l−1}ᵀ G, so
 * ∇_{W_l} = B_l P_{l−1}ᵀ and every product has dIn as one of its sides: O(Σ_l n_l n_{l−1} dIn) flops in all,
 * never O(L²) products. All scratch is allocated once; evaluations allocate nothing.
 */
import { type Mat, zeros } from '../linalg/mat.js';
import { matmul, matmulTransA, matmulTransB } from '../linalg/matmul.js';
import { type DeepLinearShape, LayerViewCache } from './deepLinearShape.js';

export class LayerProducts {
  /** P_1..P_L at indices 0..L−1 after `forward`; P_L is the end-to-end map W. */
  readonly prefix: Mat[];
  /** B_1..B_{L−1} at indices 0..L−2 (B_L is the end-to-end gradient itself). */
  private readonly back: Mat[];
  readonly views: LayerViewCache;

  constructor(readonly shape: DeepLinearShape) {
    const { dims, depth } = shape;
    this.prefix = Array.from({ length: depth }, (_, i) => zeros(dims[i + 1], dims[0]));
    this.back = Array.from({ length: depth - 1 }, (_, i) => zeros(dims[i + 1], dims[0]));
    this.views = new LayerViewCache(shape);
  }

  /** Computes P_1..P_L for the parameters `theta` and returns W = P_L (a view owned by this object). */
  forward(theta: Float64Array): Mat {
    const layers = this.views.get(theta);
    const prefix = this.prefix;
    prefix[0].data.set(layers[0].data);
    for (let l = 1; l < layers.length; l++) matmul(layers[l], prefix[l - 1], prefix[l]);
    return prefix[layers.length - 1];
  }

  /**
   * Writes into `grad` (flat, like theta) the per-layer gradients ∇_{W_l} = S_lᵀ G P_{l−1}ᵀ for the
   * end-to-end gradient G (dOut × dIn). Uses the prefixes of the last `forward`, which must have been on theta.
   */
  backward(theta: Float64Array, g: Mat, grad: Float64Array): void {
    const layers = this.views.get(theta);
    const grads = this.views.get(grad);
    const depth = layers.length;
    let b = g;
    for (let l = depth; l >= 2; l--) {
      // ∇_{W_l} = B_l P_{l−1}ᵀ, then B_{l−1} = W_lᵀ B_l (written straight into ∇_{W_1} at the last step).
      matmulTransB(b, this.prefix[l - 2], grads[l - 1]);
      const next = l === 2 ? grads[0] : this.back[l - 2];
      matmulTransA(layers[l - 1], b, next);
      b = next;
    }
  }
}

/** The end-to-end map W = W_L ⋯ W_1 of a network with parameters theta (a new matrix). */
export function endToEnd(shape: DeepLinearShape, theta: Float64Array): Mat {
  const w = new LayerProducts(shape).forward(theta);
  return { rows: w.rows, cols: w.cols, data: w.data.slice() };
}
