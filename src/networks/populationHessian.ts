/**
 * Hessian-vector products of the population loss ℒ(θ) = ½‖W − W*‖² of a deep linear network, exactly (forward-
 * mode differentiation of the gradient, no finite differences), in a few products more than one gradient.
 *
 * With prefixes P_l = W_l⋯W_1 (P_0 = I), residual E = P_L − W*, back-propagated B_L = E, B_{l−1} = W_lᵀ B_l, the
 * gradient is ∇_{W_l} = B_l P_{l−1}ᵀ. Differentiating along a direction V = (V_1, …, V_L):
 *   dP_1 = V_1,   dP_l = V_l P_{l−1} + W_l dP_{l−1},   dB_L = dP_L,   dB_{l−1} = V_lᵀ B_l + W_lᵀ dB_l,
 *   H V |_{W_l} = dB_l P_{l−1}ᵀ + B_l dP_{l−1}ᵀ   (for l = 1: dB_1).
 * Every product has dIn as one side, as in LayerProducts. `at(theta)` fixes the point (one forward and one
 * backward pass); `apply(v, out)` then costs about three gradients and allocates nothing, so a Krylov solver
 * can call it many times at one point.
 */
import { type Mat, zeros } from '../linalg/mat.js';
import { matmul, matmulTransA, matmulTransB } from '../linalg/matmul.js';
import { checkParameters, type DeepLinearShape, LayerViewCache, layerViews } from './deepLinearShape.js';
import { PopulationObjective } from './populationLoss.js';
import type { Teacher } from './teacher.js';

export class PopulationHessian {
  private readonly objective: PopulationObjective;
  private readonly views: LayerViewCache;
  /** B_1..B_L at indices 0..L−1 (B_L = E), n_l × dIn. */
  private readonly back: Mat[];
  private readonly dPrefix: Mat[];
  private readonly dBack: Mat[];
  /** One n_l × dIn scratch per layer, for the second term of each sum. */
  private readonly scratch: Mat[];
  /** n_l × n_{l−1} scratch per layer for the two terms of H V at W_l. */
  private readonly term: Mat[];
  /** A copy of the point θ and views of its layers. */
  private readonly point: Float64Array;
  private readonly layers: Mat[];

  constructor(
    readonly shape: DeepLinearShape,
    teacher: Teacher,
  ) {
    this.objective = new PopulationObjective(shape, teacher);
    this.views = new LayerViewCache(shape, 8);
    const perLayer = () => shape.dims.slice(1).map((n) => zeros(n, shape.dIn));
    this.back = perLayer();
    this.dPrefix = perLayer();
    this.dBack = perLayer();
    this.scratch = perLayer();
    this.term = shape.dims.slice(1).map((n, i) => zeros(n, shape.dims[i]));
    this.point = new Float64Array(shape.size);
    this.layers = layerViews(shape, this.point);
  }

  /** Fixes the point θ at which `apply` differentiates; returns ℒ(θ). θ is read, not kept. */
  at(theta: Float64Array): number {
    checkParameters(this.shape, theta);
    this.point.set(theta);
    const loss = this.objective.loss(this.point);
    const depth = this.shape.depth;
    this.back[depth - 1].data.set(this.objective.residual.data);
    for (let l = depth; l >= 2; l--) matmulTransA(this.layers[l - 1], this.back[l - 1], this.back[l - 2]);
    return loss;
  }

  /** out = ∇²ℒ(θ) v at the point of the last `at`; v and out are flat like θ and must not overlap. */
  apply(v: Float64Array, out: Float64Array): void {
    const { depth } = this.shape;
    const prefix = this.objective.products.prefix;
    const w = this.layers;
    const dirs = this.views.get(v);
    const grads = this.views.get(out);
    const { dPrefix, dBack, scratch, back, term } = this;
    dPrefix[0].data.set(dirs[0].data);
    for (let l = 2; l <= depth; l++) {
      matmul(dirs[l - 1], prefix[l - 2], dPrefix[l - 1]);
      matmul(w[l - 1], dPrefix[l - 2], scratch[l - 1]);
      addInto(dPrefix[l - 1], scratch[l - 1]);
    }
    dBack[depth - 1].data.set(dPrefix[depth - 1].data);
    for (let l = depth; l >= 2; l--) {
      matmulTransA(dirs[l - 1], back[l - 1], dBack[l - 2]);
      matmulTransA(w[l - 1], dBack[l - 1], scratch[l - 2]);
      addInto(dBack[l - 2], scratch[l - 2]);
    }
    grads[0].data.set(dBack[0].data);
    for (let l = 2; l <= depth; l++) {
      matmulTransB(dBack[l - 1], prefix[l - 2], grads[l - 1]);
      matmulTransB(back[l - 1], dPrefix[l - 2], term[l - 1]);
      addInto(grads[l - 1], term[l - 1]);
    }
  }
}

function addInto(target: Mat, source: Mat): void {
  const t = target.data;
  const s = source.data;
  for (let i = 0; i < t.length; i++) t[i] += s[i];
}
