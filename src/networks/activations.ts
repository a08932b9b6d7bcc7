/**
 * Activation functions σ of a multilayer perceptron. Each carries σ, σ' and σ'' as closures, a fused loop that
 * writes σ(z) and σ'(z) for a whole pre-activation buffer (the forward pass calls it once per layer), and the
 * same function as a mathjs expression in z so that the activation class can be derived symbolically.
 */
export type ScalarFunction = (z: number) => number;

export interface Activation {
  /** A built-in name ('tanh') or the expression text of a user activation. */
  readonly name: string;
  /** σ as a mathjs expression in z (the built-in ReLU gives 'max(z, 0)', which is not smooth at 0). */
  readonly expression: string;
  readonly sigma: ScalarFunction;
  /** σ'. ReLU takes σ'(0) = 0. */
  readonly derivative: ScalarFunction;
  /** σ''. ReLU takes σ'' = 0 (its distributional part at 0 is not represented). */
  readonly secondDerivative: ScalarFunction;
  /** Writes h[i] = σ(z[i]) and s[i] = σ'(z[i]) for i < n. */
  readonly apply: (z: Float64Array, h: Float64Array, s: Float64Array, n: number) => void;
  /** False where σ has no Taylor expansion at 0 (ReLU). */
  readonly smoothAtZero: boolean;
  /** σ(cz) = cσ(z) for c > 0 (linear, ReLU): then φ_σ = zσ' − σ vanishes wherever σ is differentiable. */
  readonly positivelyHomogeneous: boolean;
}

/** The fused loop for activations without a cheaper shared form. */
export function pointwiseApply(sigma: ScalarFunction, derivative: ScalarFunction): Activation['apply'] {
  return (z, h, s, n) => {
    for (let i = 0; i < n; i++) {
      const v = z[i];
      h[i] = sigma(v);
      s[i] = derivative(v);
    }
  };
}

/** φ_σ(z) = zσ'(z) − σ(z), the source term of the imbalance identity. */
export function phi(activation: Activation, z: number): number {
  return z * activation.derivative(z) - activation.sigma(z);
}
