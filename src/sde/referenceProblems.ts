/**
 * The library of reference problems with exact solutions, and the list a convergence check iterates over:
 * every problem in its Itô reading and, where the Stratonovich reading differs (state-dependent noise), in
 * that too.
 */
import { additiveDecay, additiveDecayDiagonal, integratedBrownian } from './reference/additiveNoise.js';
import {
  geometricBrownianMotion,
  geometricBrownianMotionDiagonal,
} from './reference/geometricBrownianMotion.js';
import { linearGeneralNoise, linearScalarNoise } from './reference/linearCommuting.js';
import type { ReferenceOptions, ReferenceProblem } from './reference/referenceProblem.js';
import { sinhBrownian, sinhBrownianDiagonal } from './reference/sinhBrownian.js';

export {
  defineReference,
  type PathIntegrals,
  type ProblemFields,
  type ReferenceOptions,
  type ReferenceProblem,
  type ReferenceSpec,
} from './reference/referenceProblem.js';
export {
  additiveDecay,
  additiveDecayDiagonal,
  geometricBrownianMotion,
  geometricBrownianMotionDiagonal,
  integratedBrownian,
  linearGeneralNoise,
  linearScalarNoise,
  sinhBrownian,
  sinhBrownianDiagonal,
};

type ReferenceFactory = (options?: ReferenceOptions) => ReferenceProblem;

/** Problems whose noise depends on the state, so the two interpretations are different problems. */
const STATE_DEPENDENT: readonly ReferenceFactory[] = [
  geometricBrownianMotion,
  geometricBrownianMotionDiagonal,
  linearScalarNoise,
  linearGeneralNoise,
  sinhBrownian,
  sinhBrownianDiagonal,
];

const ADDITIVE: readonly ReferenceFactory[] = [additiveDecay, additiveDecayDiagonal, integratedBrownian];

/** Every reference problem: state-dependent ones in both interpretations, additive ones once (Itô). */
export function referenceProblems(
  options: Omit<ReferenceOptions, 'interpretation'> = {},
): ReferenceProblem[] {
  return [
    ...STATE_DEPENDENT.flatMap((make) => [
      make({ ...options, interpretation: 'ito' }),
      make({ ...options, interpretation: 'stratonovich' }),
    ]),
    ...ADDITIVE.map((make) => make({ ...options, interpretation: 'ito' })),
  ];
}
