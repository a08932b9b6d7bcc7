/**
 * In-place iterative radix-2 fast Fourier transform of a complex sequence held as two Float64Arrays
 * (real and imaginary parts) whose length is a power of two: X_k = Σ_t x_t e^(∓2πi kt/N). O(N log N), one
 * twiddle table per call. Used for autocovariances, where a direct sum costs O(n·lags).
 */
import { InvalidArgumentError } from '../errors.js';

function bitReverse(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }
}

/** Transforms (re, im) in place; `inverse` uses e^(+2πi kt/N) and divides by N. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n || n === 0 || (n & (n - 1)) !== 0) {
    throw new InvalidArgumentError('re.length', n, 'a power of two equal to im.length');
  }
  bitReverse(re, im);
  const sign = inverse ? 1 : -1;
  // e^(∓2πi j/n) for j < n/2; a stage of span `size` uses every (n/size)-th entry.
  const cos = new Float64Array(n >> 1);
  const sin = new Float64Array(n >> 1);
  for (let j = 0; j < n >> 1; j++) {
    cos[j] = Math.cos((2 * Math.PI * j) / n);
    sin[j] = sign * Math.sin((2 * Math.PI * j) / n);
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride];
        const wi = sin[k * stride];
        const i = start + k;
        const j = i + half;
        const tr = wr * re[j] - wi * im[j];
        const ti = wr * im[j] + wi * re[j];
        re[j] = re[i] - tr;
        im[j] = im[i] - ti;
        re[i] += tr;
        im[i] += ti;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
}
