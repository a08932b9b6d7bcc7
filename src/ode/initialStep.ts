/**
 * The starting step size of an adaptive method, after HINIT of Hairer, Norsett & Wanner (Solving ODEs I,
 * II.4): a first guess h0 = 0.01 |y0| / |f0| in the tolerance-weighted norm, one explicit Euler step to
 * estimate the second derivative, then h = (0.01 / max(|f'|, |f0|))^(1/order), at most 100 h0 and hMax.
 */
import type { OdeRhs } from './types.js';

export interface InitialStepInput {
  readonly rhs: OdeRhs;
  readonly t: number;
  readonly y: Float64Array;
  /** f(t, y). */
  readonly f0: Float64Array;
  readonly order: number;
  readonly hMax: number;
  readonly rtol: Float64Array;
  readonly atol: Float64Array;
  /** Scratch of the state's length, overwritten. */
  readonly yTrial: Float64Array;
  readonly fTrial: Float64Array;
}

/** Returns the step size; costs one evaluation of rhs. */
export function initialStep(input: InitialStepInput): number {
  const { rhs, t, y, f0, order, hMax, rtol, atol, yTrial, fTrial } = input;
  const n = y.length;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol[i] * Math.abs(y[i]);
    dnf += (f0[i] / sk) ** 2;
    dny += (y[i] / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hMax);
  for (let i = 0; i < n; i++) yTrial[i] = y[i] + h * f0[i];
  rhs(t + h, yTrial, fTrial);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol[i] * Math.abs(y[i]);
    der2 += ((fTrial[i] - f0[i]) / sk) ** 2;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  // A non-finite trial (the Euler step left the domain of f) gives NaN here; the step then rests on h0.
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** (1 / order);
  const hNew = Math.min(100 * h, h1, hMax);
  return Number.isFinite(hNew) && hNew > 0 ? hNew : h;
}
