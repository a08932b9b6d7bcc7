/**
 * Haar-distributed random orthogonal matrices (Mezzadri 2007, "How to generate random matrices from the
 * classical compact groups"): take the QR decomposition of an n×n matrix of independent N(0, 1) entries and
 * multiply column j of Q by sign(R_jj). Without that sign fix Q depends on the QR routine's sign convention and
 * is not Haar (with Householder reflections the diagonal of R tends to come out negative, biasing Q).
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { InvalidArgumentError } from '../errors.js';
import { RandomStream } from '../random/stream.js';
import { integerInRange } from '../validate.js';
import { type Mat, zeros } from './mat.js';

/** An n×n orthogonal matrix drawn from the Haar measure on O(n), using n² normals from `stream`. */
export function randomOrthogonal(n: number, stream: RandomStream): Mat {
  integerInRange('n', n, 1);
  if (!(stream instanceof RandomStream)) {
    throw new InvalidArgumentError('stream', stream, 'a RandomStream', 'Pass randomStream(seed, path).');
  }
  const gaussian = new Float64Array(n * n);
  stream.fillNormal(gaussian);
  const qr = new QrDecomposition(Matrix.from1DArray(n, n, gaussian));
  const q = qr.orthogonalMatrix;
  const r = qr.upperTriangularMatrix;
  const out = zeros(n, n);
  for (let j = 0; j < n; j++) {
    const sign = r.get(j, j) < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) out.data[i * n + j] = sign * q.get(i, j);
  }
  return out;
}
