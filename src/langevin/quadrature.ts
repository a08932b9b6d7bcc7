/**
 * Globally adaptive Gauss-Kronrod quadrature (7-point Gauss, 15-point Kronrod) on a finite interval, in the
 * manner of QUADPACK's QAG: the panel with the largest error estimate is bisected until the sum of the
 * estimates meets the tolerance. The accepted panels are returned sorted, so a caller can build a cumulative
 * table (a CDF) from one integration.
 *
 * Tolerance: the run stops when sum(error) <= max(absTol, relTol * sum |f|), where sum |f| is the Kronrod
 * estimate of the integral of |f|; for a positive integrand that is relTol times the integral itself, and it
 * stays meaningful for an integral that is zero by symmetry.
 */
import { InvalidArgumentError } from '../errors.js';
import { finiteNumber, functionValue, integerInRange, nonNegativeNumber } from '../validate.js';

/** Kronrod nodes on [0, 1] (the rule is symmetric); the odd-indexed ones are the Gauss nodes. */
const XK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];
const WK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
/** Gauss weights of the nodes XK[1], XK[3], XK[5], XK[7]. */
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];
const EPS = 2 ** -52;

export interface PanelEstimate {
  value: number;
  error: number;
  /** The Kronrod estimate of the integral of |f| over the panel. */
  absolute: number;
}

/** The 15-point Kronrod value on [a, b] with QUADPACK's error estimate; writes into `out` and returns it. */
export function gaussKronrod15(
  f: (x: number) => number,
  a: number,
  b: number,
  out: PanelEstimate,
): PanelEstimate {
  const center = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  const fc = f(center);
  let kronrod = fc * WK[7];
  let gauss = fc * WG[3];
  let absolute = Math.abs(kronrod);
  // Kept per call (not module scratch) so that f may itself integrate.
  const values = new Float64Array(14);
  for (let j = 0; j < 7; j++) {
    const dx = half * XK[j];
    const f1 = f(center - dx);
    const f2 = f(center + dx);
    values[2 * j] = f1;
    values[2 * j + 1] = f2;
    kronrod += WK[j] * (f1 + f2);
    absolute += WK[j] * (Math.abs(f1) + Math.abs(f2));
    if (j % 2 === 1) gauss += WG[(j - 1) / 2] * (f1 + f2);
  }
  const mean = kronrod * 0.5;
  let spread = WK[7] * Math.abs(fc - mean);
  for (let j = 0; j < 7; j++)
    spread += WK[j] * (Math.abs(values[2 * j] - mean) + Math.abs(values[2 * j + 1] - mean));
  const scale = Math.abs(half);
  let error = Math.abs((kronrod - gauss) * half);
  spread *= scale;
  if (spread !== 0 && error !== 0) error = spread * Math.min(1, ((200 * error) / spread) ** 1.5);
  absolute *= scale;
  if (absolute > Number.MIN_VALUE / (50 * EPS)) error = Math.max(50 * EPS * absolute, error);
  out.value = kronrod * half;
  out.error = error;
  out.absolute = absolute;
  return out;
}

export interface QuadratureOptions {
  /** Absolute tolerance on the integral. Default 0. */
  readonly absTol?: number;
  /** Tolerance relative to the integral of |f|. Default 1e-12. */
  readonly relTol?: number;
  /** Largest number of panels before giving up. Default 4000. */
  readonly maxPanels?: number;
}

export interface QuadratureResult {
  readonly value: number;
  readonly errorEstimate: number;
  readonly evaluations: number;
  /** False when the tolerance was not met within maxPanels, or f was not finite somewhere. */
  readonly converged: boolean;
  /** The final panels sorted by left end: [left[i], right[i]] with integral value[i]. */
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly panelValue: Float64Array;
}

/** Integrates f over [a, b] (finite, a < b), starting from the partition given by `breakpoints` if any. */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
  breakpoints: readonly number[] = [],
): QuadratureResult {
  functionValue('f', f);
  finiteNumber('a', a);
  finiteNumber('b', b);
  if (!(b > a))
    throw new InvalidArgumentError('b', b, `a finite number greater than a = ${a}`, 'Swap a and b.');
  const absTol = nonNegativeNumber('absTol', options.absTol ?? 0);
  const relTol = nonNegativeNumber('relTol', options.relTol ?? 1e-12);
  const maxPanels = integerInRange('maxPanels', options.maxPanels ?? 4000, 1);
  const cuts = [a, ...breakpoints.filter((x) => x > a && x < b).sort((u, v) => u - v), b];
  return adapt(f, cuts, { absTol, relTol, maxPanels: Math.max(maxPanels, cuts.length - 1) });
}

function adapt(
  f: (x: number) => number,
  cuts: readonly number[],
  tol: { absTol: number; relTol: number; maxPanels: number },
): QuadratureResult {
  const n = tol.maxPanels;
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  const value = new Float64Array(n);
  const error = new Float64Array(n);
  const absolute = new Float64Array(n);
  const estimate: PanelEstimate = { value: 0, error: 0, absolute: 0 };
  let count = 0;
  const place = (i: number, a: number, b: number): void => {
    gaussKronrod15(f, a, b, estimate);
    left[i] = a;
    right[i] = b;
    value[i] = estimate.value;
    error[i] = estimate.error;
    absolute[i] = estimate.absolute;
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1] > cuts[i]) place(count++, cuts[i], cuts[i + 1]);
  }
  let finite = true;
  for (;;) {
    const sums = totals(value, error, absolute, count);
    finite = Number.isFinite(sums.value) && Number.isFinite(sums.error);
    if (!finite || sums.error <= Math.max(tol.absTol, tol.relTol * sums.absolute) || count >= n) break;
    const worst = largestRefinable(left, right, error, count);
    if (worst < 0) break;
    const a = left[worst];
    const b = right[worst];
    const mid = 0.5 * (a + b);
    place(worst, a, mid);
    place(count++, mid, b);
  }
  const sums = totals(value, error, absolute, count);
  const converged = finite && sums.error <= Math.max(tol.absTol, tol.relTol * sums.absolute);
  return {
    ...sorted(left, right, value, count),
    value: sums.value,
    errorEstimate: sums.error,
    evaluations: 15 * count,
    converged,
  };
}

function totals(value: Float64Array, error: Float64Array, absolute: Float64Array, count: number) {
  let v = 0;
  let e = 0;
  let s = 0;
  for (let i = 0; i < count; i++) {
    v += value[i];
    e += error[i];
    s += absolute[i];
  }
  return { value: v, error: e, absolute: s };
}

/** The panel with the largest error that can still be bisected in floating point, or -1. */
function largestRefinable(
  left: Float64Array,
  right: Float64Array,
  error: Float64Array,
  count: number,
): number {
  let worst = -1;
  for (let i = 0; i < count; i++) {
    const width = right[i] - left[i];
    const refinable = width > 8 * EPS * Math.max(Math.abs(left[i]), Math.abs(right[i]), Number.MIN_VALUE);
    if (refinable && (worst < 0 || error[i] > error[worst])) worst = i;
  }
  return worst;
}

function sorted(left: Float64Array, right: Float64Array, value: Float64Array, count: number) {
  const order = Array.from({ length: count }, (_, i) => i).sort((i, j) => left[i] - left[j]);
  return {
    left: Float64Array.from(order, (i) => left[i]),
    right: Float64Array.from(order, (i) => right[i]),
    panelValue: Float64Array.from(order, (i) => value[i]),
  };
}
