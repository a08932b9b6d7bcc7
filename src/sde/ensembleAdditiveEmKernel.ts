/**
 * Euler–Maruyama for one-component additive noise, x_{k+1} = x_k + a(t_k, x_k) dt + g(t_k) dW_k, with the
 * diffusion tabulated once per thread. Additive noise means g depends on t only, so on a fixed grid g(t_k) is
 * the same for every path: the table replaces one diffusion call per path-step by a load. The step is written
 * out here (one drift call, one normal, one fused update, one bound check) so the loop stays monomorphic and
 * allocation-free. The increments are those of StepperKernel (dW = sqrt(dt) Z from the path's stream), so a
 * path follows the same Brownian path whichever kernel runs it.
 */
import { randomStream } from '../random/stream.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import { type PathRecorder, stateCode } from './ensembleRecorder.js';
import type { PathKernel } from './ensembleStepperKernel.js';
import type { SdeProblem, VectorField } from './types.js';

/** Longest grid whose diffusion is tabulated (8 MB); longer grids use the method's own stepper. */
export const MAX_DIFFUSION_TABLE = 2 ** 20;

/** Whether the tabulated kernel applies: additive noise, one component, a grid short enough to tabulate. */
export function additiveEmApplies(plan: EnsemblePlan, problem: SdeProblem): boolean {
  return problem.noise === 'additive' && problem.x0.length === 1 && plan.steps <= MAX_DIFFUSION_TABLE;
}

export class AdditiveEmKernel implements PathKernel {
  private readonly drift: VectorField;
  private readonly x0: number;
  private readonly x = new Float64Array(1);
  private readonly a = new Float64Array(1);
  /** g(t_k) for k < steps: one diffusion call per grid time, on x0 (which g ignores). */
  private readonly g: Float64Array;
  private readonly saveIndices: Int32Array;

  constructor(
    private readonly plan: EnsemblePlan,
    problem: SdeProblem,
    private readonly recorder: PathRecorder,
  ) {
    this.drift = problem.drift;
    this.x0 = problem.x0[0];
    this.g = new Float64Array(plan.steps);
    const row = new Float64Array(1);
    for (let k = 0; k < plan.steps; k++) {
      problem.diffusion(plan.t0 + k * plan.dt, problem.x0, row);
      this.g[k] = row[0];
    }
    this.saveIndices = Int32Array.from([...plan.saveIndices, -1]);
  }

  simulate(path: number): void {
    const { plan, drift, x, a, g, recorder, saveIndices } = this;
    const { t0, t1, dt, steps, blowUpBound } = plan;
    const sqrtDt = Math.sqrt(dt);
    const stream = randomStream(plan.seed, path);
    x[0] = this.x0;
    let nextSave = 0;
    if (saveIndices[0] === 0) recorder.save(path, nextSave++, x);
    let t = t0;
    for (let k = 1; k <= steps; k++) {
      drift(t, x, a);
      const v = x[0] + a[0] * dt + g[k - 1] * (sqrtDt * stream.nextNormal());
      x[0] = v;
      if (!(Math.abs(v) <= blowUpBound)) {
        recorder.fail(path, stateCode(x, blowUpBound), t, nextSave);
        return;
      }
      if (k === saveIndices[nextSave]) recorder.save(path, nextSave++, x);
      t = k === steps ? t1 : t0 + k * dt;
    }
    recorder.finish(path, x, t1);
  }
}
