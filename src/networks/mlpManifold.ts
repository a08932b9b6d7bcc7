/**
 * The permutation-symmetric submanifold of an MLP and the distance of a point from it.
 *
 * Permuting the hidden units of each layer, W_l ↦ P_l W_l P_{l−1}ᵀ (P_0 = I_dIn, P_L = I_dOut), leaves the
 * network function unchanged because σ acts entrywise. These maps are orthogonal, so ∇ℒ(gθ) = g∇ℒ(θ), and at a
 * point fixed by every permutation the gradient is fixed too: the fixed set is a linear subspace tangent to the
 * gradient-flow field, hence invariant under the flow. Written out, it is
 *   W_1 = 1 v_1ᵀ (identical rows),   W_l = c_l 1 1ᵀ (1 < l < L, all entries equal),   W_L = w 1ᵀ (identical columns)
 * with v_1 ∈ R^dIn, c_l ∈ R, w ∈ R^dOut: dIn + (L − 2) + dOut dimensions. (With dOut = 1 the last layer also has
 * identical rows, the pattern W_l = y_l 1 v_lᵀ in every layer.) The directions v_1 and w are not frozen: they
 * rotate toward the leading singular pair of E[y xᵀ] unless they start on it.
 *
 * The orthogonal projection onto the subspace averages over the group: mean row, mean entry, mean column.
 */
import { frobeniusNorm } from '../linalg/frobenius.js';
import type { Mat } from '../linalg/mat.js';
import { layerViews } from './deepLinearShape.js';
import type { Mlp } from './mlp.js';

/**
 * Writes into `out` the projection of layer i (0-based, of L ≥ 2) onto the symmetric subspace. Each mean is
 * taken as x_ref + mean(x − x_ref), which is exactly x_ref when all the averaged entries are equal, so a point on
 * the manifold projects to itself bit for bit and its deviation is exactly 0.
 */
function projectLayer(w: Mat, i: number, depth: number, out: Float64Array): void {
  const { rows, cols, data } = w;
  // Averaged entries of (r, c): column c over all rows (first layer), row r over all columns (last layer), or
  // every entry (middle layers), as start + k·stride for k < count.
  const first = i === 0;
  const last = i === depth - 1;
  const count = first ? rows : last ? cols : data.length;
  const stride = first ? cols : 1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const start = first ? c : last ? r * cols : 0;
      const ref = data[start];
      let sum = 0;
      for (let k = 0; k < count; k++) sum += data[start + k * stride] - ref;
      out[r * cols + c] = ref + sum / count;
    }
  }
}

/** The orthogonal projection of theta onto the permutation-symmetric subspace (a new vector). */
export function projectToManifold(network: Mlp, theta: Float64Array): Float64Array {
  const out = new Float64Array(network.shape.size);
  const targets = layerViews(network.shape, out);
  layerViews(network.shape, theta).forEach((w, i) => {
    projectLayer(w, i, network.shape.depth, targets[i].data);
  });
  return out;
}

/**
 * max_l ‖W_l − ΠW_l‖_F / ‖W_l‖_F: each layer's relative distance from the subspace, so that a broken symmetry in
 * an ε-small bottleneck layer is not hidden behind the O(1) layers. 0 exactly on the manifold.
 */
export function manifoldDeviation(network: Mlp, theta: Float64Array): number {
  const projected = layerViews(network.shape, projectToManifold(network, theta));
  let worst = 0;
  layerViews(network.shape, theta).forEach((w, i) => {
    const diff = Float64Array.from(w.data, (x, k) => x - projected[i].data[k]);
    const norm = frobeniusNorm(w);
    const rel = norm > 0 ? frobeniusNorm(diff) / norm : frobeniusNorm(diff);
    if (rel > worst || Number.isNaN(rel)) worst = rel;
  });
  return worst;
}

/** ‖W_1‖_F, …, ‖W_L‖_F: on the manifold these are the per-layer scalars a_l of the reduction. */
export function layerNorms(network: Mlp, theta: Float64Array): Float64Array {
  return Float64Array.from(layerViews(network.shape, theta), (w) => frobeniusNorm(w));
}
