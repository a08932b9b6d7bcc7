/**
 * How far the imbalances D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ moved between two parameter vectors. Gradient flow
 * conserves every D_l (THEORY.md §0.2), so under an ODE solver the drift measures the integration error; a
 * gradient-descent step of size η moves D_l by exactly η²(G_{l+1}ᵀ G_{l+1} − G_l G_lᵀ), so over a time T its
 * drift grows like η T.
 */
import { frobeniusNorm } from '../linalg/frobenius.js';
import { zeros } from '../linalg/mat.js';
import { checkParameters, type DeepLinearShape, layerViews } from '../networks/deepLinearShape.js';
import { imbalance } from '../networks/imbalance.js';

export interface ImbalanceDrift {
  /** ‖D_l(θ_end) − D_l(θ_start)‖_F for l = 1..L−1 (index l − 1). */
  readonly absolute: number[];
  /** The same over ‖W_{l+1}‖²_F + ‖W_l‖²_F at θ_end, the size of the two terms whose difference D_l is. */
  readonly relative: number[];
  readonly maxAbsolute: number;
  readonly maxRelative: number;
}

export function imbalanceDrift(
  shape: DeepLinearShape,
  thetaStart: Float64Array,
  thetaEnd: Float64Array,
): ImbalanceDrift {
  checkParameters(shape, thetaStart, 'thetaStart');
  checkParameters(shape, thetaEnd, 'thetaEnd');
  const layers = layerViews(shape, thetaEnd);
  const absolute: number[] = [];
  const relative: number[] = [];
  for (let l = 1; l < shape.depth; l++) {
    const n = shape.dims[l];
    const scratch = zeros(n, n);
    const before = imbalance(shape, thetaStart, l, zeros(n, n), scratch);
    const after = imbalance(shape, thetaEnd, l, zeros(n, n), scratch);
    for (let i = 0; i < after.data.length; i++) after.data[i] -= before.data[i];
    const drift = frobeniusNorm(after);
    const scale = frobeniusNorm(layers[l]) ** 2 + frobeniusNorm(layers[l - 1]) ** 2;
    absolute.push(drift);
    relative.push(scale > 0 ? drift / scale : drift);
  }
  return {
    absolute,
    relative,
    maxAbsolute: Math.max(0, ...absolute),
    maxRelative: Math.max(0, ...relative),
  };
}
