/**
 * The whitelist of functions an expression may call, with the implementation the compiled closure and the
 * evaluator both use (one source of truth, so they cannot disagree).
 *
 * The list: exponentials and logarithms (exp, expm1, log, log1p, log2, log10), roots (sqrt, cbrt), the six
 * trigonometric functions and their hyperbolic versions (sin, cos, tan, sec, csc, cot, sinh, cosh, tanh,
 * sech, csch, coth), the inverse functions with one standard real branch (asin, acos, atan, asinh, acosh,
 * atanh), erf, and the non-smooth abs, sign, min, max. pow(a, b) and log(a, b) are accepted and rewritten as
 * a ^ b and log(a) / log(b). Each is smooth on the interior of its real domain except abs, sign, min, max.
 * The derivative of every listed function is again a combination of listed functions (tan' = sec^2,
 * tanh' = sech^2, cot' = -csc^2, erf' = 2 exp(-u^2)/sqrt(pi), abs' = sign, ...), so derivatives stay
 * compilable. Left out: acot, asec, acsc and their hyperbolic versions (their real branches disagree between
 * conventions and jump), atan2 and hypot (two-argument, rarely needed), gamma and the special functions whose
 * derivatives leave the list.
 */
import { erf } from './erf.js';

export const FUNCTION_NAMES = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'sqrt',
  'cbrt',
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'sinh',
  'cosh',
  'tanh',
  'sech',
  'csch',
  'coth',
  'asin',
  'acos',
  'atan',
  'asinh',
  'acosh',
  'atanh',
  'erf',
  'abs',
  'sign',
  'min',
  'max',
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Smooth on the interior of its domain (false for the piecewise abs, sign, min, max). */
  readonly smooth: boolean;
  readonly impl: (...args: number[]) => number;
  /** For a Math builtin, its name, so compiled code calls Math.<name> directly (V8 inlines those). */
  readonly builtin?: string;
}

const MAX_ARGS = 64;
type MathName =
  | 'exp'
  | 'expm1'
  | 'log'
  | 'log1p'
  | 'log2'
  | 'log10'
  | 'sqrt'
  | 'cbrt'
  | 'sin'
  | 'cos'
  | 'tan';
type MathName2 = 'sinh' | 'cosh' | 'tanh' | 'asin' | 'acos' | 'atan' | 'asinh' | 'acosh' | 'atanh';
const builtin = (name: MathName | MathName2): FunctionSpec => ({
  minArgs: 1,
  maxArgs: 1,
  smooth: true,
  impl: Math[name],
  builtin: name,
});
const unary = (impl: (u: number) => number): FunctionSpec => ({ minArgs: 1, maxArgs: 1, smooth: true, impl });
const piecewise = (name: 'abs' | 'sign' | 'min' | 'max', minArgs: number, maxArgs: number): FunctionSpec => ({
  minArgs,
  maxArgs,
  smooth: false,
  impl: Math[name],
  builtin: name,
});

const SPECS: Record<FunctionName, FunctionSpec> = {
  exp: builtin('exp'),
  expm1: builtin('expm1'),
  log: builtin('log'),
  log1p: builtin('log1p'),
  log2: builtin('log2'),
  log10: builtin('log10'),
  sqrt: builtin('sqrt'),
  cbrt: builtin('cbrt'),
  sin: builtin('sin'),
  cos: builtin('cos'),
  tan: builtin('tan'),
  sec: unary((u) => 1 / Math.cos(u)),
  csc: unary((u) => 1 / Math.sin(u)),
  cot: unary((u) => 1 / Math.tan(u)),
  sinh: builtin('sinh'),
  cosh: builtin('cosh'),
  tanh: builtin('tanh'),
  sech: unary((u) => 1 / Math.cosh(u)),
  csch: unary((u) => 1 / Math.sinh(u)),
  coth: unary((u) => 1 / Math.tanh(u)),
  asin: builtin('asin'),
  acos: builtin('acos'),
  atan: builtin('atan'),
  asinh: builtin('asinh'),
  acosh: builtin('acosh'),
  atanh: builtin('atanh'),
  erf: unary(erf),
  abs: piecewise('abs', 1, 1),
  sign: piecewise('sign', 1, 1),
  min: piecewise('min', 2, MAX_ARGS),
  max: piecewise('max', 2, MAX_ARGS),
};

const TABLE: ReadonlyMap<string, FunctionSpec> = new Map(Object.entries(SPECS));

/** The spec of a whitelisted function, or undefined (an own-entry lookup: 'constructor' is not found). */
export function functionSpec(name: string): FunctionSpec | undefined {
  return TABLE.get(name);
}

export function isFunctionName(name: string): name is FunctionName {
  return TABLE.has(name);
}

/** The named constants an expression may use besides its declared names. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);
