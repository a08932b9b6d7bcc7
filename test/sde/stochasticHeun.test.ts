import { describe, expect, it } from 'vitest';
import { geometricBrownianMotion, stochasticHeun } from '../../src/sde/index.js';
import { testStrongOrders } from './convergenceCases.js';

describe('stochasticHeun', () => {
  testStrongOrders('stochasticHeun');

  it('should take one trapezoidal predictor-corrector step', () => {
    // Stratonovich GBM, a = mu x, g = sigma x with mu = 0.5, sigma = 0.8: the predictor is x (1 + mu h + sigma dW)
    // and the step averages a and g between x and the predictor.
    const { problem } = geometricBrownianMotion({ interpretation: 'stratonovich' });
    const stepper = stochasticHeun().createStepper(problem);
    const x = Float64Array.of(2);
    const h = 0.01;
    const dW = -0.2;
    stepper.step(0, x, h, Float64Array.of(dW), undefined);
    const predictor = 2 * (1 + 0.5 * h + 0.8 * dW);
    const expected = 2 + 0.5 * (0.5 * 2 + 0.5 * predictor) * h + 0.5 * (0.8 * 2 + 0.8 * predictor) * dW;
    // A handful of roundings of terms below 3: 8 ulp of the result.
    expect(Math.abs(x[0] - expected)).toBeLessThan(8 * Number.EPSILON * expected);
  });
});
