/**
 * The error for an expression the toolkit refuses: unknown symbols, functions or operators outside the
 * whitelist, assignments, syntax errors, limits. The message quotes the offending part and, when it can be
 * found in the text, its column, so the command line can print one line that says what to change.
 */
import { SaddlecheckError } from '../errors.js';

export interface ExpressionProblem {
  /** The text of the whole expression. */
  readonly expression: string;
  /** The offending part (a symbol, a function name, an operator, a sub-expression). */
  readonly part: string;
  /** What is wrong with the part, e.g. "unknown symbol". */
  readonly problem: string;
  /** What is allowed instead (declared names, the list of functions, ...). */
  readonly allowed: string;
  /** How to fix it. */
  readonly fix?: string;
  /** Zero-based index of the part in `expression`; located in the text when omitted. */
  readonly position?: number;
}

const EXCERPT_LENGTH = 80;

export class ExpressionError extends SaddlecheckError {
  override readonly name: string = 'ExpressionError';
  readonly expression: string;
  readonly part: string;
  /** Zero-based index of `part` in `expression`, or undefined when it cannot be located. */
  readonly position: number | undefined;

  constructor(details: ExpressionProblem) {
    const position = details.position ?? locatePart(details.expression, details.part);
    const where = position === undefined ? '' : ` at column ${position + 1}`;
    const fix = details.fix ? ` ${details.fix}` : '';
    super(
      `${details.problem} '${details.part}'${where} in '${excerpt(details.expression, position)}'; ` +
        `${details.allowed}.${fix}`,
    );
    this.expression = details.expression;
    this.part = details.part;
    this.position = position;
  }
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u;

function isIdentifierChar(ch: string | undefined): boolean {
  return ch !== undefined && IDENTIFIER_CHAR.test(ch);
}

/**
 * Zero-based index of the first occurrence of `part` in `text`; a part that is an identifier must stand as a
 * whole word (so 'x' is not found inside 'exp'). Undefined when the part does not occur.
 */
export function locatePart(text: string, part: string): number | undefined {
  if (part.length === 0) return undefined;
  const wholeWord = isIdentifierChar(part[0]) && isIdentifierChar(part[part.length - 1]);
  let from = 0;
  for (;;) {
    const at = text.indexOf(part, from);
    if (at < 0) return undefined;
    const before = text[at - 1];
    const after = text[at + part.length];
    if (!wholeWord || (!isIdentifierChar(before) && !isIdentifierChar(after))) return at;
    from = at + 1;
  }
}

/** The expression, or for a long one the window of it around `position`. */
function excerpt(expression: string, position: number | undefined): string {
  if (expression.length <= EXCERPT_LENGTH) return expression;
  const start = Math.max(
    0,
    Math.min((position ?? 0) - EXCERPT_LENGTH / 2, expression.length - EXCERPT_LENGTH),
  );
  const head = start > 0 ? '...' : '';
  const tail = start + EXCERPT_LENGTH < expression.length ? '...' : '';
  return `${head}${expression.slice(start, start + EXCERPT_LENGTH)}${tail}`;
}
