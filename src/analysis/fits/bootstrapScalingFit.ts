/**
 * Pairs bootstrap of a scaling-law fit over repeated seeds: resample the (x, y) points with replacement,
 * refit, and take the 2.5% and 97.5% percentiles of the refitted exponent and prefactor. When every distinct
 * x carries at least two points (several seeds per size), the resampling is stratified by x, so each
 * resample keeps the design and only the seed-to-seed scatter is resampled. Needs no model for the errors,
 * at the price of percentile intervals that are a little narrow for few points (a factor about √((m−1)/m)
 * in width with m seeds per x). Resampling uses pure-rand's xoroshiro128+ seeded by `seed`: the same seed
 * gives the same interval.
 */

import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { SaddlecheckError } from '../../errors.js';
import { integerInRange, seedValue } from '../../validate.js';
import { sortedQuantile } from '../orderStatistics.js';
import { fitScalingLaw } from './fitScalingLaw.js';
import type { ScalingFit, ScalingModel } from './scalingFit.js';

export interface BootstrapOptions {
  model?: ScalingModel;
  /** Number of resamples; default 2000. */
  replicates?: number;
  /** Seed of the resampling; default 0. */
  seed?: number;
  /** Resample within groups of equal x; default: when every distinct x has at least two points. */
  stratify?: boolean;
}

export interface BootstrapFit extends ScalingFit {
  bootstrap: {
    replicates: number;
    seed: number;
    stratified: boolean;
    /** Resamples whose refit was impossible (e.g. a single distinct x), redrawn. */
    failedResamples: number;
    /** Standard deviation of the resampled exponents. */
    exponentSe: number;
  };
}

function groupsByX(x: Float64Array): number[][] {
  const groups = new Map<number, number[]>();
  x.forEach((value, i) => {
    const group = groups.get(value);
    if (group) group.push(i);
    else groups.set(value, [i]);
  });
  return [...groups.values()];
}

/** Draws one resample into (bx, by): within each stratum, as many indices as it has, with replacement. */
function resample(
  strata: number[][],
  data: { x: Float64Array; y: Float64Array },
  into: { x: Float64Array; y: Float64Array },
  rng: RandomGenerator,
): void {
  let k = 0;
  for (const stratum of strata) {
    for (let j = 0; j < stratum.length; j++, k++) {
      const i = stratum[uniformInt(rng, 0, stratum.length - 1)];
      into.x[k] = data.x[i];
      into.y[k] = data.y[i];
    }
  }
}

/** Refits `replicates` resamples; returns the sorted exponents and prefactors and how many refits failed. */
function resampledFits(
  data: { x: Float64Array; y: Float64Array },
  strata: number[][],
  model: ScalingModel,
  replicates: number,
  seed: number,
): { exponents: Float64Array; prefactors: Float64Array; failed: number } {
  const rng = xoroshiro128plus(seed);
  const exponents = new Float64Array(replicates);
  const prefactors = new Float64Array(replicates);
  const into = { x: new Float64Array(data.x.length), y: new Float64Array(data.x.length) };
  let failed = 0;
  for (let r = 0; r < replicates; ) {
    resample(strata, data, into, rng);
    try {
      const fit = fitScalingLaw(into.x, into.y, model);
      exponents[r] = fit.exponent;
      prefactors[r] = fit.prefactor;
      r++;
    } catch (error) {
      if (!(error instanceof SaddlecheckError) || ++failed > replicates) throw error;
    }
  }
  return { exponents: exponents.sort(), prefactors: prefactors.sort(), failed };
}

export function bootstrapScalingFit(x: unknown, y: unknown, options: BootstrapOptions = {}): BootstrapFit {
  const model = options.model ?? 'power';
  const point = fitScalingLaw(x, y, model);
  const data = { x: Float64Array.from(x as ArrayLike<number>), y: Float64Array.from(y as ArrayLike<number>) };
  const replicates = integerInRange('options.replicates', options.replicates ?? 2000, 100, 1e6);
  const seed = seedValue('options.seed', options.seed ?? 0);
  const groups = groupsByX(data.x);
  const stratified = options.stratify ?? groups.every((g) => g.length >= 2);
  const strata = stratified ? groups : [Array.from(data.x, (_, i) => i)];
  const { exponents, prefactors, failed } = resampledFits(data, strata, model, replicates, seed);
  const mean = exponents.reduce((a, v) => a + v, 0) / replicates;
  const se = Math.sqrt(exponents.reduce((a, v) => a + (v - mean) ** 2, 0) / (replicates - 1));
  const { detail, ...rest } = point;
  const atBound = point.status === 'exponent-at-search-bound';
  return {
    ...rest,
    status: atBound ? point.status : 'success',
    ...(atBound ? { detail } : {}),
    ci95: [sortedQuantile(exponents, 0.025), sortedQuantile(exponents, 0.975)],
    prefactorCi95: [sortedQuantile(prefactors, 0.025), sortedQuantile(prefactors, 0.975)],
    interval: 'bootstrap-percentile',
    bootstrap: { replicates, seed, stratified, failedResamples: failed, exponentSe: se },
  };
}
