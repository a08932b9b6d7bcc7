import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/sde/ensemble.js';
import { eulerMaruyama, milstein, sra1 } from '../../src/sde/methods/index.js';
import { solveSde } from '../../src/sde/solveSde.js';
import type { SdeMethod, SdeProblem } from '../../src/sde/types.js';
import { fixturesModule, geometricBrownian, ornsteinUhlenbeck } from './ensembleFixtures.js';

const spec = (name: string, args: unknown) => ({ module: fixturesModule, export: name, args });
const gbmArgs = { mu: 0.3, sigma: 0.8, x0: [1, 2], seed: 11 };
const ouArgs = { theta: 1.5, sigma: 0.7, x0: 2, t1: 1, seed: 5 };

describe('runEnsemble', () => {
  it('should reproduce solveSde bit for bit, path by path, through the stepper and the additive kernels', async () => {
    // Milstein on scalar noise runs the method's stepper; eulerMaruyama and sra1 on one-component additive
    // noise run the tabulated kernels, which must round exactly as the library's steppers do.
    const cases: Array<[string, () => SdeMethod, string, unknown, SdeProblem]> = [
      ['milstein', milstein, 'geometricBrownian', gbmArgs, geometricBrownian(gbmArgs)],
      ['eulerMaruyama', eulerMaruyama, 'ornsteinUhlenbeck', ouArgs, ornsteinUhlenbeck(ouArgs)],
      ['sra1', sra1, 'ornsteinUhlenbeck', ouArgs, ornsteinUhlenbeck(ouArgs)],
    ];
    for (const [name, method, factory, args, problem] of cases) {
      const ensemble = await runEnsemble(spec(factory, args), {
        method: name,
        paths: 40,
        steps: 32,
        saveAt: [0.5],
      });
      const d = problem.x0.length;
      for (const path of [0, 17, 39]) {
        const single = solveSde(problem, method(), { steps: 32, path, saveAt: [0.5, 1] });
        expect(ensemble.end.slice(path * d, (path + 1) * d)).toEqual(single.xEnd);
        expect(ensemble.saved.slice(path * d, (path + 1) * d)).toEqual(single.x.slice(0, d));
      }
    }
  });

  it('should match the exact moments of the Euler–Maruyama recursion for Ornstein–Uhlenbeck', async () => {
    // EM on dX = -theta X dt + sigma dW is x_{k+1} = r x_k + sigma sqrt(dt) Z with r = 1 - theta dt, so after
    // n steps E x = r^n x0 and Var x = sigma^2 dt (1 - r^{2n}) / (1 - r^2), with no discretisation bias.
    const paths = 40_000;
    const steps = 20;
    const result = await runEnsemble(spec('ornsteinUhlenbeck', ouArgs), {
      method: 'eulerMaruyama',
      paths,
      steps,
      saveAt: [0.5],
    });
    const dt = 1 / steps;
    const r = 1 - ouArgs.theta * dt;
    const moments = (n: number) => ({
      mean: r ** n * ouArgs.x0,
      variance: (ouArgs.sigma ** 2 * dt * (1 - r ** (2 * n))) / (1 - r * r),
    });
    const checks: Array<[ReturnType<typeof moments>, typeof result.statistics]> = [
      [moments(steps), result.statistics],
      [moments(steps / 2), result.savedStatistics?.[0]],
    ];
    for (const [exact, stats] of checks) {
      expect(stats?.count).toBe(paths);
      const variance = exact.variance;
      // Var <= 0.162, so the standard error of the mean sqrt(Var / N) <= 0.0020; 0.009 is 4.5 of them.
      expect(Math.abs((stats?.mean[0] as number) - exact.mean)).toBeLessThan(0.009);
      // Standard error of a normal sample variance, Var sqrt(2 / N) <= 0.00115; 0.005 is 4.3 of them.
      expect(Math.abs((stats?.variance[0] as number) - variance)).toBeLessThan(0.005);
      // The median of a normal law is its mean; its standard error is 1.2533 times that of the mean, 0.0025.
      expect(Math.abs((stats?.q50[0] as number) - exact.mean)).toBeLessThan(0.011);
    }
  });

  it('should draw dZ with variance dt^3/3 and covariance dt^2/2 with dW', async () => {
    // The recorder adds up dW and dZ: over n steps Var W(1) = 1, Var sum dZ = n dt^3 / 3, Cov = n dt^2 / 2.
    const paths = 40_000;
    const steps = 4;
    const result = await runEnsemble(spec('twoComponentScalar', { seed: 3 }), {
      method: { module: fixturesModule, export: 'incrementRecorder' },
      paths,
      steps,
    });
    const dt = 1 / steps;
    const stats = result.statistics;
    let covariance = 0;
    for (let p = 0; p < paths; p++) covariance += result.end[2 * p] * result.end[2 * p + 1];
    covariance /= paths;
    // Standard errors: sqrt(2/N) Var = 0.0071 for Var W = 1 and 0.00015 for Var Z = 1/48; for the covariance
    // sqrt((Var W Var Z + Cov^2) / N) = 0.00096. Each tolerance is over 4 of them.
    expect(Math.abs((stats?.variance[0] as number) - 1)).toBeLessThan(0.03);
    expect(Math.abs((stats?.variance[1] as number) - (steps * dt ** 3) / 3)).toBeLessThan(0.0006);
    expect(Math.abs(covariance - (steps * dt * dt) / 2)).toBeLessThan(0.004);
  });

  for (const noise of ['additive', 'diagonal'] as const) {
    it(`should count failed paths, give them NaN end states and leave them out of the statistics (${noise})`, async () => {
      const paths = 2000;
      const result = await runEnsemble(spec('cubicBlowUp', { seed: 8, noise }), {
        method: 'eulerMaruyama',
        paths,
        dt: 0.01,
        t1: 3,
        blowUpBound: 1e6,
      });
      const failed = result.statusCounts['blow-up'] + result.statusCounts['non-finite'];
      expect(result.failed).toBe(failed);
      expect(failed).toBeGreaterThan(0);
      expect(failed).toBeLessThan(paths);
      let sum = 0;
      for (let p = 0; p < paths; p++) {
        if (result.status[p] === 0) {
          sum += result.end[p];
          expect(result.tReached[p]).toBe(3);
        } else {
          expect(Number.isNaN(result.end[p])).toBe(true);
          expect(result.tReached[p]).toBeLessThan(3);
        }
      }
      expect(result.statistics?.count).toBe(paths - failed);
      // The same sum in the same order: identical floats.
      expect(result.statistics?.mean[0]).toBe(sum / (paths - failed));
      expect(result.message).toContain(`${failed} of ${paths} paths failed`);
    });
  }

  it('should report progress after every chunk up to the number of paths', async () => {
    const seen: number[] = [];
    await runEnsemble(spec('ornsteinUhlenbeck', ouArgs), {
      method: 'eulerMaruyama',
      paths: 100,
      steps: 4,
      chunkSize: 30,
      onProgress: (done, total) => {
        expect(total).toBe(100);
        seen.push(done);
      },
    });
    expect(seen).toEqual([30, 60, 90, 100]);
  });

  it('should honour t1 and dt from the options and skip the statistics when asked', async () => {
    const result = await runEnsemble(spec('ornsteinUhlenbeck', ouArgs), {
      method: 'eulerMaruyama',
      paths: 3,
      dt: 0.1,
      t1: 0.5,
      statistics: false,
    });
    expect(result.steps).toBe(5);
    expect(result.t1).toBe(0.5);
    expect(result.statistics).toBeUndefined();
  });
});
