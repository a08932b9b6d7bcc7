/**
 * The per-layer SDE's Euler–Maruyama paths in one monomorphic loop: no stepper object, no increment buffer, no
 * per-step calls besides the normal draw. Path p draws dW = √dt·z from randomStream(seed, p, W_SUBSTREAM) and
 * rounds every operation as the library's eulerMaruyama does on perLayerModeSde, so its end state and status are
 * the same floats as runEnsemble(..., { method: 'eulerMaruyama' }) gives for path p. A path whose state leaves
 * |a| ≤ blowUpBound (or stops being finite) stops there with its status, like the generic ensembles.
 */
import { randomStream } from '../random/stream.js';
import { W_SUBSTREAM } from '../sde/brownianIncrements.js';
import type { PerModeParameters } from './perModeSde.js';

/** Plain data describing a run, sent to every worker. */
export interface PerModeKernelPlan {
  readonly parameters: PerModeParameters;
  readonly x0: number;
  readonly t0: number;
  /** The end time; the grid is t0 + k dt with t1 at k = steps. */
  readonly t1: number;
  readonly dt: number;
  readonly steps: number;
  readonly seed: number;
  readonly blowUpBound: number;
}

/** Per-path outputs; with workers they live in SharedArrayBuffers. */
export interface PerModeKernelBuffers {
  readonly end: Float64Array;
  /** 0 success, 1 non-finite, 2 blow-up (the codes of the generic ensembles). */
  readonly status: Uint8Array;
  readonly tReached: Float64Array;
}

/** Simulates paths start .. end − 1 of the plan into the buffers. */
export function simulatePerLayerPaths(
  plan: PerModeKernelPlan,
  buffers: PerModeKernelBuffers,
  start: number,
  end: number,
) {
  const { parameters: p, x0, t0, t1, dt, steps, seed, blowUpBound } = plan;
  const powerCount = p.depth - 1;
  const s = p.s;
  const scale = Math.sqrt(p.lr / p.batch);
  const noiseSquared = p.labelNoise * p.labelNoise;
  const sqrtDt = Math.sqrt(dt);
  for (let path = start; path < end; path++) {
    const w = randomStream(seed, path, W_SUBSTREAM);
    let a = x0;
    let k = 0;
    for (; k < steps; k++) {
      let power = 1;
      for (let j = 0; j < powerCount; j++) power *= a;
      const u = power * a;
      const e = u - s;
      const drift = power * (s - u);
      const diffusion = scale * power * Math.sqrt(2 * e * e + noiseSquared);
      a = a + (drift * dt + diffusion * (sqrtDt * w.nextNormal()));
      if (!(Math.abs(a) <= blowUpBound)) break;
    }
    if (k === steps) {
      buffers.end[path] = a;
      buffers.status[path] = 0;
      buffers.tReached[path] = t1;
    } else {
      buffers.end[path] = Number.NaN;
      buffers.status[path] = Number.isFinite(a) ? 2 : 1;
      buffers.tReached[path] = t0 + k * dt;
    }
  }
}
