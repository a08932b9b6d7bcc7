/**
 * expressionBenchmark: how much faster the generated closure is than mathjs's own compiled evaluation of the
 * same whitelisted expression, measured in the same run (a ratio, so the machine's speed cancels).
 *
 * Target: ratio >= 20. mathjs's `compile().evaluate(scope)` dispatches every operator and function through
 * typed-function (a signature match per call) and reads variables from a scope map, several tens of
 * nanoseconds per node; the closure is one JIT-compiled function of plain float arithmetic, a few
 * nanoseconds per node. A drift of ~10 nodes then differs by well over an order of magnitude; 20 leaves a
 * margin below the typical figure for machine and engine noise. The target is for expressions of
 * arithmetic and elementary functions (the default); where one costly function dominates (erf is two
 * exponentials and two rational functions) the closure cannot be much faster than that function itself,
 * and the ratio drops towards 5.
 */
import { compileExpression } from './compileExpression.js';
import { math } from './mathInstance.js';
import { parseExpression } from './parseExpression.js';

export interface ExpressionBenchmarkOptions {
  /** The expression timed, in x with parameter k = 1.5; default a drift with a sine and a Gaussian. */
  readonly expression?: string;
  /** Evaluations per method and round (5 rounds, the fastest kept); default 100000. */
  readonly evaluations?: number;
}

export interface ExpressionBenchmarkResult {
  readonly expression: string;
  readonly evaluations: number;
  readonly closureNanoseconds: number;
  readonly mathjsNanoseconds: number;
  /** mathjsNanoseconds / closureNanoseconds. */
  readonly ratio: number;
  /** Sums of the values from both methods over the same points: equal up to rounding. */
  readonly closureSum: number;
  readonly mathjsSum: number;
}

const ROUNDS = 5;
const DEFAULT_EXPRESSION = '-k*x + 0.5*sin(x)*exp(-x^2/2)';

export function expressionBenchmark(options: ExpressionBenchmarkOptions = {}): ExpressionBenchmarkResult {
  const expression = options.expression ?? DEFAULT_EXPRESSION;
  const evaluations = options.evaluations ?? 100_000;
  const parsed = parseExpression(expression, { variables: ['x'], parameters: { k: 1.5 } });
  const closure = compileExpression(parsed);
  const compiled = math.parse(parsed.text).compile();
  const scope = new Map<string, number>([['k', 1.5]]);
  const points = Float64Array.from({ length: 1024 }, (_, i) => -3 + (6 * i) / 1023);

  // Alternating rounds, keeping each method's fastest: the least disturbed by other load on the machine.
  let closureNanoseconds = Number.POSITIVE_INFINITY;
  let mathjsNanoseconds = Number.POSITIVE_INFINITY;
  let closureSum = 0;
  let mathjsSum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    closureSum = 0;
    let start = performance.now();
    for (let i = 0; i < evaluations; i++) closureSum += closure(points[i & 1023]);
    closureNanoseconds = Math.min(closureNanoseconds, ((performance.now() - start) * 1e6) / evaluations);
    mathjsSum = 0;
    start = performance.now();
    for (let i = 0; i < evaluations; i++) {
      scope.set('x', points[i & 1023]);
      mathjsSum += compiled.evaluate(scope) as number;
    }
    mathjsNanoseconds = Math.min(mathjsNanoseconds, ((performance.now() - start) * 1e6) / evaluations);
  }
  return {
    expression,
    evaluations,
    closureNanoseconds,
    mathjsNanoseconds,
    ratio: mathjsNanoseconds / closureNanoseconds,
    closureSum,
    mathjsSum,
  };
}
