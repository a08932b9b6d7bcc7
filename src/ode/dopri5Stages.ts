/**
 * The Dormand-Prince 5(4) tableau (Dormand & Prince 1980; Hairer, Norsett & Wanner, Solving ODEs I, II.5):
 * one step of the fifth-order solution, its embedded error estimate and the order-4 continuous extension.
 * The seventh stage is f at the new point, so it is the first stage of the next step (FSAL).
 */
import type { OdeRhs } from './types.js';

const c2 = 1 / 5;
const c3 = 3 / 10;
const c4 = 4 / 5;
const c5 = 8 / 9;
const a21 = 1 / 5;
const a31 = 3 / 40;
const a32 = 9 / 40;
const a41 = 44 / 45;
const a42 = -56 / 15;
const a43 = 32 / 9;
const a51 = 19372 / 6561;
const a52 = -25360 / 2187;
const a53 = 64448 / 6561;
const a54 = -212 / 729;
const a61 = 9017 / 3168;
const a62 = -355 / 33;
const a63 = 46732 / 5247;
const a64 = 49 / 176;
const a65 = -5103 / 18656;
const a71 = 35 / 384;
const a73 = 500 / 1113;
const a74 = 125 / 192;
const a75 = -2187 / 6784;
const a76 = 11 / 84;
// Difference between the fifth- and fourth-order weights.
const e1 = 71 / 57600;
const e3 = -71 / 16695;
const e4 = 71 / 1920;
const e5 = -17253 / 339200;
const e6 = 22 / 525;
const e7 = -1 / 40;
// Weights of the order-4 continuous extension (Hairer's CONTD5 coefficients).
const d1 = -12715105075 / 11282082432;
const d3 = 87487479700 / 32700410799;
const d4 = -10690763975 / 1880347072;
const d5 = 701980252875 / 199316789632;
const d6 = -1453857185 / 822651844;
const d7 = 69997945 / 29380423;

/** Scratch of one Dormand-Prince stepper: the seven stages, the stage state and the candidate new state. */
export interface Dopri5Work {
  k1: Float64Array;
  k2: Float64Array;
  k3: Float64Array;
  k4: Float64Array;
  k5: Float64Array;
  k6: Float64Array;
  k7: Float64Array;
  yStage: Float64Array;
  yNew: Float64Array;
}

export function dopri5Work(dim: number): Dopri5Work {
  const v = () => new Float64Array(dim);
  return { k1: v(), k2: v(), k3: v(), k4: v(), k5: v(), k6: v(), k7: v(), yStage: v(), yNew: v() };
}

/** From y and w.k1 = f(t, y), writes k2..k7 and the fifth-order yNew; six evaluations of rhs. */
export function dopri5Stages(rhs: OdeRhs, t: number, h: number, y: Float64Array, w: Dopri5Work): void {
  const { k1, k2, k3, k4, k5, k6, k7, yStage: ys, yNew } = w;
  const n = y.length;
  for (let i = 0; i < n; i++) ys[i] = y[i] + h * a21 * k1[i];
  rhs(t + c2 * h, ys, k2);
  for (let i = 0; i < n; i++) ys[i] = y[i] + h * (a31 * k1[i] + a32 * k2[i]);
  rhs(t + c3 * h, ys, k3);
  for (let i = 0; i < n; i++) ys[i] = y[i] + h * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
  rhs(t + c4 * h, ys, k4);
  for (let i = 0; i < n; i++) ys[i] = y[i] + h * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
  rhs(t + c5 * h, ys, k5);
  for (let i = 0; i < n; i++) {
    ys[i] = y[i] + h * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
  }
  rhs(t + h, ys, k6);
  for (let i = 0; i < n; i++) {
    yNew[i] = y[i] + h * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i]);
  }
  rhs(t + h, yNew, k7);
}

/**
 * The scaled RMS norm of the embedded error estimate, sqrt(mean_i (err_i / sc_i)^2) with
 * sc_i = atol_i + rtol_i max(|y_i|, |yNew_i|). NaN or Infinity when a stage was not finite.
 */
export function dopri5ErrorNorm(
  h: number,
  y: Float64Array,
  w: Dopri5Work,
  rtol: Float64Array,
  atol: Float64Array,
): number {
  const { k1, k3, k4, k5, k6, k7, yNew } = w;
  const n = y.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
    const sc = atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
    // A component at exactly 0 with atol 0 has sc = 0: no error there counts as none, any error as infinite.
    const r = e === 0 ? 0 : e / sc;
    sum += r * r;
  }
  return Math.sqrt(sum / n);
}

/**
 * Adds the fifth block r5 of the continuous extension to Hermite coefficients already in coef (see
 * hermiteDense.ts); k1..k7 are the stages of the step [t, t + h].
 */
export function dopri5DenseBlock(
  coef: Float64Array,
  h: number,
  k1: Float64Array,
  k3: Float64Array,
  k4: Float64Array,
  k5: Float64Array,
  k6: Float64Array,
  k7: Float64Array,
): void {
  const n = k1.length;
  for (let i = 0; i < n; i++) {
    coef[4 * n + i] = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
  }
}
