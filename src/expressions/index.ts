/** User expressions: parse against a whitelist, compile to closures, differentiate, expand, build SDEs. */
export { type CompiledExpression, compileExpression } from './compileExpression.js';
export { differentiate } from './differentiate.js';
export { ExpressionError, type ExpressionProblem } from './ExpressionError.js';
export { erf } from './erf.js';
export type { BinaryOperator, Expr } from './expr.js';
export { exprToText } from './expr.js';
export {
  type ExpressionBenchmarkOptions,
  type ExpressionBenchmarkResult,
  expressionBenchmark,
} from './expressionBenchmark.js';
export { FUNCTION_NAMES, type FunctionName } from './functions.js';
export { isSmoothAt, type Kink, type SmoothnessReport } from './isSmoothAt.js';
export {
  type ExpressionScope,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  type ParsedExpression,
  parseExpression,
} from './parseExpression.js';
export { type PowerSum, type PowerTerm, powerSum } from './powerSum.js';
export {
  type ExpressionSdeProblem,
  type SdeExpressionOptions,
  sdeFromExpressions,
} from './sdeFromExpressions.js';
export { MAX_TAYLOR_ORDER, type TaylorExpansion, taylorCoefficients } from './taylorCoefficients.js';
