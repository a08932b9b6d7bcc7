/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x) for real x that is not 0 or a negative integer.
 *
 * For x > 0 the recurrence ψ(x) = ψ(x + 1) − 1/x moves the argument to x ≥ 10, where the asymptotic series
 *   ψ(x) = ln x − 1/(2x) − Σ_{k≥1} B_{2k} / (2k x^{2k})
 * truncated after seven terms is accurate to about 1e-17 (the first omitted term is 3617/(8160 x^16)).
 * For x < 0 the reflection formula ψ(x) = ψ(1 − x) − π cot(πx) applies.
 */
import { InvalidArgumentError } from '../errors.js';

/** B_{2k}/(2k) for k = 1..7, the coefficients of x^{−2k} in the asymptotic series. */
const ASYMPTOTIC = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

/** ψ(x); throws InvalidArgumentError at the poles 0, −1, −2, … and for non-finite x. */
export function digamma(x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || (x <= 0 && Number.isInteger(x))) {
    throw new InvalidArgumentError(
      'x',
      x,
      'a finite number that is not 0 or a negative integer (the poles of ψ)',
    );
  }
  if (x < 0) return digammaPositive(1 - x) - Math.PI / Math.tan(Math.PI * x);
  return digammaPositive(x);
}

function digammaPositive(x: number): number {
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift += 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  let series = 0;
  for (let k = ASYMPTOTIC.length - 1; k >= 0; k--) series = (series + ASYMPTOTIC[k]) * inv2;
  return Math.log(y) - 0.5 / y - series - shift;
}
