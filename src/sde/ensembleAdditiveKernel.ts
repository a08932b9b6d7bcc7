/**
 * Kernels for one-component additive noise, dX = a(t, X) dt + g(t) dW, the case of the benchmarks and of many
 * reductions. Additive noise means g depends on t only, so on a fixed grid g(t_k) is the same for every path:
 * it is tabulated once per thread and each path-step loads it instead of calling the diffusion. The methods'
 * steps are written out in subclasses (one drift call per stage, the normals drawn from the path's streams as
 * solveSde draws them, and the same order of floating-point operations as the library's stepper), so every
 * path is the same floats whichever kernel runs it, and the loop is monomorphic and allocation-free.
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

export abstract class AdditiveKernel implements PathKernel {
  protected readonly drift: VectorField;
  protected readonly x = new Float64Array(1);
  protected readonly a = new Float64Array(1);
  protected readonly gStart: Float64Array;
  private readonly x0: number;
  private readonly saveIndices: Int32Array;

  constructor(
    protected readonly plan: EnsemblePlan,
    problem: SdeProblem,
    private readonly recorder: PathRecorder,
  ) {
    this.drift = problem.drift;
    this.x0 = problem.x0[0];
    this.gStart = tabulateDiffusion(problem, plan, 0);
    this.saveIndices = Int32Array.from([...plan.saveIndices, -1]);
  }

  /** Starts path p's streams. */
  protected abstract begin(path: number): void;

  /** The state after step k (0-based) from time t, given x[0] at t. */
  protected abstract advance(k: number, t: number): number;

  simulate(path: number): void {
    const { plan, x, recorder, saveIndices } = this;
    const { t0, t1, dt, steps, blowUpBound } = plan;
    this.begin(path);
    x[0] = this.x0;
    let nextSave = 0;
    if (saveIndices[0] === 0) recorder.save(path, nextSave++, x);
    let t = t0;
    for (let k = 1; k <= steps; k++) {
      const v = this.advance(k - 1, t);
      x[0] = v;
      if (!(Math.abs(v) <= blowUpBound)) {
        recorder.fail(path, stateCode(x, blowUpBound), t, nextSave);
        return;
      }
      if (k === saveIndices[nextSave]) recorder.save(path, nextSave++, x);
      // Only the next step reads t, so t1 itself is never needed inside the loop; a plain product also keeps t
      // an unboxed double.
      t = t0 + k * dt;
    }
    recorder.finish(path, x, t1);
  }
}

/** Euler–Maruyama, x + (a(t, x) dt + g(t) dW), as the library's eulerMaruyama rounds it. */
export class AdditiveEmKernel extends AdditiveKernel {
  private w = randomStream(0);
  private readonly sqrtDt = Math.sqrt(this.plan.dt);

  protected begin(path: number): void {
    this.w = randomStream(this.plan.seed, path, W_SUBSTREAM);
  }

  protected advance(k: number, t: number): number {
    const { x, a } = this;
    this.drift(t, x, a);
    return x[0] + (a[0] * this.plan.dt + this.gStart[k] * (this.sqrtDt * this.w.nextNormal()));
  }
}

/**
 * Rößler's SRA1 as the library's sra1 writes it: H2 = x + (3/4) a1 dt + (3/2) g(t + dt) dZ / dt, then
 * x + ((a1 + 2 a2) / 3) dt + g(t + dt) (dW - dZ / dt) + g(t) dZ / dt, with a2 = a(t + 3dt/4, H2) and
 * dZ = (dt / 2) (dW + sqrt(dt / 3) xi) from the path's Z substream, as StreamIncrements draws it.
 */
export class AdditiveSra1Kernel extends AdditiveKernel {
  private w = randomStream(0);
  private z = randomStream(0);
  private readonly gEnd: Float64Array;
  private readonly h2 = new Float64Array(1);
  private readonly a2 = new Float64Array(1);
  private readonly sqrtDt: number;
  private readonly zScale: number;

  constructor(plan: EnsemblePlan, problem: SdeProblem, recorder: PathRecorder) {
    super(plan, problem, recorder);
    this.gEnd = tabulateDiffusion(problem, plan, plan.dt);
    this.sqrtDt = Math.sqrt(plan.dt);
    this.zScale = this.sqrtDt * (1 / Math.sqrt(3));
  }

  protected begin(path: number): void {
    this.w = randomStream(this.plan.seed, path, W_SUBSTREAM);
    this.z = randomStream(this.plan.seed, path, Z_SUBSTREAM);
  }

  protected advance(k: number, t: number): number {
    const { x, a, h2, a2 } = this;
    const dt = this.plan.dt;
    const invDt = 1 / dt;
    const dW = this.sqrtDt * this.w.nextNormal();
    const dZ = 0.5 * dt * (dW + this.zScale * this.z.nextNormal());
    const gStart = this.gStart[k];
    const gEnd = this.gEnd[k];
    this.drift(t, x, a);
    h2[0] = x[0] + 0.75 * a[0] * dt + 1.5 * gEnd * dZ * invDt;
    this.drift(t + 0.75 * dt, h2, a2);
    const zOverDt = dZ * invDt;
    return x[0] + (((a[0] + 2 * a2[0]) / 3) * dt + gEnd * (dW - zOverDt) + gStart * zOverDt);
  }
}
