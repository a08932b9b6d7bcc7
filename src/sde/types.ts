/**
 * The shapes shared by every SDE method: problems are plain data (the seed is part of the problem), methods
 * declare their theory as data, and a stepper advances one state in place without allocating.
 *
 * Noise kinds (state x in R^d):
 * - 'scalar':   one Brownian motion W; diffusion(t, x, out) writes the column g(t, x) in R^d.
 * - 'diagonal': d independent Brownian motions; diffusion writes g_i(t, x), the noise on component i is
 *               g_i dW_i. Milstein's order 1 needs g_i to depend on x_i only (commutative noise).
 * - 'additive': d independent Brownian motions; diffusion writes g_i(t), independent of x.
 * - 'general':  m Brownian motions; diffusion writes the d x m matrix G(t, x) row-major (out[i*m + j]).
 */
export type NoiseKind = 'scalar' | 'diagonal' | 'additive' | 'general';
export type Interpretation = 'ito' | 'stratonovich';

/** f(t, x) -> out; `out` has length d and must be fully written. */
export type VectorField = (t: number, x: Float64Array, out: Float64Array) => void;

export interface SdeProblem {
  /** Drift a(t, x). */
  readonly drift: VectorField;
  /** Diffusion, laid out according to `noise`. */
  readonly diffusion: VectorField;
  /**
   * For Milstein: scalar noise writes (g . grad) g_i, i.e. sum_j g_j dg_i/dx_j; diagonal noise writes
   * dg_i/dx_i. Omit it and Milstein refuses the problem (the expression layer derives it symbolically).
   */
  readonly diffusionDerivative?: VectorField;
  readonly noise: NoiseKind;
  /** Number of Brownian motions for 'general' noise; for the other kinds it follows from the kind. */
  readonly brownianDim?: number;
  readonly interpretation: Interpretation;
  readonly x0: Float64Array;
  readonly t0: number;
  readonly t1: number;
  readonly seed: number;
  /**
   * Declares that the noise columns commute, L^j g^k = L^k g^j with L^j = sum_l G_lj d/dx_l. Scalar, additive
   * and diagonal noise (g_i of x_i only) commute by construction; for 'general' noise only the problem's author
   * knows, and methods such as the stochastic Heun method reach a higher strong order when it holds.
   */
  readonly commutativeNoise?: boolean;
  /**
   * Declares, for a one-dimensional problem (x0 of length 1), that drift and diffusion act componentwise on
   * arrays of any length n: drift(t, x, out) then writes out[i] = a(t, x[i]) for every i < n, and likewise
   * for the diffusion, each entry the same float the length-1 call gives. Ensembles then advance blocks of
   * paths with one drift call per step. Default false. A problem built by spreading another and replacing its
   * drift or diffusion inherits the flag: set it again to match the new closures.
   *
   * Such a drift's loop is the hot loop of the ensemble. Read the constants it captures into local variables
   * before the loop: once a second closure of the same source exists in a thread (a second problem built by the
   * same factory, as every run on a reused worker builds one), V8 no longer folds captured values into the
   * compiled loop and reloads and checks them for every element. On the benchmark problem a reused worker took
   * 1.20 times the main thread's time for the same run with the constants captured (median of 54 alternating
   * pairs), and 0.97 times with them in locals (24 pairs), when other causes since removed slowed both threads.
   */
  readonly elementwise?: boolean;
}

/** A method states its own theory; convergence checks are generated from these declarations. */
export interface SdeMethod {
  readonly name: string;
  readonly strongOrder: number;
  readonly weakOrder: number;
  readonly interpretation: Interpretation;
  readonly noise: readonly NoiseKind[];
  /** Strong orders that differ from `strongOrder` for some noise kinds (Euler–Maruyama: 1 on additive noise). */
  readonly strongOrderByNoise?: Readonly<Partial<Record<NoiseKind, number>>>;
  /** Weak orders that differ from `weakOrder` for some noise kinds (stochastic Heun: 2 on additive noise). */
  readonly weakOrderByNoise?: Readonly<Partial<Record<NoiseKind, number>>>;
  /** Strong order on 'general' noise when the problem declares `commutativeNoise` (stochastic Heun: 1). */
  readonly commutativeStrongOrder?: number;
  /** Whether the stepper needs the time integral Z = int_t^{t+h} (W_s - W_t) ds of each Brownian motion. */
  readonly needsTimeIntegral: boolean;
  /** Allocates the scratch for one problem; throws UnsupportedProblemError for a noise kind it lacks. */
  createStepper(problem: SdeProblem): SdeStepper;
}

export interface SdeStepper {
  /**
   * Advances x (length d) in place from t to t + dt. dW holds the m Brownian increments over the step;
   * dZ, when the method needs it, the m time integrals int (W_s - W_t) ds over the step.
   */
  step(t: number, x: Float64Array, dt: number, dW: Float64Array, dZ: Float64Array | undefined): void;
}
