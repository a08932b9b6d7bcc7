/**
 * A nonlinear scalar SDE reducible to Brownian motion: with Y = a W_t + b t + asinh(x0), X = sinh(Y) solves
 *
 *   Itô:           dX = (b sqrt(1 + X^2) + (a^2/2) X) dt + a sqrt(1 + X^2) dW
 *   Stratonovich:  dX = b sqrt(1 + X^2) dt + a sqrt(1 + X^2) ∘ dW
 *
 * (Itô's formula: dX = cosh(Y) (a dW + b dt) + (a^2/2) sinh(Y) dt and cosh(Y) = sqrt(1 + X^2); the case b = 0
 * is in Kloeden & Platen 1992, §4.4). The solution exists for all time and the diffusion is state dependent,
 * so Milstein's correction matters: g g' = a^2 X. The diagonal problem has two independent components.
 */
import type { VectorField } from '../types.js';
import { defineReference, type ReferenceOptions, type ReferenceProblem } from './referenceProblem.js';

interface SinhParameters {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly x0: readonly number[];
}

const SCALAR: SinhParameters = { a: [0.8], b: [0.3], x0: [0.5] };
const DIAGONAL: SinhParameters = { a: [0.8, 0.5], b: [0.3, -0.4], x0: [0.5, -1] };

/** Scalar noise, d = 1. */
export function sinhBrownian(options: ReferenceOptions = {}): ReferenceProblem {
  const a = SCALAR.a[0];
  // (g . grad) g = a sqrt(1 + x^2) * a x / sqrt(1 + x^2) = a^2 x.
  const derivative: VectorField = (_t, x, out) => {
    out[0] = a * a * x[0];
  };
  return sinh('sinhBrownian', 'scalar', SCALAR, derivative, options);
}

/** Diagonal noise, d = 2 independent components. */
export function sinhBrownianDiagonal(options: ReferenceOptions = {}): ReferenceProblem {
  const { a } = DIAGONAL;
  // dg_i/dx_i = a_i x_i / sqrt(1 + x_i^2).
  const derivative: VectorField = (_t, x, out) => {
    for (let i = 0; i < a.length; i++) out[i] = (a[i] * x[i]) / Math.sqrt(1 + x[i] * x[i]);
  };
  return sinh('sinhBrownianDiagonal', 'diagonal', DIAGONAL, derivative, options);
}

function sinh(
  name: string,
  noise: 'scalar' | 'diagonal',
  { a, b, x0 }: SinhParameters,
  diffusionDerivative: VectorField,
  options: ReferenceOptions,
): ReferenceProblem {
  const d = x0.length;
  return defineReference(options, (ito) => ({
    name,
    source: 'sinh(a W + b t + asinh x0), by Itô’s formula; Kloeden & Platen §4.4 for b = 0',
    drift: (_t, x, out) => {
      for (let i = 0; i < d; i++) {
        out[i] = b[i] * Math.sqrt(1 + x[i] * x[i]) + (ito ? 0.5 * a[i] * a[i] * x[i] : 0);
      }
    },
    diffusion: (_t, x, out) => {
      for (let i = 0; i < d; i++) out[i] = a[i] * Math.sqrt(1 + x[i] * x[i]);
    },
    diffusionDerivative,
    noise,
    x0,
    exact: (t, W) =>
      Float64Array.from(x0, (x, i) =>
        Math.sinh(a[i] * W[noise === 'scalar' ? 0 : i] + b[i] * t + Math.asinh(x)),
      ),
  }));
}
