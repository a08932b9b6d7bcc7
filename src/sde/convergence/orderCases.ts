/**
 * The convergence cases of every registered method, generated from its declarations: for each noise kind it
 * supports, reference problems whose errors show the declared strong and weak orders. Adding a method adds
 * its cases. Problems on which a method is exact or superconvergent are not used here.
 */
import { strongOrderFor, weakOrderFor } from '../methodSupport.js';
import { methods } from '../methods/index.js';
import { additiveDecay, integratedBrownian } from '../reference/additiveNoise.js';
import {
  geometricBrownianMotion,
  geometricBrownianMotionDiagonal,
} from '../reference/geometricBrownianMotion.js';
import { linearGeneralNoise, linearScalarNoise } from '../reference/linearCommuting.js';
import type { ReferenceOptions, ReferenceProblem } from '../reference/referenceProblem.js';
import { sinhBrownian, sinhBrownianDiagonal } from '../reference/sinhBrownian.js';
import type { NoiseKind, SdeMethod, SdeProblem } from '../types.js';
import type { ErrorKind, SweepTarget } from './errorSweep.js';

type Make = (options?: ReferenceOptions) => ReferenceProblem;

/** Problems with state-dependent noise, by kind; they are built in the method's interpretation. */
const MULTIPLICATIVE: Readonly<Record<Exclude<NoiseKind, 'additive'>, readonly Make[]>> = {
  scalar: [geometricBrownianMotion, linearScalarNoise, sinhBrownian],
  diagonal: [geometricBrownianMotionDiagonal, sinhBrownianDiagonal],
  general: [linearGeneralNoise],
};

/** Strong: levels 5 to 10 (dt = 2^-5 .. 2^-10), past the coarsest steps where the next error term bends the line. */
export const STRONG_LEVELS: readonly number[] = [5, 6, 7, 8, 9, 10];

/**
 * Weak: levels 3 to 7 (dt = 2^-3 .. 2^-7). The weak difference f(X_dt) − f(X) has a standard deviation of order
 * dt^(strong order) per path, against a mean of order dt^(weak order); coarse steps keep the mean (the bias being
 * measured) large against the Monte Carlo noise, so a few thousand paths resolve it.
 */
export const WEAK_LEVELS: readonly number[] = [3, 4, 5, 6, 7];

/**
 * Additive noise with a nonlinear drift, dX = (sin 2X − X + cos 3t) dt + (2 + sin t) dW, x0 = 0.5: on a linear
 * drift an order-1.5 scheme for additive noise is order 2 (the terms it cannot resolve carry second derivatives
 * of the drift), so showing order 1.5 takes a nonlinear one. No closed form: the reference is the method itself
 * on dt = 2^-13, whose error is (2^-4)^1.5 = 1/64 of the finest swept level's.
 */
export const nonlinearAdditive: SdeProblem = {
  drift: (t, x, out) => {
    out[0] = Math.sin(2 * x[0]) - x[0] + Math.cos(3 * t);
  },
  diffusion: (t, _x, out) => {
    out[0] = 2 + Math.sin(t);
  },
  noise: 'additive',
  interpretation: 'ito',
  x0: Float64Array.of(0.5),
  t0: 0,
  t1: 1,
  seed: 1,
};

export interface ConvergenceCase {
  readonly method: SdeMethod;
  /** The reference problem's name. */
  readonly name: string;
  readonly target: SweepTarget;
  readonly noise: NoiseKind;
  readonly kind: ErrorKind;
  /** The declared order for this kind on this problem. */
  readonly order: number;
  readonly levels: readonly number[];
  readonly referenceLevel?: number;
}

type Target = Pick<ConvergenceCase, 'name' | 'target' | 'levels' | 'referenceLevel'>;

function targetsFor(method: SdeMethod, noise: NoiseKind, kind: ErrorKind): Target[] {
  const { interpretation } = method;
  const levels = kind === 'strong' ? STRONG_LEVELS : WEAK_LEVELS;
  if (noise === 'additive' && kind === 'weak') {
    // A weak-order-2 bias on integratedBrownian, or on nonlinearAdditive against a fine solve, sinks below the
    // Monte Carlo noise of a few thousand paths at these levels (SRA1 there: 1.67 [1.50, 1.88]); additiveDecay's
    // time-dependent drift and diffusion keep it resolved against the exact solution (SRA1: 2.007 [1.98, 2.03]),
    // while a weak-order-1 method still shows order 1 on it (Euler–Maruyama: 1.018).
    const decay = additiveDecay({ interpretation });
    if (weakOrderFor(method, decay.problem) > 1) return [{ name: decay.name, target: decay, levels }];
  }
  if (noise === 'additive' && kind === 'strong' && strongOrderFor(method, nonlinearAdditive) > 1) {
    // The reference solve's error must be far below the finest swept level's: 2^-4 finer in strong order 1.5
    // (x 1/64).
    return [
      {
        name: 'nonlinearAdditive',
        target: { problem: nonlinearAdditive },
        levels: [4, 5, 6, 7, 8, 9],
        referenceLevel: 13,
      },
    ];
  }
  const references =
    noise === 'additive'
      ? [integratedBrownian({ interpretation })]
      : MULTIPLICATIVE[noise].map((make) => make({ interpretation }));
  return references.map((reference) => ({ name: reference.name, target: reference, levels }));
}

/** The cases of every registered method (or of the one named), for one kind of error. */
export function convergenceCases(kind: ErrorKind, methodName?: string): ConvergenceCase[] {
  return methods
    .map((make) => make())
    .filter((method) => methodName === undefined || method.name === methodName)
    .flatMap((method) =>
      method.noise.flatMap((noise) =>
        targetsFor(method, noise, kind).map((target) => ({
          ...target,
          method,
          noise,
          kind,
          order: (kind === 'strong' ? strongOrderFor : weakOrderFor)(method, target.target.problem),
        })),
      ),
    );
}
