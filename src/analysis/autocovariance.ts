/**
 * Sample autocovariances of a chain, γ̂_k = (1/n) Σ_{t=0}^{n−1−k} (x_t − x̄)(x_{t+k} − x̄), k = 0..maxLag.
 * The divisor n (not n − k) makes the sequence positive semi-definite, the convention of Geyer (1992) and
 * Sokal (1997). Computed through the FFT of the centred chain zero-padded to at least 2n points, so the
 * circular correlation equals the linear one: O(n log n) for every lag at once.
 */
import { finiteVector, integerInRange } from '../validate.js';
import { fft } from './fft.js';

export function autocovariance(chain: unknown, maxLag?: number): Float64Array {
  const x = finiteVector('chain', chain);
  const n = x.length;
  const lags = maxLag === undefined ? n - 1 : integerInRange('maxLag', maxLag, 0, n - 1);
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  for (let i = 0; i < n; i++) re[i] = x[i] - mean;
  fft(re, im);
  for (let i = 0; i < size; i++) {
    re[i] = re[i] * re[i] + im[i] * im[i];
    im[i] = 0;
  }
  fft(re, im, true);
  const out = new Float64Array(lags + 1);
  for (let k = 0; k <= lags; k++) out[k] = re[k] / n;
  return out;
}
