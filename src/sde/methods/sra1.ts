/**
 * Rößler's SRA1 for additive noise, strong order 1.5 and weak order 2 (A. Rößler, "Runge–Kutta methods for
 * the strong approximation of solutions of stochastic differential equations", SIAM J. Numer. Anal. 48(3),
 * 2010, the SRA schemes of §6). With I_(1) = dW and I_(1,0) = dZ = int_t^{t+h} (W_s - W_t) ds, the scheme
 *
 *   H_i     = x + sum_j A0_ij a(t + c0_j h, H_j) h + sum_j B0_ij g(t + c1_j h) dZ / h
 *   x_{n+1} = x + sum_i alpha_i a(t + c0_i h, H_i) h + sum_i (beta1_i dW + beta2_i dZ / h) g(t + c1_i h)
 *
 * with c0 = (0, 3/4), A0 = [[0, 0], [3/4, 0]], B0 = [[0, 0], [3/2, 0]], alpha = (1/3, 2/3), c1 = (1, 0),
 * beta1 = (1, 0), beta2 = (-1, 1) becomes
 *
 *   H_2     = x + (3/4) a(t, x) h + (3/2) g(t + h) dZ / h
 *   x_{n+1} = x + [a(t, x) / 3 + 2 a(t + 3h/4, H_2) / 3] h + g(t + h) (dW - dZ / h) + g(t) dZ / h.
 *
 * The noise part equals int g(s) dW_s exactly when g is linear in t. Additive noise has the same solution in
 * the Itô and Stratonovich interpretations, so both are accepted.
 */
import type { SdeMethod, SdeProblem } from '../types.js';
import { CoefficientStepper, defineMethod, scratch } from './defineMethod.js';

/** `a` holds a(t, x) and `g` holds g(t); the second stage adds a(t + 3h/4, H_2) and g(t + h). */
class Sra1Additive extends CoefficientStepper {
  private readonly a2: Float64Array;
  private readonly gEnd: Float64Array;
  private readonly h2: Float64Array;

  constructor(problem: SdeProblem) {
    super(problem);
    this.a2 = scratch(this.d);
    this.gEnd = scratch(this.d);
    this.h2 = scratch(this.d);
  }

  step(t: number, x: Float64Array, dt: number, dW: Float64Array, dZ: Float64Array | undefined): void {
    const { a: a1, a2, g: gStart, gEnd, h2, d } = this;
    const z = dZ as Float64Array;
    const invDt = 1 / dt;
    this.drift(t, x, a1);
    this.diffusion(t, x, gStart);
    this.diffusion(t + dt, x, gEnd);
    for (let i = 0; i < d; i++) h2[i] = x[i] + 0.75 * a1[i] * dt + 1.5 * gEnd[i] * z[i] * invDt;
    this.drift(t + 0.75 * dt, h2, a2);
    for (let i = 0; i < d; i++) {
      const zOverDt = z[i] * invDt;
      x[i] += ((a1[i] + 2 * a2[i]) / 3) * dt + gEnd[i] * (dW[i] - zOverDt) + gStart[i] * zOverDt;
    }
  }
}

export function sra1(): SdeMethod {
  return defineMethod(
    {
      name: 'sra1',
      strongOrder: 1.5,
      weakOrder: 2,
      interpretation: 'ito',
      needsTimeIntegral: true,
    },
    { additive: (p) => new Sra1Additive(p) },
  );
}
