/**
 * The one place where a solve's input is checked. Everything downstream trusts the shapes returned here:
 * finite times with t1 > t0, a non-empty finite y0, one tolerance per component, sorted save times.
 */
import { DimensionMismatchError, InvalidArgumentError } from '../errors.js';
import {
  finiteNumber,
  finiteVector,
  functionValue,
  integerInRange,
  intervalEnd,
  oneOf,
  positiveNumber,
} from '../validate.js';
import type {
  EventDirection,
  OdeEvent,
  OdeMethod,
  OdeOptions,
  OdeProblem,
  OdeRhs,
  OdeSystem,
  StepperSettings,
} from './types.js';

/** Options after validation, with defaults filled in. */
export interface ResolvedOdeOptions {
  readonly settings: StepperSettings;
  readonly blowUpBound: number;
  /** null: record every accepted step. */
  readonly saveAt: Float64Array | null;
  readonly events: readonly OdeEvent[];
}

export function validateOdeProblem(problem: OdeProblem): OdeSystem {
  if (typeof problem !== 'object' || problem === null) {
    throw new InvalidArgumentError('problem', problem, 'an object { rhs, y0, t0, t1 }');
  }
  const rhs = functionValue<OdeRhs>('problem.rhs', problem.rhs);
  const y0 = finiteVector('problem.y0', problem.y0);
  const t0 = finiteNumber('problem.t0', problem.t0);
  const t1 = intervalEnd('problem.t1', problem.t1, t0);
  return { rhs, y0, t0, t1, dim: y0.length };
}

export function validateOdeMethod(method: OdeMethod): OdeMethod {
  if (typeof method !== 'object' || method === null || typeof method.createStepper !== 'function') {
    throw new InvalidArgumentError('method', method, 'an ODE method such as dopri5(), gbs() or rk4(0.01)');
  }
  return method;
}

/** A scalar or per-component tolerance as one value per component, each > 0 (rtol) or >= 0 (atol). */
function toleranceVector(
  argument: string,
  value: unknown,
  dim: number,
  fallback: number,
  strict: boolean,
): Float64Array {
  const allowed = strict ? 'a finite number > 0' : 'a finite number >= 0';
  const check = (name: string, v: unknown): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (strict && v === 0)) {
      throw new InvalidArgumentError(name, v, allowed, `Pass a scalar or ${dim} values.`);
    }
    return v;
  };
  if (value === undefined) return new Float64Array(dim).fill(fallback);
  if (!Array.isArray(value) && !(value instanceof Float64Array)) {
    return new Float64Array(dim).fill(check(argument, value));
  }
  if (value.length !== dim) {
    throw new DimensionMismatchError(
      `${argument} has ${value.length} entries but y0 has ${dim}; pass a scalar or one value per component.`,
    );
  }
  return Float64Array.from(value as ArrayLike<unknown>, (v, i) => check(`${argument}[${i}]`, v));
}

function validateSaveAt(value: unknown, t0: number, t1: number): Float64Array | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError('options.saveAt', value, `an increasing array of times in [${t0}, ${t1}]`);
  }
  const times = new Float64Array(value.length);
  for (let k = 0; k < value.length; k++) {
    const s = finiteNumber(`options.saveAt[${k}]`, value[k]);
    if (s < t0 || s > t1 || (k > 0 && !(s > times[k - 1]))) {
      throw new InvalidArgumentError(
        `options.saveAt[${k}]`,
        s,
        `a time in [${t0}, ${t1}] greater than the previous one`,
        'Sort the times and drop duplicates.',
      );
    }
    times[k] = s;
  }
  return times;
}

function validateEvents(value: unknown): readonly OdeEvent[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError(
      'options.events',
      value,
      'an array of { name, fn, level, direction, terminal }',
    );
  }
  return value.map((event: OdeEvent, k): OdeEvent => {
    const at = `options.events[${k}]`;
    if (typeof event !== 'object' || event === null) {
      throw new InvalidArgumentError(at, event, 'an object { name, fn, level, direction?, terminal? }');
    }
    if (typeof event.name !== 'string') throw new InvalidArgumentError(`${at}.name`, event.name, 'a string');
    const terminal = event.terminal ?? false;
    if (typeof terminal !== 'boolean')
      throw new InvalidArgumentError(`${at}.terminal`, terminal, 'a boolean');
    return {
      name: event.name,
      fn: functionValue(`${at}.fn`, event.fn),
      level: finiteNumber(`${at}.level`, event.level),
      direction: oneOf<EventDirection>(`${at}.direction`, event.direction ?? 'either', [
        'up',
        'down',
        'either',
      ]),
      terminal,
    };
  });
}

/**
 * Checks the options against the validated system and fills in the defaults documented in OdeOptions.
 * `adaptive`: whether the method controls its error, so that a y0 component at 0 needs atol > 0.
 */
export function resolveOdeOptions(
  options: OdeOptions,
  system: OdeSystem,
  adaptive: boolean,
): ResolvedOdeOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', options, 'an object (or omit it for the defaults)');
  }
  const { dim, y0, t0, t1 } = system;
  const rtol = toleranceVector('options.rtol', options.rtol, dim, 1e-8, true);
  const atol = toleranceVector('options.atol', options.atol, dim, 0, false);
  for (let i = 0; i < dim; i++) {
    if (adaptive && y0[i] === 0 && atol[i] === 0) {
      throw new InvalidArgumentError(
        'options.atol',
        options.atol,
        `> 0 for component ${i}, whose y0 is 0`,
        'Relative error is undefined at 0: give atol > 0 (scalar or per component) for such components.',
      );
    }
  }
  const maxSteps = integerInRange('options.maxSteps', options.maxSteps ?? 100_000, 1);
  const scale = y0.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  const blowUpBound =
    options.blowUpBound === undefined
      ? 1e12 * scale
      : positiveNumber('options.blowUpBound', options.blowUpBound);
  const initialDt =
    options.initialDt === undefined ? undefined : positiveNumber('options.initialDt', options.initialDt);
  return {
    settings: { rtol, atol, maxSteps, initialDt },
    blowUpBound,
    saveAt: validateSaveAt(options.saveAt, t0, t1),
    events: validateEvents(options.events),
  };
}
