/**
 * The cost of one escape solve, the unit of work of the saddle-escape checks: the per-mode ODE of a depth-3
 * linear network, du/dt = 3 u^{4/3} (1 - u), from u0 = 1e-6 (a per-layer scale of 0.01) until u = 1/2,
 * at rtol 1e-10, located by a terminal event.
 *
 * The configuration is the fastest correct one measured: dopri5 in log coordinates, with the equation for
 * z = ln u written out (one exponential per evaluation instead of two and a cube root). In z = ln u the slow
 * phase is smooth (dz/dt = 3 u^{1/3} (1 - u)), so dopri5 needs about 135 steps where it needs about 440 in u;
 * gbs needs fewer steps (about 20) but many more evaluations per step, and odex allocates per step.
 */
import { integerInRange } from '../validate.js';
import { dopri5 } from './dopri5.js';
import { type LogOdeProblem, solveOdeLog } from './solveOdeLog.js';
import type { OdeEvent, OdeOptions, OdeSolution } from './types.js';

/**
 * The exact escape time: t = F(a1) - F(a0) with a = u^{1/3}, F(a) = -a^{-1} 2F1(1, -1/3; 2/3; a^3), as
 * computed at 50 digits by test/ode/fixtures/perModeEscape.py (99.149699307839172063) and rounded to double.
 */
export const ESCAPE_TIME_EXACT = 99.14969930783917;

export interface EscapeOdeBenchmarkOptions {
  /** Timed solves per batch. Default 2000. */
  readonly repetitions?: number;
  /** Batches; the fastest batch is reported, the usual guard against other load on the machine. Default 5. */
  readonly batches?: number;
  /** Untimed solves first, so that the timed ones run optimized code. Default 500. */
  readonly warmup?: number;
}

export interface EscapeOdeBenchmark {
  readonly method: string;
  readonly coordinates: 'log';
  /** Wall-clock microseconds per solve in the fastest batch. */
  readonly microsecondsPerSolve: number;
  /** Process CPU microseconds per solve in the batch with the least CPU time. */
  readonly cpuMicrosecondsPerSolve: number;
  readonly repetitions: number;
  readonly batches: number;
  /** The status of the solve ('success' when the event stopped it). */
  readonly status: string;
  /** The located escape time and its relative error against ESCAPE_TIME_EXACT. */
  readonly escapeTime: number;
  readonly relativeError: number;
  readonly steps: number;
  readonly rhsEvaluations: number;
}

const problem: LogOdeProblem = {
  rhs: (_t, y, out) => {
    const u = y[0];
    out[0] = 3 * u * Math.cbrt(u) * (1 - u);
  },
  // The same equation in z = ln u: dz/dt = 3 w (1 - w^3) with w = u^{1/3} = e^{z/3}, one exponential.
  logRhs: (_t, z, out) => {
    const w = Math.exp(z[0] / 3);
    out[0] = 3 * w * (1 - w * w * w);
  },
  y0: [1e-6],
  t0: 0,
  t1: 1e4,
};

const half: OdeEvent = { name: 'u = 1/2', fn: (_t, y) => y[0], level: 0.5, direction: 'up', terminal: true };
const options: OdeOptions = { rtol: 1e-10, events: [half], saveAt: [] };
const method = dopri5();

/** One escape solve: the time at which u reaches 1/2. */
export function solveEscapeOnce(): OdeSolution {
  return solveOdeLog(problem, method, options);
}

/** Times the escape solve; see EscapeOdeBenchmark for the figures returned. */
export function escapeOdeBenchmark(settings: EscapeOdeBenchmarkOptions = {}): EscapeOdeBenchmark {
  const repetitions = integerInRange('repetitions', settings.repetitions ?? 2000, 1);
  const batches = integerInRange('batches', settings.batches ?? 5, 1);
  const warmup = integerInRange('warmup', settings.warmup ?? 500, 0);
  for (let i = 0; i < warmup; i++) solveEscapeOnce();
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let b = 0; b < batches; b++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < repetitions; i++) solveEscapeOnce();
    wall = Math.min(wall, ((performance.now() - start) * 1000) / repetitions);
    const used = process.cpuUsage(cpuStart);
    cpu = Math.min(cpu, (used.user + used.system) / repetitions);
  }
  const solution = solveEscapeOnce();
  return {
    method: method.name,
    coordinates: 'log',
    microsecondsPerSolve: wall,
    cpuMicrosecondsPerSolve: cpu,
    repetitions,
    batches,
    status: solution.status,
    escapeTime: solution.tReached,
    relativeError: Math.abs(solution.tReached - ESCAPE_TIME_EXACT) / ESCAPE_TIME_EXACT,
    steps: solution.stats.steps,
    rhsEvaluations: solution.stats.rhsEvaluations,
  };
}
