/**
 * The cost of full-matrix gradient flow through every plateau of a deep linear network from small random
 * initialization: depth 4, width 64, dIn = dOut = 8, teacher singular values (4, 2, 1), per-layer scale ε = 1e-3
 * (the 'scaled' init), integrated by gradientFlowEscapes with the stiff solver until every mode is learned.
 *
 * The plateaus last ~ ε^{−(L−2)}, so fixed-step gradient descent needs ~ ε^{−2} steps: 10⁴ times more at
 * ε = 1e-4 than at ε = 1e-2. The stiff solver steps at the pace of the slow dynamics on a plateau, so its cost
 * should grow far less; the benchmark runs both ends and reports the ratio of their work (right-hand sides plus
 * Hessian-vector products, each about a gradient's cost) and of their CPU time.
 */
import { squareProblem } from '../networks/squareProblem.js';
import { integerInRange, positiveNumber, seedValue } from '../validate.js';
import { gradientFlowEscapes } from './gradientFlowEscapes.js';

export interface DlnGradientFlowBenchmarkOptions {
  readonly depth?: number;
  readonly width?: number;
  /** dIn = dOut (default 8). */
  readonly dims?: number;
  readonly singularValues?: readonly number[];
  /** The main run's per-layer scale (default 1e-3). */
  readonly eps?: number;
  /** The two scales whose costs are compared (default [1e-4, 1e-2]). */
  readonly epsPair?: readonly [number, number];
  /** Relative tolerance of the solves (default 1e-6). */
  readonly rtol?: number;
  readonly seed?: number;
}

export interface DlnGradientFlowRun {
  readonly eps: number;
  readonly status: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly rhsEvaluations: number;
  readonly hessianProducts: number;
  readonly steps: number;
  readonly rejected: number;
  /** Time each mode reached half its singular value, and the time all were learned (90%). */
  readonly escapeTimes: (number | null)[];
  readonly learnedTime: number | null;
}

export interface DlnGradientFlowBenchmark {
  readonly configuration: Required<Omit<DlnGradientFlowBenchmarkOptions, 'epsPair'>> & {
    readonly epsPair: readonly [number, number];
    readonly method: string;
  };
  readonly main: DlnGradientFlowRun;
  readonly small: DlnGradientFlowRun;
  readonly large: DlnGradientFlowRun;
  /** (rhs + Hessian products) at the smaller ε over the same at the larger. */
  readonly workRatio: number;
  readonly cpuRatio: number;
  /** Ratio of the times to learn everything: the ratio of the steps fixed-step gradient descent would need. */
  readonly fixedStepRatio: number;
}

export function dlnGradientFlowBenchmark(
  options: DlnGradientFlowBenchmarkOptions = {},
): DlnGradientFlowBenchmark {
  const setup = {
    depth: integerInRange('depth', options.depth ?? 4, 3, 16),
    width: integerInRange('width', options.width ?? 64, 1),
    dims: integerInRange('dims', options.dims ?? 8, 1),
    singularValues: options.singularValues ?? [4, 2, 1],
    rtol: positiveNumber('rtol', options.rtol ?? 1e-6),
    seed: seedValue('seed', options.seed ?? 1),
  };
  const eps = positiveNumber('eps', options.eps ?? 1e-3);
  const epsPair = options.epsPair ?? [1e-4, 1e-2];
  const main = benchmarkRun(setup, eps);
  const small = benchmarkRun(setup, positiveNumber('epsPair[0]', epsPair[0]));
  const large = benchmarkRun(setup, positiveNumber('epsPair[1]', epsPair[1]));
  const work = (r: DlnGradientFlowRun) => r.rhsEvaluations + r.hessianProducts;
  return {
    configuration: { ...setup, eps, epsPair, method: 'ros34pw2' },
    main,
    small,
    large,
    workRatio: work(small) / work(large),
    cpuRatio: small.cpuSeconds / large.cpuSeconds,
    fixedStepRatio: (small.learnedTime ?? Number.NaN) / (large.learnedTime ?? Number.NaN),
  };
}

interface BenchmarkSetup {
  readonly depth: number;
  readonly width: number;
  readonly dims: number;
  readonly singularValues: readonly number[];
  readonly rtol: number;
  readonly seed: number;
}

/** One timed run through every plateau at per-layer scale `eps`. */
function benchmarkRun(setup: BenchmarkSetup, eps: number): DlnGradientFlowRun {
  const { depth, width, dims, singularValues, rtol, seed } = setup;
  const { teacher, net } = squareProblem({ depth, width, dims, singularValues, eps }, seed);
  // A horizon far past the weakest mode's escape on the per-mode law; the "all learned" event ends the run.
  const t1 = (100 * eps ** (2 - depth)) / ((depth - 2) * Math.min(...teacher.s));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = gradientFlowEscapes(net, teacher, { t1, stiff: true, rtol, atol: rtol * eps });
  const used = process.cpuUsage(cpu);
  return {
    eps,
    status: result.learnedTime === null ? `${result.status} (not every mode learned)` : result.status,
    wallSeconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    rhsEvaluations: result.rhsEvaluations,
    hessianProducts: result.hessianProducts,
    steps: result.steps,
    rejected: result.rejected,
    escapeTimes: result.escapeTimes,
    learnedTime: result.learnedTime,
  };
}
