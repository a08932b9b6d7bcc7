/**
 * The universality class of an activation (RAWAL), from φ_σ(z) = zσ'(z) − σ(z) built with the symbolic
 * derivative and expanded at 0. Writing σ = Σ c_k z^k gives φ_σ = Σ (k − 1) c_k z^k: the linear term always
 * cancels and the constant is −σ(0).
 *   D  σ(0) ≠ 0: order 0, leading coefficient −σ(0)          (sigmoid −1/2, softplus −ln 2)
 *   A  φ_σ ≡ 0: order null                                    (linear; ReLU by positive homogeneity)
 *   B  σ(0) = 0, first nonzero term of odd order q            (tanh −2/3, erf −4/(3√π), sin −1/3; q = 3)
 *   C  σ(0) = 0, first nonzero term of even order q           (GELU 1/√(2π), SiLU 1/4; q = 2)
 * A σ that is a sum of powers of z (a polynomial, z^1000) is classified symbolically from its coefficients,
 * since evaluating a high power at 0 or at probe points underflows or overflows. An expression with a kink at
 * 0 (abs, max(z, 0), …), a non-integer power of z or a singular derivative there has no expansion and is
 * reported as 'not-smooth', never forced into a class. The built-in ReLU is class A by positive homogeneity:
 * φ_σ vanishes for every z ≠ 0, although σ is not smooth at 0.
 */
import { UnsupportedProblemError } from '../errors.js';
import { compileExpression } from '../expressions/compileExpression.js';
import { differentiate } from '../expressions/differentiate.js';
import { isSmoothAt } from '../expressions/isSmoothAt.js';
import { parseExpression } from '../expressions/parseExpression.js';
import { type PowerSum, powerSum } from '../expressions/powerSum.js';
import { taylorCoefficients } from '../expressions/taylorCoefficients.js';
import type { Activation } from '../networks/activations.js';
import { builtinActivation, isBuiltinActivation } from '../networks/activationsBuiltin.js';

export type ActivationClassName = 'A' | 'B' | 'C' | 'D' | 'not-smooth';

export interface ActivationClass {
  readonly class: ActivationClassName;
  /** q, the order of φ_σ's first nonzero Taylor term (0 for class D); null for A and not-smooth. */
  readonly order: number | null;
  /** The coefficient of z^q in φ_σ (−σ(0) for class D); null for A and not-smooth. */
  readonly leadingCoefficient: number | null;
  /** φ_σ(z) = zσ'(z) − σ(z) as an expression in z. */
  readonly phi: string;
  /** φ_σ's Taylor coefficients at 0, orders 0..ORDER (empty when not smooth). */
  readonly coefficients: readonly number[];
  /** One sentence: why this class. */
  readonly reason: string;
}

/** Highest order of φ_σ examined: every activation of the paper has q ≤ 3. */
export const PHI_ORDER = 8;
/** Points where a φ_σ with no Taylor term up to PHI_ORDER must also vanish to be class A. */
const PROBES = [-2.7, -1.3, -0.5, 0.5, 1.3, 2.7];

/** The class of a built-in activation (by name or object) or of an expression in z. */
export function activationClass(activation: Activation | string): ActivationClass {
  const builtin = typeof activation === 'string' && isBuiltinActivation(activation);
  const resolved =
    typeof activation === 'string' ? (builtin ? builtinActivation(activation) : null) : activation;
  if (resolved?.positivelyHomogeneous && !resolved.smoothAtZero) return homogeneous(resolved.name);
  return classifyExpression(resolved?.expression ?? (activation as string));
}

function homogeneous(name: string): ActivationClass {
  return {
    class: 'A',
    order: null,
    leadingCoefficient: null,
    phi: '0',
    coefficients: [],
    reason:
      `${name} is positively homogeneous, so φ = zσ′ − σ vanishes for every z ≠ 0 and the imbalance is conserved; ` +
      'it is not smooth at 0, so the class comes from homogeneity, not from a Taylor expansion.',
  };
}

