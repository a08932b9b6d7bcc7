import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { geometricBrownianMotion, milstein, sinhBrownianDiagonal, solveSde } from '../../src/sde/index.js';
import { testStrongOrders } from './convergenceCases.js';

describe('milstein', () => {
  testStrongOrders('milstein');

  it('should refuse a problem without diffusionDerivative and say how to supply it', () => {
    for (const reference of [geometricBrownianMotion(), sinhBrownianDiagonal()]) {
      const problem = { ...reference.problem, diffusionDerivative: undefined };
      expect(() => solveSde(problem, milstein(), { steps: 8 })).toThrow(InvalidArgumentError);
      expect(() => milstein().createStepper(problem)).toThrow(/problem\.diffusionDerivative.*Supply it/);
    }
  });

  it('should take one exact Milstein step on geometric Brownian motion', () => {
    // x1 = x0 (1 + mu h + sigma dW + sigma^2 (dW^2 - h) / 2) with mu = 0.5, sigma = 0.8 (the problem's values).
    const { problem } = geometricBrownianMotion();
    const stepper = milstein().createStepper(problem);
    const x = Float64Array.of(1);
    const h = 0.01;
    const dW = 0.3;
    stepper.step(0, x, h, Float64Array.of(dW), undefined);
    const expected = 1 + 0.5 * h + 0.8 * dW + 0.5 * 0.64 * (dW * dW - h);
    // A handful of roundings of terms below 2: 8 ulp of the result.
    expect(Math.abs(x[0] - expected)).toBeLessThan(8 * Number.EPSILON * expected);
  });
});
