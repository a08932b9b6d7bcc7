/**
 * The noise term G(t, x) dW of one step for each noise layout (see NoiseKind in ../types.ts), written into
 * `out` (length d). Methods whose stage structure is the same for every layout pick one of these once, when
 * the stepper is created.
 */
import type { NoiseKind } from '../types.js';

export type NoiseProduct = (
  g: Float64Array,
  dW: Float64Array,
  out: Float64Array,
  d: number,
  m: number,
) => void;

/** One Brownian motion: out_i = g_i dW. */
function scalarProduct(g: Float64Array, dW: Float64Array, out: Float64Array, d: number): void {
  const dw = dW[0];
  for (let i = 0; i < d; i++) out[i] = g[i] * dw;
}

/** One Brownian motion per component (diagonal and additive noise): out_i = g_i dW_i. */
function diagonalProduct(g: Float64Array, dW: Float64Array, out: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) out[i] = g[i] * dW[i];
}

/** A d x m matrix, row-major: out_i = sum_j G_ij dW_j. */
function generalProduct(g: Float64Array, dW: Float64Array, out: Float64Array, d: number, m: number): void {
  for (let i = 0; i < d; i++) {
    let sum = 0;
    for (let j = 0, row = i * m; j < m; j++) sum += g[row + j] * dW[j];
    out[i] = sum;
  }
}

const PRODUCTS: Readonly<Record<NoiseKind, NoiseProduct>> = {
  scalar: scalarProduct,
  diagonal: diagonalProduct,
  additive: diagonalProduct,
  general: generalProduct,
};

export function noiseProduct(kind: NoiseKind): NoiseProduct {
  return PRODUCTS[kind];
}
