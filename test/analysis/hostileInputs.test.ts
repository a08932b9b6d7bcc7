/**
 * Every public entry point of the analysis module answers hostile input (NaN, ±Infinity, empty arrays,
 * mismatched lengths, out-of-range options) with a named SaddlecheckError, never a number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as analysis from '../../src/analysis/index.js';
import { SaddlecheckError } from '../../src/errors.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.5, max: 50 });
const special = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

/** A finite array with one value replaced by NaN or ±Infinity, or an empty array. */
const hostileArray = fc.oneof(
  fc.constant([] as number[]),
  fc.tuple(fc.array(finite, { minLength: 6, maxLength: 30 }), special, fc.nat()).map(([values, bad, at]) => {
    const out = [...values];
    out[at % out.length] = bad;
    return out;
  }),
);

const goodArray = fc.array(finite, { minLength: 8, maxLength: 30 }).map((a) => a.map((v, i) => v + i));

const sampleTests: [string, (x: number[]) => unknown][] = [
  ['kolmogorovSmirnovTest', (x) => analysis.kolmogorovSmirnovTest(x, analysis.normalDistribution())],
  ['andersonDarlingTest', (x) => analysis.andersonDarlingTest(x, analysis.normalDistribution())],
  [
    'chiSquareTest',
    (x) => analysis.chiSquareTest(x, analysis.normalDistribution(), { bins: 2, minExpected: 1 }),
  ],
  [
    'correlatedGoodnessOfFitTest',
    (x) => analysis.correlatedGoodnessOfFitTest(x, analysis.normalDistribution()),
  ],
  ['integratedAutocorrelationTime', (x) => analysis.integratedAutocorrelationTime(x)],
  ['autocovariance', (x) => analysis.autocovariance(x)],
  ['thin', (x) => analysis.thin(x, 2)],
];

describe('hostile samples', () => {
  it.each(sampleTests)('should make %s throw a named error', (_name, test) => {
    fc.assert(
      fc.property(hostileArray, (x) => {
        expect(() => test(x)).toThrow(SaddlecheckError);
      }),
      { seed: 41, numRuns: 100 },
    );
  });
});

describe('hostile (x, y) data', () => {
  const fits: [string, (x: number[], y: number[]) => unknown][] = [
    ['fitPowerLaw', analysis.fitPowerLaw],
    ['fitLogLaw', analysis.fitLogLaw],
    ['fitPowerOffset', (x, y) => analysis.fitPowerOffset(x, y)],
    ['fitTheilSen', analysis.fitTheilSen],
    ['compareScalingForms', analysis.compareScalingForms],
    ['bootstrapScalingFit', (x, y) => analysis.bootstrapScalingFit(x, y, { replicates: 100 })],
  ];

  it.each(
    fits,
  )('should make %s throw a named error for non-finite values or mismatched lengths', (_n, fitter) => {
    fc.assert(
      fc.property(goodArray, special, fc.nat(), fc.boolean(), (good, bad, at, inX) => {
        const corrupted = [...good];
        corrupted[at % good.length] = bad;
        expect(() => (inX ? fitter(corrupted, good) : fitter(good, corrupted))).toThrow(SaddlecheckError);
      }),
      { seed: 43, numRuns: 60 },
    );
    expect(() => fitter([], [])).toThrow(SaddlecheckError);
    expect(() => fitter([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5])).toThrow(SaddlecheckError);
  });
});

describe('hostile options and scalars', () => {
  it('should reject bad distribution parameters, probabilities and option values with named errors', () => {
    const calls: (() => unknown)[] = [
      () => analysis.normalDistribution(0, 0),
      () => analysis.normalDistribution(Number.NaN, 1),
      () => analysis.uniformDistribution(1, 1),
      () => analysis.normalQuantile(-0.1),
      () => analysis.studentTQuantile(0.5, -3),
      () => analysis.chiSquareSf(3, 0),
      () => analysis.chiSquareSf(Number.NaN, 3),
      () => analysis.kolmogorovSmirnovSf(-5, 0.1),
      () => analysis.bootstrapScalingFit([1, 2, 3, 4], [1, 2, 3, 4], { replicates: 10 }),
      () => analysis.bootstrapScalingFit([1, 2, 3, 4], [1, 2, 3, 4], { seed: -1 }),
      () => analysis.fitPowerOffset([1, 2, 3, 4], [1, 2, 3, 4], { exponentRange: [2, 1] }),
      () => analysis.correlatedGoodnessOfFitTest([1, 2, 3, 4, 5], analysis.normalDistribution(), { tau: 0 }),
      () =>
        analysis.correlatedGoodnessOfFitTest([1, 2, 3, 4, 5], analysis.normalDistribution(), {
          test: 'cramer' as never,
        }),
      () => analysis.chiSquareTest([1, 2, 3], analysis.normalDistribution(), { edges: [0, Number.NaN] }),
      () => analysis.fitScalingLaw([1, 2, 3], [1, 2, 3], 'quadratic' as never),
    ];
    for (const call of calls) expect(call).toThrow(SaddlecheckError);
  });
});
