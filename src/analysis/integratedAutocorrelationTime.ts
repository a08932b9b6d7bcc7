/**
 * The integrated autocorrelation time τ = 1 + 2 Σ_{k≥1} ρ_k of a stationary chain and its effective sample
 * size n/τ: the number of independent draws that would estimate a mean as well (Var x̄ ≈ τ·σ²/n).
 *
 * Estimator: Geyer's initial monotone sequence (Statist. Sci. 7, 1992). The autocorrelations are summed in
 * pairs Γ_m = ρ_{2m} + ρ_{2m+1}, which are positive and decreasing for a reversible chain; the sum stops at
 * the first non-positive pair (where noise has taken over) and each pair is capped by the one before. This
 * needs no window constant (unlike Sokal's self-consistent window) and handles negative correlations:
 * τ = −1 + 2 Σ_{m≤M} Γ_m. The estimate is unreliable when the chain is shorter than about 50τ (Sokal
 * 1997); the result then carries status 'chain-too-short' rather than a silent number.
 */
import { InvalidArgumentError } from '../errors.js';
import { autocovariance } from './autocovariance.js';

export interface AutocorrelationTime {
  /** τ = 1 + 2 Σ ρ_k (τ = 1 for independent draws, (1+ρ)/(1−ρ) for AR(1)). */
  tau: number;
  /** n/τ. */
  effectiveSampleSize: number;
  n: number;
  /** Largest lag whose autocorrelation entered the sum. */
  lags: number;
  status: 'success' | 'chain-too-short';
  /** Why the estimate is unreliable, when it is. */
  detail?: string;
}

/** Smallest n/τ at which the estimate of τ is trusted. */
const MIN_LENGTH_IN_TAU = 50;

export function integratedAutocorrelationTime(chain: unknown): AutocorrelationTime {
  const gamma = autocovariance(chain);
  const n = gamma.length;
  if (n < 4) throw new InvalidArgumentError('chain', chain, 'an array of at least 4 finite numbers');
  if (!(gamma[0] > 0)) {
    throw new InvalidArgumentError(
      'chain',
      chain,
      'a chain that is not constant',
      'τ is undefined without variance.',
    );
  }
  let sum = 0;
  let previous = Number.POSITIVE_INFINITY;
  let m = 0;
  let exhausted = true;
  for (; 2 * m + 1 < n; m++) {
    let pair = (gamma[2 * m] + gamma[2 * m + 1]) / gamma[0];
    if (!(pair > 0)) {
      exhausted = false;
      break;
    }
    pair = Math.min(pair, previous);
    sum += pair;
    previous = pair;
  }
  const tau = Math.max(-1 + 2 * sum, 1 / n);
  const result: AutocorrelationTime = {
    tau,
    effectiveSampleSize: n / tau,
    n,
    lags: Math.max(0, 2 * m - 1),
    status: 'success',
  };
  if (exhausted || n < MIN_LENGTH_IN_TAU * tau) {
    result.status = 'chain-too-short';
    result.detail = exhausted
      ? `the autocorrelations stayed positive up to lag ${n - 1}: the chain does not decorrelate within its length`
      : `n = ${n} is below ${MIN_LENGTH_IN_TAU}·τ = ${Math.ceil(MIN_LENGTH_IN_TAU * tau)}; run the chain longer`;
  }
  return result;
}
