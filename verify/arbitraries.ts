/**
 * fast-check arbitraries for the settings theorems range over, for users' own property tests and theorems:
 * teacher spectra, depths, widths, activations and initialization scales.
 */
import fc from 'fast-check';
import { BUILTIN_ACTIVATIONS, type BuiltinActivationName } from '../src/networks/activationsBuiltin.js';

/**
 * Singular values s_1 > s_2 > ... > s_k > 0 with consecutive ratios at least `minRatio` (default 1.5), so that
 * modes are learned one at a time and their order cannot swap from random initial overlaps.
 */
export function teacherSpectrum(
  options: { maxRank?: number; minRatio?: number; largest?: [number, number] } = {},
): fc.Arbitrary<number[]> {
  const { maxRank = 4, minRatio = 1.5, largest = [1, 5] } = options;
  return fc
    .tuple(
      fc.double({ min: largest[0], max: largest[1], noNaN: true }),
      fc.array(fc.double({ min: minRatio, max: 3 * minRatio, noNaN: true }), {
        minLength: 0,
        maxLength: maxRank - 1,
      }),
    )
    .map(([s1, ratios]) => {
      const spectrum = [s1];
      for (const r of ratios) spectrum.push(spectrum[spectrum.length - 1] / r);
      return spectrum;
    });
}

/** Number of weight matrices L (default 2 to 6). */
export function depth(min = 2, max = 6): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}

/** Hidden width (default 4 to 64). */
export function width(min = 4, max = 64): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}

/** A built-in activation name; `smoothOnly` leaves out relu. */
export function activationName(options: { smoothOnly?: boolean } = {}): fc.Arbitrary<BuiltinActivationName> {
  const names = Object.keys(BUILTIN_ACTIVATIONS) as BuiltinActivationName[];
  return fc.constantFrom(...(options.smoothOnly ? names.filter((n) => n !== 'relu') : names));
}

/** A small initialization scale eps, log-uniform on [min, max] (default 1e-4 to 1e-1). */
export function initScale(min = 1e-4, max = 1e-1): fc.Arbitrary<number> {
  return fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
}
