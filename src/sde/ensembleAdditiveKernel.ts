/**
 * The kernel for one-component additive noise, dX = a(t, X) dt + g(t) dW, the case of the benchmarks and of
 * many reductions. Additive noise means g depends on t only, so on a fixed grid g(t_k) is the same for every
 * path: it is tabulated once per thread and each path-step loads it instead of calling the diffusion. The
 * steps of eulerMaruyama and sra1 are written out (one drift call per stage, the path's normals drawn in bulk from
 * its streams, the same numbers in the same order as solveSde draws them one by one, the same order of
 * floating-point operations as the library's steppers), so
 * every path is the same floats whichever kernel runs it, and the loop is monomorphic with no array allocated.
 */
import { randomStream } from '../random/stream.js';
import { W_SUBSTREAM, Z_SUBSTREAM } from './brownianIncrements.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import { type PathRecorder, stateCode } from './ensembleRecorder.js';
import type { PathKernel } from './ensembleStepperKernel.js';
import type { SdeProblem, VectorField } from './types.js';

/** Longest grid whose diffusion is tabulated (8 MB per table); longer grids use the method's own stepper. */
export const MAX_DIFFUSION_TABLE = 2 ** 20;

/** Whether a tabulated kernel applies: additive noise, one component, a grid short enough to tabulate. */
export function additiveKernelApplies(plan: EnsemblePlan, problem: SdeProblem): boolean {
  return problem.noise === 'additive' && problem.x0.length === 1 && plan.steps <= MAX_DIFFUSION_TABLE;
}

/** g(t_k + shift) for k < steps with t_k = t0 + k dt, evaluated at x0 (which additive noise ignores). */
export function tabulateDiffusion(problem: SdeProblem, plan: EnsemblePlan, shift: number): Float64Array {
  const table = new Float64Array(plan.steps);
  const row = new Float64Array(1);
  for (let k = 0; k < plan.steps; k++) {
    problem.diffusion(plan.t0 + k * plan.dt + shift, problem.x0, row);
    table[k] = row[0];
  }
  return table;
}

/** The methods with a tabulated kernel, by registry name. */
export type AdditiveScheme = 'eulerMaruyama' | 'sra1';

/** What both additive-noise kernels read from the problem and plan, prepared once per thread. */
export interface AdditiveCoefficients {
  readonly drift: VectorField;
  readonly x0: number;
  readonly sra1: boolean;
  /** g(t_k) and, for sra1, g(t_k + dt) (the same table for Euler–Maruyama). */
  readonly gStart: Float64Array;
  readonly gEnd: Float64Array;
  /** The plan's save indices followed by −1, so the loops need no bounds check. */
  readonly saveIndices: Int32Array;
}

export function additiveCoefficients(
  plan: EnsemblePlan,
  problem: SdeProblem,
  scheme: AdditiveScheme,
): AdditiveCoefficients {
  const sra1 = scheme === 'sra1';
  const gStart = tabulateDiffusion(problem, plan, 0);
  return {
    drift: problem.drift,
    x0: problem.x0[0],
    sra1,
    gStart,
    gEnd: sra1 ? tabulateDiffusion(problem, plan, plan.dt) : gStart,
    saveIndices: Int32Array.from([...plan.saveIndices, -1]),
  };
}

/**
 * Both schemes share one loop: a per-path loop whose step is inlined whole (generators, drift, update) runs
 * markedly faster in V8 than one that calls a per-step method, and a process normally runs one scheme, so the
 * branch on it is free. Steps, as the library's steppers round them:
 *
 * - eulerMaruyama: x + (a(t, x) dt + g(t) dW).
 * - sra1 (Rößler): H2 = x + (3/4) a1 dt + (3/2) g(t + dt) dZ / dt, then
 *   x + ((a1 + 2 a2) / 3) dt + g(t + dt) (dW - dZ / dt) + g(t) dZ / dt with a2 = a(t + 3dt/4, H2), and
 *   dZ = (dt / 2) (dW + sqrt(dt / 3) xi) from the path's Z substream, as StreamIncrements draws it.
 */
export class AdditiveKernel implements PathKernel {
  private readonly c: AdditiveCoefficients;
  private readonly x = new Float64Array(1);
  private readonly a = new Float64Array(1);
  private readonly h2 = new Float64Array(1);
  private readonly a2 = new Float64Array(1);
  /** The path's standard normals for W and Z, drawn in bulk before the loop (the same numbers in the same order). */
  private readonly normalsW: Float64Array;
  private readonly normalsZ: Float64Array;

  constructor(
    private readonly plan: EnsemblePlan,
    problem: SdeProblem,
    private readonly recorder: PathRecorder,
    scheme: AdditiveScheme,
  ) {
    this.c = additiveCoefficients(plan, problem, scheme);
    this.normalsW = new Float64Array(plan.steps);
    this.normalsZ = new Float64Array(this.c.sra1 ? plan.steps : 0);
  }

  simulate(path: number): void {
    const { plan, x, a, h2, a2, recorder, normalsW, normalsZ } = this;
    const { drift, x0, gStart, gEnd, sra1, saveIndices } = this.c;
    const { t0, t1, dt, steps, blowUpBound } = plan;
    const sqrtDt = Math.sqrt(dt);
    const zScale = sqrtDt * (1 / Math.sqrt(3));
    const invDt = 1 / dt;
    randomStream(plan.seed, path, W_SUBSTREAM).fillNormal(normalsW);
    if (sra1) randomStream(plan.seed, path, Z_SUBSTREAM).fillNormal(normalsZ);
    x[0] = x0;
    let nextSave = 0;
    if (saveIndices[0] === 0) recorder.save(path, nextSave++, x);
    for (let k = 0; k < steps; k++) {
      const t = t0 + k * dt;
      const dW = sqrtDt * normalsW[k];
      drift(t, x, a);
      if (sra1) {
        const dZ = 0.5 * dt * (dW + zScale * normalsZ[k]);
        h2[0] = x[0] + 0.75 * a[0] * dt + 1.5 * gEnd[k] * dZ * invDt;
        drift(t + 0.75 * dt, h2, a2);
        const zOverDt = dZ * invDt;
        x[0] = x[0] + (((a[0] + 2 * a2[0]) / 3) * dt + gEnd[k] * (dW - zOverDt) + gStart[k] * zOverDt);
      } else x[0] = x[0] + (a[0] * dt + gStart[k] * dW);
      if (!(Math.abs(x[0]) <= blowUpBound)) {
        recorder.fail(path, stateCode(x, blowUpBound), t, nextSave);
        return;
      }
      if (k + 1 === saveIndices[nextSave]) recorder.save(path, nextSave++, x);
    }
    recorder.finish(path, x, t1);
  }
}
