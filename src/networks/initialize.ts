/**
 * Initializations of a deep linear network, as data (so a configuration file can name one):
 *
 * - jacot:   every entry N(0, σ²) with σ² = w^{−γ}, w the largest hidden width (JACOT's setting: γ < 1 lazy,
 *            γ > 1 saddle-to-saddle).
 * - scaled:  entries ε·N(0, 1)/√fan_in with fan_in = n_{l−1}: E‖W_l x‖² = ε² (n_l/n_{l−1}) ‖x‖², a gain of ε
 *            per square layer, and E‖W x‖² = ε^{2L} (dOut/dIn) ‖x‖² end to end ("per-layer scale ε").
 * - aligned: aligned and balanced with per-layer scale a_i for teacher mode i (one ε for all modes, or one per
 *            mode): W_1 = Σ_i a_i e_i v_iᵀ, W_l = Σ_i a_i e_i e_iᵀ (1 < l < L), W_L = Σ_i a_i u_i e_iᵀ, so that
 *            W = Σ_i a_i^L u_i v_iᵀ and mode i starts at strength u_i(0) = a_i^L. Needs every width ≥ r.
 * - he:      entries N(0, 2/fan_in) (He et al. 2015).
 * - glorot:  entries N(0, 2/(fan_in + fan_out)) (Glorot & Bengio 2010, normal variant).
 * - zeros:   the origin, a saddle of every order.
 *
 * Random kinds draw layer l from randomStream(seed, path, l − 1).
 */
import { InvalidArgumentError } from '../errors.js';
import { randomStream } from '../random/stream.js';
import { finiteNumber, integerInRange, positiveNumber, seedValue } from '../validate.js';
import type { DeepLinearShape } from './deepLinearShape.js';
import { layerViews } from './deepLinearShape.js';
import type { Teacher } from './teacher.js';

interface Seeded {
  readonly seed: number;
  readonly path?: number;
}

export type DeepLinearInit =
  | ({ readonly kind: 'jacot'; readonly gamma: number } & Seeded)
  | ({ readonly kind: 'scaled'; readonly eps: number } & Seeded)
  | ({ readonly kind: 'he' } & Seeded)
  | ({ readonly kind: 'glorot' } & Seeded)
  | { readonly kind: 'aligned'; readonly eps: number | readonly number[]; readonly teacher: Teacher }
  | { readonly kind: 'zeros' };

const KINDS = ['jacot', 'scaled', 'he', 'glorot', 'aligned', 'zeros'];

/** A new parameter vector for `shape` drawn or built according to `init`. */
export function initialize(shape: DeepLinearShape, init: DeepLinearInit): Float64Array {
  const kind = (init as { kind?: unknown })?.kind;
  switch (kind) {
    case 'jacot': {
      const gamma = finiteNumber('gamma', (init as { gamma: unknown }).gamma);
      const width = Math.max(...shape.dims.slice(1, -1));
      return gaussianLayers(shape, init as Seeded, () => width ** (-gamma / 2));
    }
    case 'scaled': {
      const eps = positiveNumber('eps', (init as { eps: unknown }).eps);
      return gaussianLayers(shape, init as Seeded, (fanIn) => eps / Math.sqrt(fanIn));
    }
    case 'he':
      return gaussianLayers(shape, init as Seeded, (fanIn) => Math.sqrt(2 / fanIn));
    case 'glorot':
      return gaussianLayers(shape, init as Seeded, (fanIn, fanOut) => Math.sqrt(2 / (fanIn + fanOut)));
    case 'aligned':
      return alignedBalanced(shape, init as Extract<DeepLinearInit, { kind: 'aligned' }>);
    case 'zeros':
      return new Float64Array(shape.size);
    default:
      throw new InvalidArgumentError('init.kind', kind, `one of ${KINDS.join(', ')}`);
  }
}

/** Layer l has independent N(0, std(fan_in, fan_out)²) entries from stream (seed, path, l − 1). */
function gaussianLayers(
  shape: DeepLinearShape,
  init: Seeded,
  std: (fanIn: number, fanOut: number) => number,
): Float64Array {
  const seed = seedValue('init.seed', init.seed);
  const path = integerInRange('init.path', init.path ?? 0, 0);
  const theta = new Float64Array(shape.size);
  layerViews(shape, theta).forEach((layer, i) => {
    randomStream(seed, path, i).fillNormal(layer.data, std(layer.cols, layer.rows));
  });
  return theta;
}

function modeScales(eps: unknown, r: number): number[] {
  if (typeof eps === 'number') return Array.from({ length: r }, () => positiveNumber('eps', eps));
  if (!Array.isArray(eps) || eps.length !== r) {
    throw new InvalidArgumentError('eps', eps, `a number > 0 or an array of ${r} numbers > 0 (one per mode)`);
  }
  return eps.map((a, i) => positiveNumber(`eps[${i}]`, a));
}

function alignedBalanced(shape: DeepLinearShape, init: { eps: unknown; teacher: Teacher }): Float64Array {
  const teacher = init.teacher;
  if (teacher?.w?.rows !== shape.dOut || teacher.w.cols !== shape.dIn) {
    throw new InvalidArgumentError('init.teacher', teacher, `a teacher mapping ${shape.dIn} → ${shape.dOut}`);
  }
  const r = teacher.s.length;
  const narrowest = Math.min(...shape.dims.slice(1, -1));
  if (narrowest < r) {
    throw new InvalidArgumentError(
      'width',
      narrowest,
      `at least the number of teacher modes (${r}) in every hidden layer`,
      'Widen the network or drop modes from the teacher.',
    );
  }
  const a = modeScales(init.eps, r);
  const theta = new Float64Array(shape.size);
  const layers = layerViews(shape, theta);
  const last = layers.length - 1;
  for (let i = 0; i < r; i++) {
    const first = layers[0];
    for (let j = 0; j < shape.dIn; j++) first.data[i * first.cols + j] = a[i] * teacher.v.data[j * r + i];
    for (let l = 1; l < last; l++) layers[l].data[i * layers[l].cols + i] = a[i];
    const top = layers[last];
    for (let j = 0; j < shape.dOut; j++) top.data[j * top.cols + i] = a[i] * teacher.u.data[j * r + i];
  }
  return theta;
}
