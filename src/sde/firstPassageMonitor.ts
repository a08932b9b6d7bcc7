/**
 * Watches one component of a path for its first exit from the open interval (lower, upper). At each grid point
 * the component is compared with the barriers; with the bridge correction a uniform from the path's substream 1
 * also decides whether the path crossed between two grid points that are both inside, and the crossing time
 * inside the step is drawn from the bridge's conditional hitting-time law (see firstPassageBridge.ts).
 * Without the correction the passage time is the first grid time at or beyond a barrier.
 */
import { type RandomStream, randomStream } from '../random/stream.js';
import type { PassagePlan } from './ensemblePlan.js';
import { bridgeCrossingProbability, bridgeHittingFraction } from './firstPassageBridge.js';
import { diffusionLength } from './sdeProblem.js';
import type { SdeProblem, VectorField } from './types.js';

/** Substream of a path's bridge-crossing uniforms and hitting times (solveSde leaves 1 to such uses). */
export const BRIDGE_CROSSING_SUBSTREAM = 1;

export class PassageMonitor {
  /** The passage time of the current path once `begin` or `check` has returned true. */
  time = Number.NaN;
  /** Through which barrier it left: 1 upper, -1 lower. */
  side = 0;
  private readonly diffusion: VectorField;
  private readonly g: Float64Array;
  private readonly rowStart: number;
  private readonly rowLength: number;
  private readonly component: number;
  private readonly lower: number;
  private readonly upper: number;
  private readonly bridge: boolean;
  private readonly seed: number;
  private stream: RandomStream;
  private previous = 0;
  private variancePerTime = 0;

  constructor(problem: SdeProblem, plan: PassagePlan, seed: number) {
    this.diffusion = problem.diffusion;
    this.g = new Float64Array(diffusionLength(problem));
    // Component c is driven by g_c (scalar, diagonal, additive) or by row c of G (general noise).
    const columns = problem.noise === 'general' ? (problem.brownianDim as number) : 1;
    this.rowStart = plan.component * columns;
    this.rowLength = columns;
    this.component = plan.component;
    this.lower = plan.lower;
    this.upper = plan.upper;
    this.bridge = plan.bridge;
    this.seed = seed;
    this.stream = randomStream(seed, 0, BRIDGE_CROSSING_SUBSTREAM);
  }

  /** Starts path p; returns true (time = t0) when x0 is already outside the interval. */
  begin(path: number, t0: number, x: Float64Array): boolean {
    this.time = Number.NaN;
    this.side = 0;
    if (this.bridge) this.stream = randomStream(this.seed, path, BRIDGE_CROSSING_SUBSTREAM);
    return this.outside(x[this.component], t0);
  }

  /** Records x_k and, for the bridge, sigma^2 of the monitored component at (t_k, x_k). Call before the step. */
  before(t: number, x: Float64Array): void {
    this.previous = x[this.component];
    if (!this.bridge) return;
    this.diffusion(t, x, this.g);
    let sum = 0;
    for (let j = this.rowStart, end = this.rowStart + this.rowLength; j < end; j++)
      sum += this.g[j] * this.g[j];
    this.variancePerTime = sum;
  }

  /** After the step from t to tNext: returns true when the path left the interval during the step. */
  check(t: number, tNext: number, x: Float64Array): boolean {
    const next = x[this.component];
    const variance = this.variancePerTime * (tNext - t);
    if (next >= this.upper)
      return this.hit(1, t, tNext, this.upper - this.previous, next - this.upper, variance);
    if (next <= this.lower)
      return this.hit(-1, t, tNext, this.previous - this.lower, this.lower - next, variance);
    if (!this.bridge) return false;
    const alphaUpper = this.upper - this.previous;
    const alphaLower = this.previous - this.lower;
    const pUpper = bridgeCrossingProbability(alphaUpper, this.upper - next, variance);
    const pLower = bridgeCrossingProbability(alphaLower, next - this.lower, variance);
    // Exiting through both barriers in one step is exponentially rarer than either; their sum is used.
    if (pUpper + pLower === 0) return false;
    const u = this.stream.nextUniform53();
    if (u < pUpper) return this.hit(1, t, tNext, alphaUpper, this.upper - next, variance);
    if (u < pUpper + pLower) return this.hit(-1, t, tNext, alphaLower, next - this.lower, variance);
    return false;
  }

  private hit(
    side: number,
    t: number,
    tNext: number,
    alpha: number,
    beta: number,
    variance: number,
  ): boolean {
    this.side = side;
    if (!this.bridge) {
      this.time = tNext;
      return true;
    }
    const fraction = bridgeHittingFraction(alpha, beta, variance, this.stream);
    this.time = t + fraction * (tNext - t);
    return true;
  }

  private outside(value: number, t: number): boolean {
    if (value > this.lower && value < this.upper) return false;
    this.side = value >= this.upper ? 1 : -1;
    this.time = t;
    return true;
  }
}
