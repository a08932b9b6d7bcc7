/**
 * Simulates whole paths with any SdeMethod: for each step it draws the path's Brownian increments (dW and,
 * for methods that need it, dZ) exactly as solveSde does (StreamIncrements), calls the method's stepper, checks
 * the state and records saves and barrier passages. Path p of an ensemble is therefore the same floats as
 * solveSde with `path: p`. All scratch is allocated once per thread; the step loop allocates nothing.
 */
import { StreamIncrements } from './brownianIncrements.js';
import type { EnsemblePlan } from './ensemblePlan.js';
import { type PathRecorder, stateCode } from './ensembleRecorder.js';
import type { PassageMonitor } from './firstPassageMonitor.js';
import { brownianDimension } from './sdeProblem.js';
import type { SdeMethod, SdeProblem, SdeStepper } from './types.js';

/** Simulates path p from t0 to t1 (or to its passage or failure) and records it. */
export interface PathKernel {
  simulate(path: number): void;
}

/** Simulates paths start, ..., end - 1 together (for kernels that advance several paths per step). */
export interface RangeKernel {
  simulateRange(start: number, end: number): void;
}

export class StepperKernel implements PathKernel {
  private readonly stepper: SdeStepper;
  private readonly x0: Float64Array;
  private readonly x: Float64Array;
  private readonly dW: Float64Array;
  private readonly dZ: Float64Array | undefined;
  private readonly increments: StreamIncrements;
  private readonly saveIndices: Int32Array;

  constructor(
    private readonly plan: EnsemblePlan,
    problem: SdeProblem,
    method: SdeMethod,
    private readonly recorder: PathRecorder,
    private readonly monitor: PassageMonitor | undefined,
  ) {
    this.stepper = method.createStepper(problem);
    this.x0 = problem.x0;
    this.x = new Float64Array(problem.x0.length);
    const m = brownianDimension(problem);
    this.dW = new Float64Array(m);
    this.dZ = method.needsTimeIntegral ? new Float64Array(m) : undefined;
    this.increments = new StreamIncrements(m, plan.seed, 0);
    this.saveIndices = Int32Array.from([...plan.saveIndices, -1]);
  }

  simulate(path: number): void {
    const { plan, stepper, x, dW, dZ, increments, monitor, recorder, saveIndices } = this;
    const { t0, t1, dt, steps, blowUpBound } = plan;
    increments.reset(plan.seed, path);
    x.set(this.x0);
    if (monitor?.begin(path, t0, x)) {
      recorder.passage(path, monitor, x, t0, 0);
      return;
    }
    let nextSave = 0;
    if (saveIndices[0] === 0) recorder.save(path, nextSave++, x);
    let t = t0;
    for (let k = 1; k <= steps; k++) {
      monitor?.before(t, x);
      increments.next(dt, dW, dZ);
      stepper.step(t, x, dt, dW, dZ);
      const tNext = k === steps ? t1 : t0 + k * dt;
      const code = stateCode(x, blowUpBound);
      if (code !== 0) {
        recorder.fail(path, code, t, nextSave);
        return;
      }
      if (monitor?.check(t, tNext, x)) {
        recorder.passage(path, monitor, x, tNext, nextSave);
        return;
      }
      if (k === saveIndices[nextSave]) recorder.save(path, nextSave++, x);
      t = tNext;
    }
    recorder.finish(path, x, t1);
  }
}
