/**
 * Problem and method factories for the ensemble and first-passage tests. They are addressed by module URL and
 * export name, so that worker threads can build them too.
 */
import { UnsupportedProblemError } from '../../src/errors.js';
import { benchmarkProblem, type OrnsteinUhlenbeckArgs } from '../../src/sde/ensembleBenchmark.js';
import type { SdeMethod, SdeProblem, SdeStepper } from '../../src/sde/types.js';

export const fixturesModule = new URL('./ensembleFixtures.ts', import.meta.url).href;

/** dX = (mu - theta X) dt + sigma dW (additive noise): the benchmark problem with every parameter given. */
export function ornsteinUhlenbeck(
  args: Required<Omit<OrnsteinUhlenbeckArgs, 'mu'>> & { mu?: number },
): SdeProblem {
  return benchmarkProblem(args);
}

/** dX = mu X dt + sigma X dW (scalar noise) in d independent copies driven by the same W. */
export function geometricBrownian(args: {
  mu: number;
  sigma: number;
  x0: number[];
  seed: number;
}): SdeProblem {
  return {
    drift: (_t, x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = args.mu * x[i];
    },
    diffusion: (_t, x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = args.sigma * x[i];
    },
    // (g . grad) g_i = sum_j g_j dg_i/dx_j = sigma x_i * sigma.
    diffusionDerivative: (_t, x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = args.sigma * args.sigma * x[i];
    },
    noise: 'scalar',
    interpretation: 'ito',
    x0: Float64Array.from(args.x0),
    t0: 0,
    t1: 1,
    seed: args.seed,
  };
}

/**
 * dX = X^3 dt + dW from 0: paths that wander far enough blow up. Declared 'additive' (the tabulated kernel) or
 * 'diagonal' (the method's stepper); the two readings are the same equation.
 */
export function cubicBlowUp(args: { seed: number; noise: 'additive' | 'diagonal' }): SdeProblem {
  return {
    ...ornsteinUhlenbeck({ theta: 0, sigma: 1, x0: 0, t1: 1, seed: args.seed }),
    drift: (_t, x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = x[i] * x[i] * x[i];
    },
    noise: args.noise,
  };
}

/**
 * The cubic blow-up problem with `elementwise` set as asked (the drift is elementwise either way), so that the
 * block kernel and the per-path kernel can be compared on the same equation.
 */
export function cubicElementwise(args: { seed: number; elementwise: boolean }): SdeProblem {
  return { ...cubicBlowUp({ seed: args.seed, noise: 'additive' }), elementwise: args.elementwise };
}

/** Ornstein–Uhlenbeck with a scalar drift (writes out[0] only) and `elementwise` unset. */
export function ornsteinUhlenbeckScalar(args: Required<Omit<OrnsteinUhlenbeckArgs, 'mu'>>): SdeProblem {
  const { elementwise: _, ...problem } = ornsteinUhlenbeck(args);
  return {
    ...problem,
    drift: (_t, x, out) => {
      out[0] = 0 - args.theta * x[0];
    },
  };
}

/** A problem whose drift throws once t passes `at`, to check that a worker's error reaches the caller. */
export function throwingDrift(args: { at: number }): SdeProblem {
  return {
    ...ornsteinUhlenbeck({ theta: 1, sigma: 1, x0: 0, t1: 1, seed: 1 }),
    drift: (t, _x, out) => {
      if (t > args.at) throw new RangeError(`drift refused t = ${t}`);
      out.fill(0);
    },
  };
}

/** A factory that does not return a problem. */
export function notAProblem(): unknown {
  return { drift: 1 };
}

/** Euler–Maruyama for scalar, diagonal and additive noise, written independently of the library's methods. */
export function testEulerMaruyama(): SdeMethod {
  return {
    name: 'test-euler-maruyama',
    strongOrder: 0.5,
    weakOrder: 1,
    interpretation: 'ito',
    noise: ['scalar', 'diagonal', 'additive'],
    needsTimeIntegral: false,
    createStepper(problem: SdeProblem): SdeStepper {
      if (problem.noise === 'general') throw new UnsupportedProblemError('test EM: no general noise');
      const d = problem.x0.length;
      const a = new Float64Array(d);
      const g = new Float64Array(d);
      const scalar = problem.noise === 'scalar';
      return {
        step(t, x, dt, dW) {
          problem.drift(t, x, a);
          problem.diffusion(t, x, g);
          for (let i = 0; i < d; i++) x[i] = x[i] + a[i] * dt + g[i] * dW[scalar ? 0 : i];
        },
      };
    },
  };
}

/**
 * A method that ignores the equation and accumulates the increments: x[0] += dW, x[1] += dZ. After n steps
 * x[0] = W(t1) and x[1] = sum of the per-step integrals int (W_s - W_{t_k}) ds.
 */
export function incrementRecorder(): SdeMethod {
  return {
    name: 'increment-recorder',
    strongOrder: 1,
    weakOrder: 1,
    interpretation: 'ito',
    noise: ['scalar'],
    needsTimeIntegral: true,
    createStepper: () => ({
      step(_t, x, _dt, dW, dZ) {
        x[0] += dW[0];
        x[1] += (dZ as Float64Array)[0];
      },
    }),
  };
}

/** A two-component state driven by one Brownian motion, for the increment recorder. */
export function twoComponentScalar(args: { seed: number }): SdeProblem {
  return {
    drift: (_t, _x, out) => out.fill(0),
    diffusion: (_t, _x, out) => out.fill(1),
    noise: 'scalar',
    interpretation: 'ito',
    x0: new Float64Array(2),
    t0: 0,
    t1: 1,
    seed: args.seed,
  };
}