function classifyExpression(text: string): ActivationClass {
  const sigma = parseExpression(text, { variables: ['z'] });
  const phiText = `z * (${differentiate(sigma, 'z').text}) - (${sigma.text})`;
  const phi = parseExpression(phiText, { variables: ['z'] });
  const base = { phi: phiText };
  const kinks = isSmoothAt(sigma, 'z', 0).kinks.filter((k) => k.atPoint);
  if (kinks.length > 0) {
    const where = kinks.map((k) => k.call).join(', ');
    return notSmooth(base, `${where} switches at z = 0, so σ has no Taylor expansion there.`);
  }
  const sum = powerSum(sigma, 'z');
  if (sum !== undefined) return fromPowerSum(base, sum);
  const expansion = taylorCoefficients(phi, 'z', 0, PHI_ORDER);
  const coefficients = Array.from(expansion.coefficients);
  if (!coefficients.every(Number.isFinite)) {
    return notSmooth(base, 'a derivative of σ is infinite or undefined at z = 0.');
  }
  const q = coefficients.findIndex((c) => c !== 0);
  if (q < 0) return vanishing(base, phi, coefficients);
  return fromLeadingTerm(base, q, coefficients[q], coefficients);
}

/** Class D for q = 0, else B or C by the parity of q, from φ's first nonzero term c·z^q. */
function fromLeadingTerm(
  base: { phi: string },
  q: number,
  c: number,
  coefficients: number[],
): ActivationClass {
  if (q === 0) {
    const reason = `σ(0) = ${-c} ≠ 0, so φ(0) = −σ(0) and the imbalance drifts at O(1).`;
    return { ...base, class: 'D', order: 0, leadingCoefficient: c, coefficients, reason };
  }
  const parity = q % 2 === 1 ? 'odd' : 'even';
  return {
    ...base,
    class: q % 2 === 1 ? 'B' : 'C',
    order: q,
    leadingCoefficient: c,
    coefficients,
    reason: `σ(0) = 0 and φ's first nonzero term is ${c}·z^${q}, of ${parity} order.`,
  };
}

/**
 * σ = Σ c_p z^p read symbolically (any p, so z^1000 is decided without evaluating it): φ = Σ (p − 1) c_p z^p
 * exactly. A negative power is a pole at 0; a non-integer power of z has no expansion there.
 */
function fromPowerSum(base: { phi: string }, sum: PowerSum): ActivationClass {
  if (sum.kind === 'not-smooth')
    return notSmooth(base, `${sum.reason}, so σ has no Taylor expansion at z = 0.`);
  const pole = sum.terms.find((t) => t.power < 0);
  if (pole !== undefined) {
    return notSmooth(base, `σ has the term ${pole.coefficient}·z^${pole.power}, infinite at z = 0.`);
  }
  const phiTerms = sum.terms
    .filter((t) => t.power !== 1)
    .map((t) => ({ power: t.power, coefficient: (t.power - 1) * t.coefficient }));
  const coefficients = new Array<number>(PHI_ORDER + 1).fill(0);
  for (const t of phiTerms) if (t.power <= PHI_ORDER) coefficients[t.power] = t.coefficient;
  if (phiTerms.length > 0)
    return fromLeadingTerm(base, phiTerms[0].power, phiTerms[0].coefficient, coefficients);
  const linear = sum.terms.length === 0 ? 'σ = 0' : `σ = ${sum.terms[0].coefficient}·z is linear`;
  const reason = `${linear}, so φ = zσ′ − σ = 0 identically.`;
  return { ...base, class: 'A', order: null, leadingCoefficient: null, coefficients, reason };
}

function notSmooth(base: { phi: string }, why: string): ActivationClass {
  return {
    ...base,
    class: 'not-smooth',
    order: null,
    leadingCoefficient: null,
    coefficients: [],
    reason: why,
  };
}

/** No Taylor term up to PHI_ORDER: class A if φ also vanishes away from 0, else refused (a flat φ). */
function vanishing(base: { phi: string }, phi: ReturnType<typeof parseExpression>, coefficients: number[]) {
  const f = compileExpression(phi);
  const residue = Math.max(...PROBES.map((z) => Math.abs(f(z))));
  if (residue > 1e-12) {
    throw new UnsupportedProblemError(
      `φ(z) = ${base.phi} has no nonzero Taylor coefficient up to order ${PHI_ORDER} at 0 but is not 0 away ` +
        `from it (|φ| up to ${residue.toPrecision(3)}): its class cannot be read from a finite expansion.`,
    );
  }
  const reason = `φ vanishes identically (no Taylor term up to order ${PHI_ORDER}, 0 at ±0.5, ±1.3, ±2.7).`;
  return { ...base, class: 'A' as const, order: null, leadingCoefficient: null, coefficients, reason };
}
