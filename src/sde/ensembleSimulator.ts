/**
 * Everything one thread needs to simulate a range of paths of an ensemble: the problem and method rebuilt from
 * the plan, a path kernel, and the recorder writing into the (possibly shared) buffers. The main thread builds
 * one for an in-process run, and each worker builds its own.
 */
import { AdditiveKernel, type AdditiveScheme, additiveKernelApplies } from './ensembleAdditiveKernel.js';
import { BlockKernel } from './ensembleBlockKernel.js';
import type { EnsembleBuffers } from './ensembleBuffers.js';
import type { EnsemblePlan, MethodRef } from './ensemblePlan.js';
import { PathRecorder } from './ensembleRecorder.js';
import { buildProblem, callFactory, validateMethod } from './ensembleSpec.js';
import { type PathKernel, type RangeKernel, StepperKernel } from './ensembleStepperKernel.js';
import { PassageMonitor } from './firstPassageMonitor.js';
import { methodByName } from './methodByName.js';
import type { SdeMethod, SdeProblem } from './types.js';

/** Registry names of the methods with a tabulated kernel for one-component additive noise. */
const ADDITIVE_SCHEMES = new Set<string>(['eulerMaruyama', 'sra1']);

export class EnsembleSimulator {
  constructor(private readonly kernel: PathKernel | RangeKernel) {}

  /** Simulates paths start, ..., end - 1 (each path's result is independent of how the range is cut). */
  run(start: number, end: number): void {
    const kernel = this.kernel;
    if ('simulateRange' in kernel) kernel.simulateRange(start, end);
    else for (let p = start; p < end; p++) kernel.simulate(p);
  }
}

/** Builds the method of a plan: by registry name, or by calling the factory of a spec. */
export async function resolveMethod(ref: MethodRef): Promise<SdeMethod> {
  if (typeof ref === 'string') return methodByName(ref);
  return validateMethod('method', await callFactory('method', ref));
}

export async function createSimulator(
  plan: EnsemblePlan,
  buffers: EnsembleBuffers,
): Promise<EnsembleSimulator> {
  const problem = await buildProblem(plan.problem);
  const method = await resolveMethod(plan.method);
  return simulatorFor(plan, problem, method, buffers);
}

/**
 * Picks the kernel: eulerMaruyama or sra1 from the registry on one-component additive noise without a barrier
 * take the tabulated-diffusion kernels (same floats, fewer calls), which advance blocks of paths together when
 * the problem's drift is elementwise; everything else runs the method's own stepper.
 */
export function simulatorFor(
  plan: EnsemblePlan,
  problem: SdeProblem,
  method: SdeMethod,
  buffers: EnsembleBuffers,
): EnsembleSimulator {
  const recorder = new PathRecorder(plan, buffers);
  const monitor =
    plan.passage === undefined ? undefined : new PassageMonitor(problem, plan.passage, plan.seed);
  const scheme =
    typeof plan.method === 'string' && ADDITIVE_SCHEMES.has(plan.method) ? plan.method : undefined;
  if (scheme === undefined || monitor !== undefined || !additiveKernelApplies(plan, problem)) {
    return new EnsembleSimulator(new StepperKernel(plan, problem, method, recorder, monitor));
  }
  const additive = scheme as AdditiveScheme;
  if (problem.elementwise === true) {
    return new EnsembleSimulator(new BlockKernel(plan, problem, recorder, additive));
  }
  return new EnsembleSimulator(new AdditiveKernel(plan, problem, recorder, additive));
}
