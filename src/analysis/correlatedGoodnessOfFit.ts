/**
 * Goodness-of-fit tests for autocorrelated samples (a Markov chain, an SDE path sampled in time), where the
 * iid null distributions make p-values far too small: a chain of n points carries about n/τ points' worth of
 * information about its marginal law.
 *
 * Choice: the statistic is computed on all n points and referred to its null law at the effective size
 * n_eff = n/τ, with τ the chain's integrated autocorrelation time (estimated by Geyer's initial monotone
 * sequence unless given). The empirical process √n(F_n − F)(x) then has variance inflated by the
 * autocorrelation time τ_I(x) of the indicator 1{X ≤ x}, which is what the correction divides out. For a
 * Gaussian process with non-negative autocorrelations (AR(1), Ornstein–Uhlenbeck), |corr(1{X₀≤x}, 1{X_k≤x})|
 * ≤ ρ_k at every level x (Hermite expansion of the bivariate normal), so τ_I ≤ τ and the test is
 * conservative: it rejects at most at its nominal rate. Because n_eff is not an integer and finite-n
 * corrections do not apply to dependent data, the limiting laws are used: P(√n_eff·D > t) by Kolmogorov's
 * series and P(A²·n_eff/n > z) by the Anderson–Darling limit.
 *
 * Thinning (`thin`) is the other common remedy; keeping every ⌈τ⌉-th point still leaves a lag correlation
 * of about e^(−2) ≈ 0.14 for an AR(1) chain near ρ = 1, so thinned iid tests over-reject. It is provided for
 * other uses, not for these tests.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteVector, integerInRange, oneOf, positiveNumber } from '../validate.js';
import { andersonDarlingLimitSf } from './andersonDarlingSf.js';
import { andersonDarlingStatistic } from './andersonDarlingTest.js';
import type { DistributionLike } from './distribution.js';
import { integratedAutocorrelationTime } from './integratedAutocorrelationTime.js';
import { kolmogorovSf } from './kolmogorovAsymptotic.js';
import { kolmogorovSmirnovDistance } from './kolmogorovSmirnovTest.js';
import { probabilityTransform } from './probabilityTransform.js';

export interface CorrelatedTestOptions {
  /** Which statistic; default 'kolmogorov-smirnov'. */
  test?: 'kolmogorov-smirnov' | 'anderson-darling';
  /** The chain's integrated autocorrelation time, if known; else estimated from the chain. */
  tau?: number;
}

export interface CorrelatedTestResult {
  test: 'kolmogorov-smirnov' | 'anderson-darling';
  /** The iid statistic on all n points (D_n, or A²_n). */
  statistic: number;
  /** P-value at the effective sample size, from the limiting null law. */
  pValue: number;
  n: number;
  tau: number;
  effectiveSampleSize: number;
  /** 'chain-too-short' when τ was estimated from fewer than 50τ points: the p-value is then unreliable. */
  status: 'success' | 'chain-too-short';
  distribution: string;
}

function tauOf(
  chain: Float64Array,
  options: CorrelatedTestOptions,
): { tau: number; status: CorrelatedTestResult['status'] } {
  if (options.tau !== undefined) {
    const tau = positiveNumber('options.tau', options.tau);
    if (tau < 1 / chain.length)
      throw new InvalidArgumentError('options.tau', tau, `a number >= 1/n = ${1 / chain.length}`);
    return { tau, status: 'success' };
  }
  const estimate = integratedAutocorrelationTime(chain);
  return { tau: estimate.tau, status: estimate.status };
}

/**
 * Kolmogorov–Smirnov (default) or Anderson–Darling test of a correlated chain's marginal law, referred to
 * the limiting null law at the effective sample size n/τ.
 */
export function correlatedGoodnessOfFitTest(
  chain: unknown,
  distribution: DistributionLike,
  options: CorrelatedTestOptions = {},
): CorrelatedTestResult {
  const kind = oneOf('options.test', options.test ?? 'kolmogorov-smirnov', [
    'kolmogorov-smirnov',
    'anderson-darling',
  ]);
  const x = finiteVector('chain', chain);
  const { tau, status } = tauOf(x, options);
  const { sorted, u, distribution: dist } = probabilityTransform(x, distribution);
  const n = x.length;
  const nEff = n / tau;
  let statistic: number;
  let pValue: number;
  if (kind === 'kolmogorov-smirnov') {
    statistic = kolmogorovSmirnovDistance(u).d;
    pValue = kolmogorovSf(Math.sqrt(nEff) * statistic);
  } else {
    statistic = andersonDarlingStatistic(sorted, u, dist);
    pValue = statistic === Number.POSITIVE_INFINITY ? 0 : andersonDarlingLimitSf((statistic * nEff) / n);
  }
  return {
    test: kind,
    statistic,
    pValue,
    n,
    tau,
    effectiveSampleSize: nEff,
    status,
    distribution: dist.name,
  };
}

/** Every `step`-th point of the chain, starting with the first. */
export function thin(chain: unknown, step: number): Float64Array {
  const x = finiteVector('chain', chain);
  integerInRange('step', step, 1);
  const out = new Float64Array(Math.ceil(x.length / step));
  for (let i = 0, j = 0; i < x.length; i += step, j++) out[j] = x[i];
  return out;
}
