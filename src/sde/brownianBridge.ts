/**
 * Brownian-bridge refinement: from the increments of a path on a grid of step H, draw the increments on the
 * grid of step h = H/2 conditionally on the coarse ones, so the refined path is an exact sample of the same
 * Brownian motion. For W alone, W at the midpoint given the end points is N((W_a + W_b)/2, H/4), so
 *
 *   dW_1 = dW/2 + (sqrt(H)/2) xi,   dW_2 = dW - dW_1.
 *
 * With the time integral Z, the halves (dW_1, dZ_1, dW_2, dZ_2) are independent pairs with Var dW_i = h,
 * Var dZ_i = h^3/3, Cov = h^2/2, and the coarse pair is dW = dW_1 + dW_2, dZ = dZ_1 + dZ_2 + h dW_1. Gaussian
 * conditioning of (dW_1, dZ_1) on (dW, dZ) gives the mean K (dW, dZ) with
 *
 *   K = C_uv C_vv^{-1},  C_uv = [[h, 3h^2/2], [h^2/2, 5h^3/6]],  C_vv = [[2h, 2h^2], [2h^2, 8h^3/3]]
 *     = [[-1/4, 3/(4h)], [-h/4, 1/2]]
 *
 * and the covariance C_uu - K C_vu = diag(h/8, h^3/24): given the coarse pair, dW_1 and dZ_1 are independent.
 * So
 *
 *   dW_1 = -dW/4 + 3 dZ/(4h) + sqrt(h/8) xi_1,   dZ_1 = -h dW/4 + dZ/2 + sqrt(h^3/24) xi_2,
 *   dW_2 = dW - dW_1,                            dZ_2 = dZ - dZ_1 - h dW_1.
 *
 * The sums hold up to rounding (one subtraction each), so every coarser level still sees the same path.
 */
import type { RandomStream } from '../random/stream.js';

/**
 * Fills the fine increments (2 * steps steps of length coarseDt / 2, m per step) from the coarse ones.
 * `coarseDZ` and `fineDZ` are both given or both undefined.
 */
export function bridgeMidpoints(
  m: number,
  steps: number,
  coarseDt: number,
  coarseDW: Float64Array,
  coarseDZ: Float64Array | undefined,
  stream: RandomStream,
  fineDW: Float64Array,
  fineDZ: Float64Array | undefined,
): void {
  const h = coarseDt / 2;
  const spreadW = coarseDZ === undefined ? Math.sqrt(coarseDt) / 2 : Math.sqrt(h / 8);
  const spreadZ = Math.sqrt((h * h * h) / 24);
  for (let k = 0; k < steps; k++) {
    for (let j = 0; j < m; j++) {
      const c = k * m + j;
      const first = 2 * k * m + j;
      const second = first + m;
      const dW = coarseDW[c];
      if (coarseDZ === undefined || fineDZ === undefined) {
        const dW1 = 0.5 * dW + spreadW * stream.nextNormal();
        fineDW[first] = dW1;
        fineDW[second] = dW - dW1;
        continue;
      }
      const dZ = coarseDZ[c];
      const dW1 = -0.25 * dW + (0.75 * dZ) / h + spreadW * stream.nextNormal();
      const dZ1 = -0.25 * h * dW + 0.5 * dZ + spreadZ * stream.nextNormal();
      fineDW[first] = dW1;
      fineDW[second] = dW - dW1;
      fineDZ[first] = dZ1;
      fineDZ[second] = dZ - dZ1 - h * dW1;
    }
  }
}
