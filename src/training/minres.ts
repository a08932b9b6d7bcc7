/**
 * MINRES (Paige & Saunders 1975) for A x = b with A symmetric, possibly indefinite, given only as a product
 * v ↦ A v. It builds the Lanczos basis of the Krylov space of b and picks the iterate of least residual norm,
 * updated by Givens rotations, so each iteration costs one product and a few vector updates. The residual norm
 * ‖b − A x‖₂ is tracked exactly (in exact arithmetic) without forming it. Work vectors are allocated once.
 */
import { integerInRange, positiveNumber } from '../validate.js';

/** out = A v for a symmetric A; must not keep v or out. */
export type SymmetricOperator = (v: Float64Array, out: Float64Array) => void;

export interface MinresResult {
  /** Iterations taken (products with A). */
  readonly iterations: number;
  /** ‖b − A x‖₂ / ‖b‖₂ as tracked by the recurrence. */
  readonly relativeResidual: number;
  /** True when the relative residual reached the tolerance. */
  readonly converged: boolean;
}

export class Minres {
  private readonly v: Float64Array;
  private readonly y: Float64Array;
  private readonly r1: Float64Array;
  private readonly r2: Float64Array;
  private readonly w: Float64Array;
  private readonly w1: Float64Array;
  private readonly w2: Float64Array;

  constructor(readonly n: number) {
    integerInRange('n', n, 1);
    const vector = () => new Float64Array(n);
    [this.v, this.y, this.r1, this.r2, this.w, this.w1, this.w2] = Array.from({ length: 7 }, vector);
  }

  /**
   * Overwrites x with an approximate solution of A x = b, starting from x = 0, stopping when the residual is
   * below tol·‖b‖₂ or after maxIterations products.
   */
  solve(apply: SymmetricOperator, b: Float64Array, x: Float64Array, tol: number, maxIterations: number) {
    positiveNumber('tol', tol);
    integerInRange('maxIterations', maxIterations, 1);
    const { n, v, y, r1, r2, w, w1, w2 } = this;
    x.fill(0);
    const beta1 = norm(b);
    if (beta1 === 0) return { iterations: 0, relativeResidual: 0, converged: true };
    y.set(b);
    r1.set(b);
    r2.set(b);
    w.fill(0);
    w2.fill(0);
    let [beta, oldb, dbar, epsln, phibar, cs, sn] = [beta1, 0, 0, 0, beta1, -1, 0];
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
      const s = 1 / beta;
      for (let i = 0; i < n; i++) v[i] = s * y[i];
      apply(v, y);
      if (iteration >= 2) axpy(y, -beta / oldb, r1);
      const alfa = dot(v, y);
      axpy(y, -alfa / beta, r2);
      r1.set(r2);
      r2.set(y);
      oldb = beta;
      beta = norm(r2);
      const oldeps = epsln;
      const delta = cs * dbar + sn * alfa;
      const gbar = sn * dbar - cs * alfa;
      epsln = sn * beta;
      dbar = -cs * beta;
      const gamma = Math.max(Math.hypot(gbar, beta), Number.MIN_VALUE);
      cs = gbar / gamma;
      sn = beta / gamma;
      const phi = cs * phibar;
      phibar *= sn;
      w1.set(w2);
      w2.set(w);
      for (let i = 0; i < n; i++) {
        w[i] = (v[i] - oldeps * w1[i] - delta * w2[i]) / gamma;
        x[i] += phi * w[i];
      }
      const relativeResidual = Math.abs(phibar) / beta1;
      if (relativeResidual <= tol || beta === 0) {
        return { iterations: iteration, relativeResidual, converged: true };
      }
      if (iteration === maxIterations) return { iterations: iteration, relativeResidual, converged: false };
    }
    return { iterations: maxIterations, relativeResidual: Number.NaN, converged: false };
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/** y += alpha x. */
function axpy(y: Float64Array, alpha: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}
