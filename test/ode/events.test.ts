import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  dopri5,
  gbs,
  type OdeEvent,
  type OdeMethod,
  rk4,
  solveOde,
  solveOdeLog,
} from '../../src/ode/index.js';
import { decayProblem, oscillatorProblem } from './referenceProblems.js';

/** (cos t, -sin t): y[0] falls through 0 at pi/2 and rises through it at 3 pi/2. */
const oscillator = oscillatorProblem(6);
const decay = decayProblem(1, 3);
const crossing = (name: string, direction: OdeEvent['direction'], terminal = false): OdeEvent => ({
  name,
  fn: (_t, y) => y[0],
  level: 0,
  direction,
  terminal,
});

const h4 = 0.1 ** 4;
const cases: [OdeMethod, (t: number) => number][] = [
  // At rtol 1e-10 the state is right to ~1e-10 and |dy/dt| = 1 at the crossing: 10x margin.
  [dopri5(), () => 1e-9],
  [gbs(), () => 1e-9],
  // rk4 at dt = 0.1: phase error t dt^4 / 120 (from R(i dt) = e^{i dt} (1 - i dt^5 / 120 + ...)) plus the
  // Hermite error (dt/2)^4 / 4! = dt^4 / 384, with |dy/dt| = 1 at the crossing; 10% for higher terms.
  [rk4(0.1), (t) => 1.1 * ((t * h4) / 120 + h4 / 384)],
];

describe('event location on the dense output', () => {
  for (const [method, tolerance] of cases) {
    it(`should find cos t = 0 at pi/2 falling and 3 pi/2 rising (${method.name})`, () => {
      const events = [crossing('down', 'down'), crossing('up', 'up'), crossing('either', 'either')];
      const solution = solveOde(oscillator, method, { rtol: 1e-10, atol: 1e-12, events });
      expect(solution.status).toBe('success');
      expect(solution.tReached).toBe(6);
      const byName = new Map(solution.events.map((e) => [e.name, e]));
      expect(Math.abs(byName.get('down')!.t - Math.PI / 2)).toBeLessThan(tolerance(Math.PI / 2));
      expect(Math.abs(byName.get('either')!.t - Math.PI / 2)).toBeLessThan(tolerance(Math.PI / 2));
      expect(Math.abs(byName.get('up')!.t - (3 * Math.PI) / 2)).toBeLessThan(tolerance((3 * Math.PI) / 2));
      // Each event fires once, in time order, with the state there: (cos, -sin) = (0, -1) at pi/2.
      expect(solution.events.map((e) => e.name)).toEqual(['down', 'either', 'up']);
      expect(Math.abs(byName.get('down')!.y[1] + 1)).toBeLessThan(tolerance(Math.PI / 2));
    });

    it(`should stop at a terminal event and end the solution there (${method.name})`, () => {
      const solution = solveOde(oscillator, method, {
        rtol: 1e-10,
        atol: 1e-12,
        events: [crossing('zero', 'down', true)],
      });
      expect(solution.status).toBe('success');
      expect(solution.message).toContain('terminal event "zero"');
      expect(Math.abs(solution.tReached - Math.PI / 2)).toBeLessThan(tolerance(Math.PI / 2));
      expect(solution.t[solution.t.length - 1]).toBe(solution.tReached);
      expect(Math.abs(solution.yEnd[0])).toBeLessThan(tolerance(Math.PI / 2));
      expect(Array.from(solution.yEnd)).toEqual(Array.from(solution.events[0].y));
    });
  }

  it('should record the events of one step in time order and none after a terminal one', () => {
    // One rk4 step of 1.5 covers all three levels (0.6, 0.5, 0.4 near ln(5/3), ln 2, ln(5/2)): it ends at
    // R(-1.5) = 0.273.
    const level = (name: string, value: number, terminal: boolean): OdeEvent => ({
      name,
      fn: (_t, y) => y[0],
      level: value,
      direction: 'down',
      terminal,
    });
    const events = [level('0.4', 0.4, false), level('0.5', 0.5, true), level('0.6', 0.6, false)];
    const solution = solveOde(decay, rk4(1.5), { events });
    expect(solution.stats.steps).toBe(1);
    expect(solution.events.map((e) => e.name)).toEqual(['0.6', '0.5']);
    expect(solution.events[0].t).toBeLessThan(solution.events[1].t);
    expect(solution.tReached).toBe(solution.events[1].t);
    // At the located times the dense output equals the level to the root finder's resolution.
    expect(Math.abs(solution.events[0].y[0] - 0.6)).toBeLessThan(1e-12);
    expect(Math.abs(solution.events[1].y[0] - 0.5)).toBeLessThan(1e-12);
  });

  it('should not fire an event whose function starts exactly on its level until it crosses it', () => {
    const solution = solveOde(decay, dopri5(), {
      events: [{ name: 'start', fn: (_t, y) => y[0], level: 1, direction: 'either' }],
    });
    expect(solution.events).toEqual([]);
  });

  it('should keep only the save times before a terminal event', () => {
    const solution = solveOde(decay, dopri5(), {
      rtol: 1e-10,
      saveAt: [0, 0.5, 1, 1.5, 2],
      events: [{ name: 'half', fn: (_t, y) => y[0], level: 0.5, terminal: true }],
    });
    expect(Array.from(solution.t)).toEqual([0, 0.5]);
    // ln 2 at rtol 1e-10: 10x margin on the state error divided by |dy/dt| = 1/2.
    expect(Math.abs(solution.tReached - Math.LN2)).toBeLessThan(2e-9);
  });

  it('should give events the state in original coordinates in log coordinates', () => {
    const solution = solveOdeLog(decay, dopri5(), {
      rtol: 1e-10,
      events: [{ name: 'tenth', fn: (_t, y) => y[0], level: 0.1, direction: 'down', terminal: true }],
    });
    // y = e^{-t} reaches 0.1 at ln 10; relative state error 1e-10 gives a time error of 1e-10: 10x margin.
    expect(Math.abs(solution.tReached - Math.LN10)).toBeLessThan(1e-9);
    expect(Math.abs(solution.events[0].y[0] - 0.1)).toBeLessThan(1e-12);
  });

  it('should throw a named error when an event function returns NaN', () => {
    const events = [{ name: 'bad', fn: () => Number.NaN, level: 0 }];
    expect(() => solveOde(decay, dopri5(), { events })).toThrow(InvalidArgumentError);
    expect(() => solveOde(decay, dopri5(), { events })).toThrow(/event "bad" fn/);
  });
});
