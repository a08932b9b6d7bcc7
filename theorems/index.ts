/** The registry of theorems: one file per prediction, listed here. */
import { InvalidArgumentError } from '../src/errors.js';
import { corlouerBoltzmannGap } from './corlouer-boltzmann-gap.js';
import { corlouerCollapse } from './corlouer-collapse.js';
import { corlouerDiffusionPeak } from './corlouer-diffusion-peak.js';
import { corlouerLangevinMarginal } from './corlouer-langevin-marginal.js';
import { corlouerNoiseModel } from './corlouer-noise-model.js';
import { corlouerPeakThreshold } from './corlouer-peak-threshold.js';
import { corlouerReduction } from './corlouer-reduction.js';
import { corlouerStationaryLaw } from './corlouer-stationary-law.js';
import { dlnConservedImbalance } from './dln-conserved-imbalance.js';
import { dlnEscapeExponent } from './dln-escape-exponent.js';
import { dlnEscapeTime } from './dln-escape-time.js';
import { dlnImbalanceDrift } from './dln-imbalance-drift.js';
import { dlnModeOrdering } from './dln-mode-ordering.js';
import { integratorOrderTheorems } from './integratorOrders.js';
import { jacotGammaMinimum } from './jacot-gamma-minimum.js';
import { jacotGammaSaddle } from './jacot-gamma-saddle.js';
import { jacotStaircase } from './jacot-staircase.js';
import { rawalClassBCollapse } from './rawal-class-b-collapse.js';
import { rawalClassCExponent } from './rawal-class-c-exponent.js';
import { rawalCriticalDepth } from './rawal-critical-depth.js';
import { rawalDepthIndependence } from './rawal-depth-independence.js';
import { rawalImbalanceIdentity } from './rawal-imbalance-identity.js';
import { rawalInvariantManifold } from './rawal-invariant-manifold.js';
import { rawalOffManifold } from './rawal-off-manifold.js';
import { rawalScalarLaw } from './rawal-scalar-law.js';
import { rawalScalarReduction } from './rawal-scalar-reduction.js';
import { saxeExactReduction } from './saxe-exact-reduction.js';
import type { AnyTheorem } from './theorem.js';

export type { AnyTheorem, Budget, Comparison, MeasureContext, Measurement, Theorem } from './theorem.js';

export const theorems: readonly AnyTheorem[] = [
  ...integratorOrderTheorems('strong'),
  rawalImbalanceIdentity,
  rawalInvariantManifold,
  rawalScalarLaw,
  rawalScalarReduction,
  rawalCriticalDepth,
  rawalDepthIndependence,
  rawalClassBCollapse,
  rawalClassCExponent,
  rawalOffManifold,
  saxeExactReduction,
  jacotStaircase,
  dlnEscapeTime,
  dlnEscapeExponent,
  dlnModeOrdering,
  dlnConservedImbalance,
  dlnImbalanceDrift,
  jacotGammaSaddle,
  jacotGammaMinimum,
  corlouerNoiseModel,
  corlouerReduction,
  corlouerDiffusionPeak,
  corlouerPeakThreshold,
  corlouerCollapse,
  corlouerStationaryLaw,
  corlouerBoltzmannGap,
  corlouerLangevinMarginal,
];

export function findTheorem(id: string, registry: readonly AnyTheorem[] = theorems): AnyTheorem {
  const found = registry.find((t) => t.id === id);
  if (!found) {
    const known = registry.map((t) => t.id).join(', ') || '(none)';
    throw new InvalidArgumentError(
      'theorem id',
      id,
      `one of the registered theorems: ${known}`,
      "Run 'saddlecheck list'.",
    );
  }
  return found;
}
