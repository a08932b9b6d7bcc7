/**
 * Reference problems with additive noise (the Itô and Stratonovich readings coincide, since the diffusion does
 * not depend on x).
 *
 * additiveDecay: dX = (beta / sqrt(1 + t) - X / (2 (1 + t))) dt + alpha beta / sqrt(1 + t) dW, the additive
 * test problem of Rackauckas & Nie (2017). Since d(sqrt(1 + t) X) = beta dt + alpha beta dW,
 *
 *   X(t) = (x0 + beta t + alpha beta W_t) / sqrt(1 + t).
 *
 * integratedBrownian: dX_1 = X_2 dt + s t dW_1, dX_2 = sigma dW_2 (a particle whose velocity is a Brownian
 * motion, plus noise growing linearly in time). With U_k = int_0^t W_k(s) ds, integration by parts gives
 * int_0^t s dW_1 = t W_1 - U_1, so
 *
 *   X_2(t) = x0_2 + sigma W_2,   X_1(t) = x0_1 + x0_2 t + sigma U_2 + s (t W_1 - U_1).
 *
 * Its solution needs the time integrals; SRA1 integrates it exactly (linear drift, diffusion linear in t).
 */
import { InvalidArgumentError } from '../../errors.js';
import type { VectorField } from '../types.js';
import { defineReference, type ReferenceOptions, type ReferenceProblem } from './referenceProblem.js';

interface DecayParameters {
  readonly alpha: readonly number[];
  readonly beta: readonly number[];
  readonly x0: readonly number[];
}

const SCALAR: DecayParameters = { alpha: [1], beta: [1], x0: [1] };
const DIAGONAL: DecayParameters = { alpha: [1, 0.5], beta: [1, 2], x0: [1, -0.5] };

/** Additive noise, d = 1. */
export function additiveDecay(options: ReferenceOptions = {}): ReferenceProblem {
  return decay('additiveDecay', SCALAR, options);
}

/** Additive noise, d = 2 independent components. */
export function additiveDecayDiagonal(options: ReferenceOptions = {}): ReferenceProblem {
  return decay('additiveDecayDiagonal', DIAGONAL, options);
}

function decay(
  name: string,
  { alpha, beta, x0 }: DecayParameters,
  options: ReferenceOptions,
): ReferenceProblem {
  const d = x0.length;
  const drift: VectorField = (t, x, out) => {
    for (let i = 0; i < d; i++) out[i] = beta[i] / Math.sqrt(1 + t) - x[i] / (2 * (1 + t));
  };
  const diffusion: VectorField = (t, _x, out) => {
    for (let i = 0; i < d; i++) out[i] = (alpha[i] * beta[i]) / Math.sqrt(1 + t);
  };
  return defineReference(options, () => ({
    name,
    source: '(x0 + beta t + alpha beta W) / sqrt(1 + t); Rackauckas & Nie (2017)',
    drift,
    diffusion,
    noise: 'additive',
    x0,
    exact: (t, W) =>
      Float64Array.from(x0, (x, i) => (x + beta[i] * t + alpha[i] * beta[i] * W[i]) / Math.sqrt(1 + t)),
  }));
}

const INTEGRATED = { s: 0.5, sigma: 1, x0: [0.5, -1] };

/** Additive noise, d = 2; the exact solution needs int_0^t W ds. */
export function integratedBrownian(options: ReferenceOptions = {}): ReferenceProblem {
  const { s, sigma, x0 } = INTEGRATED;
  const drift: VectorField = (_t, x, out) => {
    out[0] = x[1];
    out[1] = 0;
  };
  const diffusion: VectorField = (t, _x, out) => {
    out[0] = s * t;
    out[1] = sigma;
  };
  return defineReference(options, () => ({
    name: 'integratedBrownian',
    source: 'X2 = x2 + sigma W2, X1 = x1 + x2 t + sigma int W2 + s (t W1 - int W1)',
    drift,
    diffusion,
    noise: 'additive',
    x0,
    needsTimeIntegral: true,
    exact(t, W, extra) {
      if (extra === undefined) {
        throw new InvalidArgumentError(
          'extra',
          extra,
          '{ timeIntegral }',
          'Build the path with timeIntegral: true.',
        );
      }
      const U = extra.timeIntegral;
      return Float64Array.of(x0[0] + x0[1] * t + sigma * U[1] + s * (t * W[0] - U[0]), x0[1] + sigma * W[1]);
    },
  }));
}
