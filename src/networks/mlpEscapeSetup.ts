/**
 * The experiment behind a network escape time, as plain data: an MLP with r bottleneck layers at scale ε, a
 * linear teacher W* = U diag(s) Vᵀ labelling a fixed Gaussian sample, the initial point (on the permutation-
 * symmetric manifold, aligned with the leading mode of Ĉ = E_N[y xᵀ], or He-normal) and the escape criterion.
 *
 * On the manifold with the bottlenecks first, every pre-activation is small near the saddle, σ acts as σ'(0)·z,
 * and the bottleneck magnitude y (each bottleneck layer's Frobenius norm) obeys ẏ = Γ y^{r−1} with
 *   Γ = |σ'(0)|^{L−1} c^{L−r} s_1(Ĉ)
 * (c the gain of the other layers), the rate of the scalar law. A negative σ'(0)^{L−1} is absorbed by flipping û.
 * The law needs σ smooth at 0 with σ(0) = 0: for class D (σ(0) ≠ 0) the hidden units sit at σ(0) whatever ε is,
 * and the rate is reported as null, as it is for other bottleneck positions.
 */
import { InvalidArgumentError } from '../errors.js';
import { oneOf, positiveNumber, seedValue } from '../validate.js';
import type { Activation } from './activations.js';
import { bottleneckLayers, type Mlp, mlp } from './mlp.js';
import { type MlpTeacher, type RegressionData, teacherData } from './mlpData.js';
import { heNormalInit, leadingMode, manifoldInit } from './mlpInit.js';
import { createTeacher } from './teacher.js';

export type EscapeInit = 'manifold' | 'he';
export const ESCAPE_INITS: readonly EscapeInit[] = ['manifold', 'he'];

export interface NetworkEscapeOptions {
  /** An Activation, a built-in name or a mathjs expression in z. */
  readonly activation: Activation | string;
  readonly depth: number;
  /** Number r of bottleneck layers. */
  readonly bottleneck: number;
  readonly eps: number;
  readonly seed: number;
  /** Hidden width; default 16. */
  readonly width?: number;
  /** Default 'manifold'. */
  readonly init?: EscapeInit;
  /** Escape when the bottleneck magnitude reaches ϑ (default 0.1 on the manifold). */
  readonly threshold?: number;
  /** Escape when the loss has dropped by this fraction of its initial value (default 0.1 for He init). */
  readonly lossDrop?: number;
  /** Input and output dimensions; default 4 and 1. */
  readonly dIn?: number;
  readonly dOut?: number;
  /** Singular values of the default linear teacher W* (Haar singular vectors from the seed); default [1]. */
  readonly singularValues?: readonly number[];
  /** Another teacher: a linear Teacher, a teacher network or a function of x (its dIn, dOut win). */
  readonly teacher?: MlpTeacher;
  /** Size of the Gaussian sample; default 256. */
  readonly sampleSize?: number;
  /** Frobenius norm of the non-bottleneck layers on the manifold; default 1. */
  readonly gain?: number;
  readonly bottleneckLayers?: readonly number[];
}

export type EscapeCriterion =
  | { readonly kind: 'magnitude'; readonly threshold: number }
  | { readonly kind: 'loss'; readonly drop: number };

export interface EscapeSetup {
  readonly network: Mlp;
  readonly data: RegressionData;
  readonly theta0: Float64Array;
  readonly init: EscapeInit;
  readonly eps: number;
  readonly bottleneck: number;
  readonly layers: readonly number[];
  readonly criterion: EscapeCriterion;
  /** Γ of the scalar law when it applies (manifold, bottlenecks first, σ smooth, σ(0) = 0 ≠ σ'(0)); else null. */
  readonly rate: number | null;
}

export function escapeSetup(options: NetworkEscapeOptions): EscapeSetup {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(
      'options',
      options,
      'an object {activation, depth, bottleneck, eps, seed, ...}',
    );
  }
  const init = oneOf('init', options.init ?? 'manifold', ESCAPE_INITS);
  const eps = positiveNumber('eps', options.eps);
  const seed = seedValue('seed', options.seed);
  const dIn = teacherInput(options.teacher) ?? options.dIn ?? 4;
  const network = mlp({
    dIn,
    dOut: teacherOutput(options.teacher) ?? options.dOut ?? 1,
    depth: options.depth,
    width: options.width ?? 16,
    activation: options.activation,
  });
  const layers = bottleneckLayers(network.shape.depth, options.bottleneck, options.bottleneckLayers);
  const teacher =
    options.teacher ??
    createTeacher({ dIn, dOut: network.shape.dOut, singularValues: options.singularValues ?? [1], seed });
  const data = teacherData(teacher, dIn, options.sampleSize ?? 256, seed);
  const criterion = escapeCriterion(init, options);
  const base = { network, data, init, eps, bottleneck: layers.length, layers, criterion };
  if (init === 'he') return { ...base, theta0: heNormalInit(network, { ...options, seed }), rate: null };
  const gain = positiveNumber('gain', options.gain ?? 1);
  const mode = leadingMode(data);
  const slope = network.activation.derivative(0);
  const sign = slope ** (network.shape.depth - 1) < 0 ? -1 : 1;
  const outputDirection = mode.u.map((x) => sign * x);
  const theta0 = manifoldInit(network, { ...options, gain, inputDirection: mode.v, outputDirection });
  const applies =
    layers.every((l, i) => l === i + 1) &&
    network.activation.smoothAtZero &&
    network.activation.sigma(0) === 0;
  const rate =
    Math.abs(slope) ** (network.shape.depth - 1) * gain ** (network.shape.depth - layers.length) * mode.s;
  return { ...base, theta0, rate: applies && rate > 0 ? rate : null };
}

function escapeCriterion(init: EscapeInit, options: NetworkEscapeOptions): EscapeCriterion {
  if (options.threshold !== undefined && options.lossDrop !== undefined) {
    throw new InvalidArgumentError(
      'threshold and lossDrop',
      { threshold: options.threshold, lossDrop: options.lossDrop },
      'one escape criterion, not both',
      'Give either a magnitude threshold ϑ or a loss drop fraction.',
    );
  }
  if (options.lossDrop !== undefined || (init === 'he' && options.threshold === undefined)) {
    const drop = positiveNumber('lossDrop', options.lossDrop ?? 0.1);
    if (drop >= 1) throw new InvalidArgumentError('lossDrop', drop, 'a fraction in (0, 1)');
    return { kind: 'loss', drop };
  }
  const threshold = positiveNumber('threshold', options.threshold ?? 0.1);
  if (!(threshold > options.eps)) {
    throw new InvalidArgumentError(
      'threshold',
      threshold,
      `a magnitude greater than eps = ${options.eps}`,
      'Give a threshold above eps (its default is 0.1).',
    );
  }
  return { kind: 'magnitude', threshold };
}

function teacherInput(teacher: MlpTeacher | undefined): number | undefined {
  if (teacher === undefined || 'fn' in teacher) return undefined;
  return 'network' in teacher ? teacher.network.shape.dIn : teacher.dIn;
}

function teacherOutput(teacher: MlpTeacher | undefined): number | undefined {
  if (teacher === undefined) return undefined;
  return 'network' in teacher ? teacher.network.shape.dOut : teacher.dOut;
}
