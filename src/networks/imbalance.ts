/**
 * The imbalance D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ (n_l × n_l) between consecutive layers, l = 1..L−1.
 * Gradient flow on ½‖W − W*‖² conserves every D_l exactly (THEORY.md §0.2); one gradient-descent step of size
 * η changes it by exactly η² (G_{l+1}ᵀ G_{l+1} − G_l G_lᵀ), G_l = ∇_{W_l}, since the first-order terms cancel.
 */
import { checkShape, type Mat, zeros } from '../linalg/mat.js';
import { matmulTransA, matmulTransB } from '../linalg/matmul.js';
import { integerInRange } from '../validate.js';
import { type DeepLinearShape, layerViews } from './deepLinearShape.js';

/** Writes D_l into out (n_l × n_l, allocated when omitted) and returns it; `scratch` is n_l × n_l too. */
export function imbalance(
  shape: DeepLinearShape,
  theta: Float64Array,
  l: number,
  out?: Mat,
  scratch?: Mat,
): Mat {
  integerInRange('l', l, 1, shape.depth - 1);
  const n = shape.dims[l];
  out ??= zeros(n, n);
  scratch ??= zeros(n, n);
  checkShape('imbalance', 'out', out, n, n);
  checkShape('imbalance', 'scratch', scratch, n, n);
  const layers = layerViews(shape, theta);
  matmulTransA(layers[l], layers[l], out);
  matmulTransB(layers[l - 1], layers[l - 1], scratch);
  for (let i = 0; i < out.data.length; i++) out.data[i] -= scratch.data[i];
  return out;
}
