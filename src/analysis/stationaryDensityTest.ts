/**
 * Samples against an exact stationary density: the Kolmogorov–Smirnov and Anderson–Darling tests, for either
 * independent draws (an ensemble's end states: exact finite-n null laws) or a correlated chain (one path
 * sampled in time: both statistics referred to their limiting null laws at the effective sample size n/τ,
 * τ the integrated autocorrelation time, estimated unless given; see correlatedGoodnessOfFit.ts).
 */
import { andersonDarlingTest } from './andersonDarlingTest.js';
import { correlatedGoodnessOfFitTest } from './correlatedGoodnessOfFit.js';
import type { ContinuousDistribution } from './distribution.js';
import { kolmogorovSmirnovTest } from './kolmogorovSmirnovTest.js';
import type { NormalizedStationaryDensity } from './stationaryDensity.js';

export interface StationaryTestOptions {
  /**
   * 'independent': the samples are independent draws. 'chain' (default): consecutive samples of one path;
   * the autocorrelation is estimated (or taken from `tau`) and divided out.
   */
  readonly samples?: 'independent' | 'chain';
  /** The chain's integrated autocorrelation time, when known. */
  readonly tau?: number;
}

export interface StationaryTestResult {
  readonly n: number;
  readonly samples: 'independent' | 'chain';
  /** 1 for independent samples. */
  readonly tau: number;
  readonly effectiveSampleSize: number;
  /** 'chain-too-short' when τ was estimated from fewer than 50τ points (the p-values are then unreliable). */
  readonly status: 'success' | 'chain-too-short';
  readonly kolmogorovSmirnov: { readonly statistic: number; readonly pValue: number };
  readonly andersonDarling: { readonly statistic: number; readonly pValue: number };
}

/**
 * The density as a distribution for the tests: its CDF (each value computed once: the tests ask for F, log F
 * and log(1 − F) at the same points, and one CDF value costs a quadrature), and log-tails from it.
 */
export function densityDistribution(
  density: NormalizedStationaryDensity,
  name: string,
): ContinuousDistribution {
  const known = new Map<number, number>();
  const cdf = (x: number): number => {
    let value = known.get(x);
    if (value === undefined) {
      value = density.cdf(x);
      known.set(x, value);
    }
    return value;
  };
  return { name, cdf, logCdf: (x) => Math.log(cdf(x)), logSf: (x) => Math.log1p(-cdf(x)) };
}

/** Tests whether `samples` (finite numbers) follow the stationary density. */
export function stationaryDensityTest(
  samples: ArrayLike<number>,
  density: NormalizedStationaryDensity,
  options: StationaryTestOptions = {},
): StationaryTestResult {
  const distribution = densityDistribution(density, 'the exact stationary density');
  if (options.samples === 'independent') {
    const ks = kolmogorovSmirnovTest(samples, distribution);
    const ad = andersonDarlingTest(samples, distribution);
    return {
      n: ks.n,
      samples: 'independent',
      tau: 1,
      effectiveSampleSize: ks.n,
      status: 'success',
      kolmogorovSmirnov: { statistic: ks.statistic, pValue: ks.pValue },
      andersonDarling: { statistic: ad.statistic, pValue: ad.pValue },
    };
  }
  const tauOption = options.tau === undefined ? {} : { tau: options.tau };
  const ks = correlatedGoodnessOfFitTest(samples, distribution, tauOption);
  const ad = correlatedGoodnessOfFitTest(samples, distribution, { test: 'anderson-darling', tau: ks.tau });
  return {
    n: ks.n,
    samples: 'chain',
    tau: ks.tau,
    effectiveSampleSize: ks.effectiveSampleSize,
    status: ks.status,
    kolmogorovSmirnov: { statistic: ks.statistic, pValue: ks.pValue },
    andersonDarling: { statistic: ad.statistic, pValue: ad.pValue },
  };
}
