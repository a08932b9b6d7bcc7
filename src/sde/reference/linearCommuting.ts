/**
 * A coupled two-dimensional linear SDE whose matrices commute: dX = A X dt + sum_k B_k X dW_k with
 *
 *   A = [[a, b], [b, a]],   B_k = [[p_k, q_k], [q_k, p_k]].
 *
 * All are diagonal in the basis (1, 1)/sqrt(2), (1, -1)/sqrt(2), so y_± = x_1 ± x_2 are scalar geometric
 * Brownian motions with rate a ± b and volatilities p_k ± q_k (for commuting matrices the solution is the
 * exponential of the integrated generator):
 *
 *   Itô:           y_±(t) = y_±(0) exp((a ± b - sum_k (p_k ± q_k)^2 / 2) t + sum_k (p_k ± q_k) W_k)
 *   Stratonovich:  y_±(t) = y_±(0) exp((a ± b) t + sum_k (p_k ± q_k) W_k)
 *
 * and x_1 = (y_+ + y_-)/2, x_2 = (y_+ - y_-)/2. The scalar-noise problem (one B) couples the components
 * through the noise, so Milstein's (g . grad) g = B^2 x has cross terms; the general-noise problem (two B's)
 * commutes, L^j g^k = B_k B_j x = L^k g^j, and declares it.
 */
import type { VectorField } from '../types.js';
import {
  defineReference,
  type ProblemFields,
  type ReferenceOptions,
  type ReferenceProblem,
} from './referenceProblem.js';

const A = { a: -0.5, b: 0.3 };
const B = [
  { p: 0.4, q: 0.3 },
  { p: -0.2, q: 0.35 },
];
const X0 = [1, 0.5];

/** Writes out += M x for M = [[p, q], [q, p]]. */
function addCirculant(p: number, q: number, x: Float64Array, out: Float64Array): void {
  out[0] += p * x[0] + q * x[1];
  out[1] += q * x[0] + p * x[1];
}

const drift: VectorField = (_t, x, out) => {
  out[0] = 0;
  out[1] = 0;
  addCirculant(A.a, A.b, x, out);
};

/** Scalar noise, d = 2: dX = A X dt + B_1 X dW. */
export function linearScalarNoise(options: ReferenceOptions = {}): ReferenceProblem {
  const { p, q } = B[0];
  const fields: ProblemFields = {
    drift,
    diffusion: (_t, x, out) => {
      out[0] = 0;
      out[1] = 0;
      addCirculant(p, q, x, out);
    },
    // (g . grad) g = B (B x) = B^2 x, and B^2 = [[p^2 + q^2, 2pq], [2pq, p^2 + q^2]].
    diffusionDerivative: (_t, x, out) => {
      out[0] = 0;
      out[1] = 0;
      addCirculant(p * p + q * q, 2 * p * q, x, out);
    },
    noise: 'scalar',
    x0: X0,
  };
  return linear('linearScalarNoise', fields, B.slice(0, 1), options);
}

/** General noise, d = 2, m = 2: dX = A X dt + B_1 X dW_1 + B_2 X dW_2, declared commutative. */
export function linearGeneralNoise(options: ReferenceOptions = {}): ReferenceProblem {
  const fields: ProblemFields = {
    drift,
    // G is 2 x 2 row-major with column k = B_k x.
    diffusion: (_t, x, out) => {
      for (let k = 0; k < 2; k++) {
        const { p, q } = B[k];
        out[k] = p * x[0] + q * x[1];
        out[2 + k] = q * x[0] + p * x[1];
      }
    },
    noise: 'general',
    brownianDim: 2,
    commutativeNoise: true,
    x0: X0,
  };
  return linear('linearGeneralNoise', fields, B, options);
}

function linear(
  name: string,
  fields: ProblemFields,
  noise: readonly { p: number; q: number }[],
  options: ReferenceOptions,
): ReferenceProblem {
  const [x1, x2] = fields.x0;
  return defineReference(options, (ito) => {
    const mode = (sign: number, y0: number, t: number, W: Float64Array): number => {
      let exponent = (A.a + sign * A.b) * t;
      noise.forEach(({ p, q }, k) => {
        const s = p + sign * q;
        exponent += s * W[k] - (ito ? 0.5 * s * s * t : 0);
      });
      return y0 * Math.exp(exponent);
    };
    return {
      ...fields,
      name,
      source: 'y± = x1 ± x2 are geometric Brownian motions (the matrices commute)',
      exact: (t, W) => {
        const plus = mode(1, x1 + x2, t, W);
        const minus = mode(-1, x1 - x2, t, W);
        return Float64Array.of(0.5 * (plus + minus), 0.5 * (plus - minus));
      },
    };
  });
}
