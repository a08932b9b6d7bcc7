/**
 * Random expressions for property tests: each comes as text (fully parenthesized, so the order of
 * operations is fixed) together with a reference function written directly with Math, performing the same
 * floating-point operations in the same order.
 */
import fc from 'fast-check';
import { erf } from '../../src/expressions/erf.js';

export interface GeneratedExpression {
  readonly text: string;
  /** The same formula evaluated with Math; k is the parameter. */
  readonly reference: (x: number, y: number, k: number) => number;
}

type Unary = readonly [string, (u: number) => number];

/** Functions smooth on the whole real line with modest derivatives (for derivative checks). */
export const SMOOTH_UNARY: readonly Unary[] = [
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tanh', Math.tanh],
  ['atan', Math.atan],
  ['asinh', Math.asinh],
  ['erf', erf],
  ['sech', (u) => 1 / Math.cosh(u)],
];

/** Every one-argument whitelisted function, with its Math form. */
export const ALL_UNARY: readonly Unary[] = [
  ...SMOOTH_UNARY,
  ['exp', Math.exp],
  ['expm1', Math.expm1],
  ['log', Math.log],
  ['log1p', Math.log1p],
  ['log2', Math.log2],
  ['log10', Math.log10],
  ['sqrt', Math.sqrt],
  ['cbrt', Math.cbrt],
  ['tan', Math.tan],
  ['sec', (u) => 1 / Math.cos(u)],
  ['csc', (u) => 1 / Math.sin(u)],
  ['cot', (u) => 1 / Math.tan(u)],
  ['sinh', Math.sinh],
  ['cosh', Math.cosh],
  ['csch', (u) => 1 / Math.sinh(u)],
  ['coth', (u) => 1 / Math.tanh(u)],
  ['asin', Math.asin],
  ['acos', Math.acos],
  ['acosh', Math.acosh],
  ['atanh', Math.atanh],
  ['abs', Math.abs],
  ['sign', Math.sign],
];

type Binary = readonly [string, (a: number, b: number) => number];
const ARITHMETIC: readonly Binary[] = [
  ['+', (a, b) => a + b],
  ['-', (a, b) => a - b],
  ['*', (a, b) => a * b],
];
const ALL_BINARY: readonly Binary[] = [...ARITHMETIC, ['/', (a, b) => a / b], ['^', Math.pow]];

const constant = fc.double({ min: -3, max: 3, noNaN: true }).map(
  (c): GeneratedExpression => ({
    text: c < 0 || Object.is(c, -0) ? `(${c === 0 ? '-0' : c})` : String(c),
    reference: () => c,
  }),
);

const leaf = (twoVariables: boolean): fc.Arbitrary<GeneratedExpression> =>
  fc.oneof(
    fc.constant<GeneratedExpression>({ text: 'x', reference: (x) => x }),
    fc.constant<GeneratedExpression>({ text: 'k', reference: (_x, _y, k) => k }),
    ...(twoVariables ? [fc.constant<GeneratedExpression>({ text: 'y', reference: (_x, y) => y })] : []),
    constant,
  );

export interface GeneratorOptions {
  readonly depth: number;
  readonly unary: readonly Unary[];
  /** Allow / and ^ and min/max (values may then be NaN or infinite). */
  readonly wild: boolean;
  readonly twoVariables: boolean;
}

export function expressionArbitrary(options: GeneratorOptions): fc.Arbitrary<GeneratedExpression> {
  const base = leaf(options.twoVariables);
  if (options.depth === 0) return base;
  const sub = expressionArbitrary({ ...options, depth: options.depth - 1 });
  const binaries = options.wild ? ALL_BINARY : ARITHMETIC;
  const unary = fc.tuple(fc.constantFrom(...options.unary), sub).map(
    ([[name, f], a]): GeneratedExpression => ({
      text: `${name}(${a.text})`,
      reference: (x, y, k) => f(a.reference(x, y, k)),
    }),
  );
  const binary = fc.tuple(fc.constantFrom(...binaries), sub, sub).map(
    ([[op, f], a, b]): GeneratedExpression => ({
      text: `(${a.text} ${op} ${b.text})`,
      reference: (x, y, k) => f(a.reference(x, y, k), b.reference(x, y, k)),
    }),
  );
  const negate = sub.map(
    (a): GeneratedExpression => ({ text: `(-(${a.text}))`, reference: (x, y, k) => -a.reference(x, y, k) }),
  );
  const extreme = fc
    .tuple(fc.constantFrom(['min', Math.min] as const, ['max', Math.max] as const), sub, sub)
    .map(
      ([[name, f], a, b]): GeneratedExpression => ({
        text: `${name}(${a.text}, ${b.text})`,
        reference: (x, y, k) => f(a.reference(x, y, k), b.reference(x, y, k)),
      }),
    );
  return fc.oneof(base, unary, binary, negate, ...(options.wild ? [extreme] : []));
}
