/**
 * Underdamped Langevin dynamics with a diagonal mass M, friction gamma and temperature T,
 *     dq = M^-1 p dt,     dp = -grad U(q) dt - gamma p dt + sqrt(2 gamma T) M^(1/2) dW,
 * integrated by the BAOAB splitting of Leimkuhler and Matthews (2013): a half kick B (p += dt/2 F), a half
 * drift A (q += dt/2 M^-1 p), the exact Ornstein-Uhlenbeck step O (p = c1 p + c2 sqrt(T M) z with
 * c1 = exp(-gamma dt), c2 = sqrt(1 - c1^2)), then A and B again. Its configurational (q) averages have an
 * O(dt^2) error, and for a quadratic U they are exact at every stable dt (omega dt < 2): the stationary law
 * of q is N(0, T / k) for U = k q^2 / 2. The momenta are not exact: their stationary variance is off by O(dt^2).
 *
 * One gradient evaluation and d normals per step: the force at the end of a step is reused at the start of
 * the next. Nothing is allocated inside the loop.
 */
import { InvalidArgumentError } from '../errors.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import { finiteVector, nonNegativeNumber } from '../validate.js';
import { gridStep, gridTime, PathRecorder } from './pathRecorder.js';
import { type GradientField, type LangevinOptions, type LangevinOutcome, langevinOutcome } from './types.js';
import { checkLength, probeField, type RunSettings, validateRun } from './validateRun.js';

export interface UnderdampedProblem {
  /** grad U(q). */
  readonly gradient: GradientField;
  /** The diagonal of M, every entry > 0. */
  readonly mass: Float64Array | readonly number[];
  /** gamma >= 0 (gamma = 0 is velocity Verlet, with no noise). */
  readonly friction: number;
  readonly temperature: number;
  readonly q0: Float64Array | readonly number[];
  /** Initial momenta; omitted, they are drawn from N(0, T M) (substream 1 of the path's stream). */
  readonly p0?: Float64Array | readonly number[];
  readonly t0: number;
  readonly t1: number;
  readonly seed: number;
}

export interface UnderdampedPath extends LangevinOutcome {
  readonly dimension: number;
  readonly steps: number;
  /** Positions and momenta at tReached. */
  readonly q: Float64Array;
  readonly p: Float64Array;
  readonly times: Float64Array;
  /** Saved positions and momenta, row-major with rows of length `dimension`. */
  readonly positions: Float64Array;
  readonly momenta: Float64Array;
}

/** Integrates an underdamped Langevin problem by BAOAB with fixed step `options.dt`. */
export function baoab(problem: UnderdampedProblem, options: LangevinOptions): UnderdampedPath {
  if (typeof problem !== 'object' || problem === null) {
    throw new InvalidArgumentError(
      'problem',
      problem,
      'an object { gradient, mass, friction, temperature, q0, ... }',
    );
  }
  const run = validateRun(problem, options);
  const q = finiteVector('q0', problem.q0);
  const d = q.length;
  const mass = finiteVector('mass', problem.mass);
  checkLength('mass', mass, d, 'q0');
  for (let i = 0; i < d; i++) {
    if (!(mass[i] > 0)) throw new InvalidArgumentError(`mass[${i}]`, mass[i], 'a finite number > 0');
  }
  const friction = nonNegativeNumber('friction', problem.friction);
  const temperature = nonNegativeNumber('temperature', problem.temperature);
  const force = probeField('gradient', problem.gradient, q, d, `a vector of length ${d}`);
  for (let i = 0; i < d; i++) force[i] = -force[i];
  let p: Float64Array;
  if (problem.p0 === undefined) {
    p = new Float64Array(d);
    const initial = randomStream(run.seed, run.path, 1);
    for (let i = 0; i < d; i++) p[i] = Math.sqrt(temperature * mass[i]) * initial.nextNormal();
  } else {
    p = finiteVector('p0', problem.p0);
    checkLength('p0', p, d, 'q0');
  }
  const noiseScale = Float64Array.from(mass, (m) => Math.sqrt(temperature * m));
  const ou = { h: Number.NaN, c1: 1, c2: 0 };
  return integrate({ gradient: problem.gradient, mass, friction, noiseScale, ou }, { q, p, force }, run);
}

