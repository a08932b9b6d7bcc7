/**
 * What a method can solve, read from its declarations: the noise kinds and the interpretation it supports,
 * and the strong order it reaches on a given problem. Refusals name the method, what was received, what it
 * supports and which method to use instead.
 */
import { UnsupportedProblemError } from '../errors.js';
import type { Interpretation, NoiseKind, SdeMethod, SdeProblem } from './types.js';

/** The method to suggest for each noise kind and interpretation. */
const SUGGESTIONS: Readonly<Record<NoiseKind, Readonly<Record<Interpretation, string>>>> = {
  scalar: { ito: 'milstein (strong order 1)', stratonovich: 'stochasticHeun (strong order 1)' },
  diagonal: { ito: 'milstein (strong order 1)', stratonovich: 'stochasticHeun (strong order 1)' },
  additive: { ito: 'sra1 (strong order 1.5)', stratonovich: 'sra1 (strong order 1.5)' },
  general: { ito: 'eulerMaruyama (strong order 0.5)', stratonovich: 'stochasticHeun (strong order 0.5)' },
};

/** What each noise kind means, for a refusal read by someone who wrote only a diffusion. */
const NOISE_MEANINGS: Readonly<Record<NoiseKind, string>> = {
  scalar: 'one Wiener process, a diffusion that depends on the state',
  diagonal: 'one Wiener process per component, noise g_i(t, x) dW_i',
  additive: 'a diffusion that does not depend on the state',
  general: 'a diffusion matrix that depends on the state',
};

const INTERPRETATION_NAMES: Readonly<Record<Interpretation, string>> = {
  ito: 'Itô',
  stratonovich: 'Stratonovich',
};

/**
 * Throws UnsupportedProblemError unless `method` supports the problem's noise kind and interpretation.
 * Additive noise has the same solution in both interpretations (the Itô–Stratonovich correction
 * (1/2) sum_j L^j g^j vanishes when g does not depend on x), so it is accepted by methods of either.
 */
export function requireSupport(method: SdeMethod, problem: SdeProblem): void {
  const { noise, interpretation } = problem;
  if (!method.noise.includes(noise)) {
    throw new UnsupportedProblemError(
      `${method.name} does not support ${noise} noise (${NOISE_MEANINGS[noise]}); it supports ${method.noise.join(', ')} noise. ` +
        `Use ${SUGGESTIONS[noise][interpretation]} for ${noise} noise.`,
    );
  }
  if (interpretation !== method.interpretation && noise !== 'additive') {
    const toIto = interpretation === 'stratonovich';
    throw new UnsupportedProblemError(
      `${method.name} solves ${INTERPRETATION_NAMES[method.interpretation]} SDEs, but the problem is ` +
        `${INTERPRETATION_NAMES[interpretation]} (with ${noise} noise). Use ` +
        `${SUGGESTIONS[noise][interpretation]}, or convert the problem to ${toIto ? 'Itô' : 'Stratonovich'} ` +
        `form: ${toIto ? 'add' : 'subtract'} (1/2) sum_j (g^j . grad) g^j ${toIto ? 'to' : 'from'} the drift.`,
    );
  }
}

/**
 * The strong order the method reaches on this problem: its order for general noise that the problem declares
 * commutative, else its order for the problem's noise kind, else its general `strongOrder`.
 */
export function strongOrderFor(method: SdeMethod, problem: SdeProblem): number {
  if (problem.noise === 'general' && problem.commutativeNoise === true) {
    if (method.commutativeStrongOrder !== undefined) return method.commutativeStrongOrder;
  }
  return method.strongOrderByNoise?.[problem.noise] ?? method.strongOrder;
}

/** The weak order the method reaches on this problem: its order for the problem's noise kind, else `weakOrder`. */
export function weakOrderFor(method: SdeMethod, problem: SdeProblem): number {
  return method.weakOrderByNoise?.[problem.noise] ?? method.weakOrder;
}
