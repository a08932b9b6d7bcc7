/**
 * The strong-convergence cases: for every method and every noise kind it declares, reference problems whose
 * errors show the declared order (problems where a method is exact or superconvergent are tested separately).
 * The expected order is read from the method's declarations through strongOrderFor.
 */
import { expect, it } from 'vitest';
import {
  geometricBrownianMotion,
  geometricBrownianMotionDiagonal,
  integratedBrownian,
  linearGeneralNoise,
  linearScalarNoise,
  methods,
  type NoiseKind,
  type ReferenceOptions,
  type ReferenceProblem,
  type SdeMethod,
  type SdeProblem,
  sinhBrownian,
  sinhBrownianDiagonal,
  strongOrderFor,
} from '../../src/sde/index.js';
import { strongErrorSweep } from './strongConvergence.js';

type Make = (options?: ReferenceOptions) => ReferenceProblem;

/** Problems with state-dependent noise, by kind; they are built in the method's interpretation. */
const MULTIPLICATIVE: Readonly<Record<Exclude<NoiseKind, 'additive'>, readonly Make[]>> = {
  scalar: [geometricBrownianMotion, linearScalarNoise, sinhBrownian],
  diagonal: [geometricBrownianMotionDiagonal, sinhBrownianDiagonal],
  general: [linearGeneralNoise],
};

/** Levels 5 to 10 (dt = 2^-5 .. 2^-10): past the coarsest steps, where the next error term still bends the line. */
const LEVELS = [5, 6, 7, 8, 9, 10];
/** Paths per sweep: enough for a slope standard error near 0.02 on every case. */
export const PATHS = 400;

/**
 * Additive noise with a nonlinear drift, dX = (sin 2X - X + cos 3t) dt + (2 + sin t) dW, x0 = 0.5: on a linear
 * drift an order-1.5 scheme for additive noise is order 2 (the terms it cannot resolve carry second
 * derivatives of the drift), so showing order 1.5 takes a nonlinear one. No closed form: the reference is the
 * method itself on dt = 2^-13, whose error is (2^-4)^1.5 = 1/64 of the finest swept level's.
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
  readonly name: string;
  readonly target: Pick<ReferenceProblem, 'problem'> & Partial<Pick<ReferenceProblem, 'exact'>>;
  readonly noise: NoiseKind;
  readonly order: number;
  readonly levels: readonly number[];
  readonly referenceLevel?: number;
}

type Target = Omit<ConvergenceCase, 'method' | 'noise' | 'order'>;

function targetsFor(method: SdeMethod, noise: NoiseKind): Target[] {
  const { interpretation } = method;
  if (noise === 'additive' && (method.strongOrderByNoise?.additive ?? method.strongOrder) > 1) {
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
  return references.map((reference) => ({ name: reference.name, target: reference, levels: LEVELS }));
}

/** The cases of every registered method, or of the one named. */
export function convergenceCases(methodName?: string): ConvergenceCase[] {
  return methods
    .map((make) => make())
    .filter((method) => methodName === undefined || method.name === methodName)
    .flatMap((method) =>
      method.noise.flatMap((noise) =>
        targetsFor(method, noise).map((target) => ({
          ...target,
          method,
          noise,
          order: strongOrderFor(method, target.target.problem),
        })),
      ),
    );
}

/** Registers one strong-order test per case of the method. */
export function testStrongOrders(methodName: string): void {
  const cases = convergenceCases(methodName);
  it(`should have a convergence case for every noise kind ${methodName} declares`, () => {
    const declared = methods.map((make) => make()).find((m) => m.name === methodName)?.noise ?? [];
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.noise))).toEqual(new Set(declared));
  });
  for (const c of cases) {
    it(`should converge with strong order ${c.order} on ${c.name} (${c.noise} noise)`, () => {
      const sweep = strongErrorSweep(c.target, c.method, {
        levels: c.levels,
        paths: PATHS,
        referenceLevel: c.referenceLevel,
      });
      // Power: orders in play differ by 0.5 or more, so with SE < 0.05 a wrong order lies over 10 SE away.
      expect(sweep.standardError).toBeLessThan(0.05);
      // 4 standard errors: a 99.99% normal interval around the fitted slope must contain the declared order.
      expect(Math.abs(sweep.slope - c.order)).toBeLessThan(4 * sweep.standardError);
    });
  }
}
