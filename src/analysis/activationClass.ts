/**
 * The universality class of an activation (RAWAL), from φ_σ(z) = zσ'(z) − σ(z) built with the symbolic
 * derivative. Writing σ = Σ c_k z^k gives φ_σ = Σ (k − 1) c_k z^k: the linear term always cancels and the
 * constant is −σ(0). The c_k are σ's own Taylor coefficients at 0 (not φ's, whose z·σ′ is 0·∞ wherever σ′ is
 * singular at 0). A derivative that evaluates to NaN there (0/0 in exp(−1/z²)′ = 2 exp(−1/z²)/z³) is an
 * indeterminate form whose limit may well be finite: the class is then 'undecided', not 'not-smooth'.
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
import { differentiate } from '../expressions/differentiate.js';
import type { Expr } from '../expressions/expr.js';
import { isSmoothAt } from '../expressions/isSmoothAt.js';
import { parseExpression } from '../expressions/parseExpression.js';
import { type PowerSum, powerSum } from '../expressions/powerSum.js';
import { taylorCoefficients } from '../expressions/taylorCoefficients.js';
import type { Activation } from '../networks/activations.js';
import {
  builtinActivation,
  isBuiltinActivation,
  refuseUnknownActivationName,
} from '../networks/activationsBuiltin.js';
import { type PhiProbeStatus, phiProbes } from './phiProbes.js';

/**
 * 'undecided': numerical trouble (overflow, underflow, a derivative that is 0/0 at 0) or a φ whose first term
 * lies beyond PHI_ORDER.
 */
export type ActivationClassName = 'A' | 'B' | 'C' | 'D' | 'not-smooth' | 'undecided';

export interface ActivationClass {
  readonly class: ActivationClassName;
  /** q, the order of φ_σ's first nonzero Taylor term (0 for class D); null for A, not-smooth and undecided. */
  readonly order: number | null;
  /** The coefficient of z^q in φ_σ (−σ(0) for class D); null for A, not-smooth and undecided. */
  readonly leadingCoefficient: number | null;
  /** φ_σ(z) = zσ'(z) − σ(z) as an expression in z. */
  readonly phi: string;
  /** φ_σ's Taylor coefficients at 0, orders 0..ORDER (empty when not smooth). */
  readonly coefficients: readonly number[];
  /** One sentence: why this class, or what could not be decided. */
  readonly reason: string;
}

/** Highest order of φ_σ examined: every activation of the paper has q ≤ 3. */
export const PHI_ORDER = 8;
/** Points where a φ_σ with no Taylor term up to PHI_ORDER must also vanish to be class A. */
const PROBES = [-2.7, -1.3, -0.5, 0.5, 1.3, 2.7];

/** The class of a built-in activation (by name or object) or of an expression in z. */
export function activationClass(activation: Activation | string): ActivationClass {
  const builtin = typeof activation === 'string' && isBuiltinActivation(activation);
  if (typeof activation === 'string') refuseUnknownActivationName(activation);
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
  const derivative = differentiate(sigma, 'z');
  const phiText = `z * (${derivative.text}) - (${sigma.text})`;
  const base = { phi: phiText };
  const kinks = isSmoothAt(sigma, 'z', 0).kinks.filter((k) => k.atPoint);
  if (kinks.length > 0) {
    const where = kinks.map((k) => k.call).join(', ');
    return notSmooth(base, `${where} switches at z = 0, so σ has no Taylor expansion there.`);
  }
  const sum = powerSum(sigma, 'z');
  if (sum !== undefined) return fromPowerSum(base, sum);
  const sigmaCoefficients = Array.from(taylorCoefficients(sigma, 'z', 0, PHI_ORDER).coefficients);
  const k = sigmaCoefficients.findIndex((c) => !Number.isFinite(c));
  if (k >= 0) {
    const which = k === 0 ? 'σ(0)' : `σ's derivative of order ${k} at z = 0`;
    if (!Number.isNaN(sigmaCoefficients[k])) {
      return notSmooth(base, `${which} is infinite, so σ has no Taylor expansion there.`);
    }
    return undecided(
      base,
      [],
      `${which} evaluates to NaN, an indeterminate form (0/0, 0·∞ or ∞ − ∞): whether σ is smooth at 0 ` +
        'depends on its limit there, which the value cannot give.',
    );
  }
  const coefficients = sigmaCoefficients.map((c, order) => (order === 1 ? 0 : (order - 1) * c));
  const q = coefficients.findIndex((c) => c !== 0);
  if (q < 0) return vanishing(base, sigma.tree, derivative.tree, coefficients);
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
  const overflow = phiTerms.find((t) => !Number.isFinite(t.coefficient));
  if (overflow !== undefined) {
    return undecided(base, coefficients, `φ's coefficient of z^${overflow.power} overflows.`);
  }
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

function undecided(base: { phi: string }, coefficients: number[], why: string): ActivationClass {
  return { ...base, class: 'undecided', order: null, leadingCoefficient: null, coefficients, reason: why };
}

/**
 * No Taylor term up to PHI_ORDER: class A only if φ vanishes at every probe, each evaluated without overflow
 * or underflow. A probe where φ is nonzero leaves a first term of higher order (or a φ flat at 0); a probe
 * that overflowed or underflowed leaves φ ≡ 0 unconfirmed. Both are undecided, never a class.
 */
function vanishing(base: { phi: string }, sigma: Expr, derivative: Expr, coefficients: number[]) {
  const probes = phiProbes(sigma, derivative, PROBES);
  const none = `φ has no nonzero Taylor term up to order ${PHI_ORDER} at 0`;
  const nonzero = probes.find((p) => p.status === 'nonzero');
  if (nonzero !== undefined) {
    return undecided(
      base,
      coefficients,
      `${none}, yet φ(${nonzero.z}) = ${nonzero.value.toPrecision(3)} ≠ 0: its first term is of higher ` +
        'order, or φ is flat at 0, and the class cannot be read from this expansion.',
    );
  }
  const trouble = (status: PhiProbeStatus, what: string) => {
    const at = probes.filter((p) => p.status === status).map((p) => p.z);
    return at.length === 0 ? [] : [`${what} at z = ${at.join(', ')}`];
  };
  const troubles = [
    ...trouble('not-finite', 'σ, σ′ or φ is not finite (overflow, or σ is not real)'),
    ...trouble('underflow', 'σ and zσ′ underflow to below the smallest normal number'),
  ];
  if (troubles.length > 0) {
    const zeros = probes.filter((p) => p.status === 'zero').map((p) => p.z);
    const vanishes = zeros.length === 0 ? '' : ` and φ vanishes at z = ${zeros.join(', ')}`;
    const why = `${none}${vanishes}, but ${troubles.join('; ')}: whether φ ≡ 0 is undecided.`;
    return undecided(base, coefficients, why);
  }
  const reason = `φ vanishes identically (no Taylor term up to order ${PHI_ORDER}, 0 at ±0.5, ±1.3, ±2.7).`;
  return { ...base, class: 'A' as const, order: null, leadingCoefficient: null, coefficients, reason };
}
