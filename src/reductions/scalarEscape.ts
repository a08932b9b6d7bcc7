/**
 * The scalar escape law of RAWAL: near the saddle the bottleneck magnitude y obeys ẏ = Γ y^{r−1}, so the time
 * to grow from y = ε to the threshold ϑ is
 *   τ = (1/Γ) ∫_ε^ϑ y^{−(r−1)} dy = (ϑ − ε)/Γ (r = 1),  ln(ϑ/ε)/Γ (r = 2),  (ε^{2−r} − ϑ^{2−r})/((r − 2)Γ) (r ≥ 3).
 * The same time is also obtained by integrating the ODE in log coordinates, d ln y/dt = Γ y^{r−2}, up to the
 * event y = ϑ, as a check of the closed form and of the ODE solver on the problem the networks reduce to.
 */
import { InvalidArgumentError } from '../errors.js';
import { integerInRange, positiveNumber } from '../validate.js';

export interface ScalarEscapeLaw {
  /** Number r ≥ 1 of bottleneck layers: ẏ = Γ y^{r−1}. */
  readonly bottleneck: number;
  /** Γ > 0. */
  readonly rate: number;
  /** Initial magnitude ε > 0. */
  readonly eps: number;
  /** Threshold ϑ > ε. */
  readonly threshold: number;
}

/** Validates a law (throws InvalidArgumentError naming the bad field) and returns a clean copy. */
export function checkScalarEscapeLaw(law: ScalarEscapeLaw): ScalarEscapeLaw {
  if (typeof law !== 'object' || law === null) {
    throw new InvalidArgumentError('law', law, 'an object {bottleneck, rate, eps, threshold}');
  }
  const bottleneck = integerInRange('bottleneck', law.bottleneck, 1, 64);
  const rate = positiveNumber('rate', law.rate);
  const eps = positiveNumber('eps', law.eps);
  const threshold = positiveNumber('threshold', law.threshold);
  if (!(threshold > eps)) {
    throw new InvalidArgumentError(
      'threshold',
      threshold,
      `a number greater than eps = ${eps}`,
      'The escape starts at ε and ends at ϑ; choose ϑ > ε.',
    );
  }
  return { bottleneck, rate, eps, threshold };
}

/**
 * The closed-form escape time (1/Γ)∫_ε^ϑ y^{−(r−1)} dy, written with log1p/expm1 so that it keeps its digits
 * when ϑ is close to ε and for large r (no difference of two huge powers is formed).
 */
export function scalarEscapeIntegral(law: ScalarEscapeLaw): number {
  const { bottleneck: r, rate, eps, threshold } = checkScalarEscapeLaw(law);
  const logRatio = Math.log1p((threshold - eps) / eps);
  if (r === 1) return (threshold - eps) / rate;
  if (r === 2) return logRatio / rate;
  const k = r - 2;
  return (-(eps ** -k) * Math.expm1(-k * logRatio)) / (k * rate);
}