interface Dynamics {
  readonly gradient: GradientField;
  readonly mass: Float64Array;
  readonly friction: number;
  /** sqrt(T m_i): the standard deviation of the equilibrium momenta. */
  readonly noiseScale: Float64Array;
  /** The O-step coefficients for the step h they were computed for (all steps but the last share h). */
  readonly ou: { h: number; c1: number; c2: number };
}

/** The state, advanced in place; `force` is -grad U(q) for the current q. */
interface PhaseState {
  readonly q: Float64Array;
  readonly p: Float64Array;
  readonly force: Float64Array;
}

function integrate(dynamics: Dynamics, state: PhaseState, run: RunSettings): UnderdampedPath {
  const { q, p } = state;
  const d = q.length;
  const { grid, blowUpBound } = run;
  const stepLength = gridStep;
  const advance = baoabStep;
  const positions = new PathRecorder(grid, d, run.saveEvery, run.saveFrom);
  const momenta = new PathRecorder(grid, d, run.saveEvery, run.saveFrom);
  const stream = randomStream(run.seed, run.path);
  const qPrevious = new Float64Array(d);
  const pPrevious = new Float64Array(d);
  positions.record(0, q);
  momenta.record(0, p);
  let k = 0;
  let failure: LangevinOutcome | undefined;
  for (; k < grid.steps; k++) {
    qPrevious.set(q);
    pPrevious.set(p);
    advance(dynamics, state, stepLength(grid, k), stream);
    failure = checkState(q, p, blowUpBound, gridTime(grid, k + 1));
    if (failure) {
      q.set(qPrevious);
      p.set(pPrevious);
      break;
    }
    positions.record(k + 1, q);
    momenta.record(k + 1, p);
  }
  const tReached = gridTime(grid, k);
  const result = failure ? { ...failure, tReached } : langevinOutcome('success', tReached);
  const { times, states } = positions.saved();
  return {
    ...result,
    dimension: d,
    steps: k,
    q,
    p,
    times,
    positions: states,
    momenta: momenta.saved().states,
  };
}

/**
 * One BAOAB step of length h: B A O A per component (the mass is diagonal), then the new force and the last
 * B. c2 = sqrt(1 - c1^2) is computed as sqrt(-expm1(-2 gamma h)), free of cancellation when gamma h is small.
 */
function baoabStep(dynamics: Dynamics, state: PhaseState, h: number, stream: RandomStream): void {
  const { gradient, mass, friction, noiseScale, ou } = dynamics;
  const { q, p, force } = state;
  const d = q.length;
  if (h !== ou.h) {
    ou.h = h;
    ou.c1 = Math.exp(-friction * h);
    ou.c2 = Math.sqrt(-Math.expm1(-2 * friction * h));
  }
  const { c1, c2 } = ou;
  const half = 0.5 * h;
  for (let i = 0; i < d; i++) {
    const pB = p[i] + half * force[i];
    const qA = q[i] + (half * pB) / mass[i];
    const pO = c1 * pB + c2 * noiseScale[i] * stream.nextNormal();
    q[i] = qA + (half * pO) / mass[i];
    p[i] = pO;
  }
  gradient(q, force);
  for (let i = 0; i < d; i++) {
    force[i] = -force[i];
    p[i] += half * force[i];
  }
}

/** A failure status when q or p is non-finite or beyond the bound, else undefined. */
function checkState(
  q: Float64Array,
  p: Float64Array,
  blowUpBound: number,
  t: number,
): LangevinOutcome | undefined {
  let bounded = true;
  for (let i = 0; i < q.length; i++) {
    if (!Number.isFinite(q[i]) || !Number.isFinite(p[i])) {
      return langevinOutcome('non-finite', t, `The step ending at t = ${t} produced a non-finite state.`);
    }
    if (Math.abs(q[i]) > blowUpBound || Math.abs(p[i]) > blowUpBound) bounded = false;
  }
  return bounded
    ? undefined
    : langevinOutcome('blow-up', t, `A component exceeded ${blowUpBound} at t = ${t}.`);
}
