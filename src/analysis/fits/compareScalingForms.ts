/**
 * Which law describes the data better, y = C·x^p or y = a + b·ln x, and by how much — the question behind
 * "does the escape time grow like ln(1/ε) or like ε^(−k)?".
 *
 * The two are fitted on different scales (the power law on ln y with multiplicative errors, the log law on y
 * with additive errors), so their residual sums are not comparable. Both are compared as models for the
 * same observations y instead: the Gaussian log-likelihood of the log law, and the log-normal likelihood of
 * the power law (the likelihood of ln y minus Σ ln yᵢ, the Jacobian of y ↦ ln y). Each model has three
 * parameters (two coefficients and a variance), and the small-sample criterion
 * AICc = −2 log L + 2k + 2k(k+1)/(n − k − 1) ranks them. A difference Δ in AICc means the worse model is
 * exp(−Δ/2) times as likely to be the better one (Akaike weight); Δ > 10 is conventionally decisive, Δ < 2
 * says the data cannot tell the forms apart. Needs n ≥ 5 and y > 0.
 */
import { fitData } from './fitData.js';
import { fitLogLaw } from './fitLogLaw.js';
import { fitPowerLaw } from './fitPowerLaw.js';
import type { ScalingFit } from './scalingFit.js';

export interface ScalingComparison {
  /** The form with the lower AICc. */
  better: 'power' | 'log';
  /** AICc(worse) − AICc(better) ≥ 0. */
  deltaAicc: number;
  /** Akaike weight of the better form, 1/(1 + e^(−Δ/2)). */
  weight: number;
  /** 'decisive' (Δ > 10), 'strong' (Δ > 6), 'positive' (Δ > 2) or 'inconclusive'. */
  evidence: 'decisive' | 'strong' | 'positive' | 'inconclusive';
  power: ScalingFit & { aicc: number; logLikelihood: number; rssOnY: number };
  log: ScalingFit & { aicc: number; logLikelihood: number; rssOnY: number };
}

const PARAMETERS = 3;

function gaussianLogLikelihood(rss: number, n: number): number {
  return (-n / 2) * (Math.log((2 * Math.PI * rss) / n) + 1);
}

function aicc(logLikelihood: number, n: number): number {
  return -2 * logLikelihood + 2 * PARAMETERS + (2 * PARAMETERS * (PARAMETERS + 1)) / (n - PARAMETERS - 1);
}

export function compareScalingForms(x: unknown, y: unknown): ScalingComparison {
  const data = fitData(x, y, { positiveX: true, positiveY: true, minPoints: 5, model: 'power-versus-log' });
  const n = data.x.length;
  const power = fitPowerLaw(data.x, data.y);
  const log = fitLogLaw(data.x, data.y);
  let rssLog = 0;
  let rssLogScale = 0;
  let rssPowerOnY = 0;
  let sumLogY = 0;
  for (let i = 0; i < n; i++) {
    const lx = Math.log(data.x[i]);
    const ly = Math.log(data.y[i]);
    rssLog += (data.y[i] - log.prefactor - log.exponent * lx) ** 2;
    rssLogScale += (ly - Math.log(power.prefactor) - power.exponent * lx) ** 2;
    rssPowerOnY += (data.y[i] - power.prefactor * data.x[i] ** power.exponent) ** 2;
    sumLogY += ly;
  }
  const llLog = gaussianLogLikelihood(rssLog, n);
  const llPower = gaussianLogLikelihood(rssLogScale, n) - sumLogY;
  const aiccPower = aicc(llPower, n);
  const aiccLog = aicc(llLog, n);
  const better = aiccPower <= aiccLog ? 'power' : 'log';
  // Both fits exact (both RSS = 0) leaves nothing to choose: Δ = 0.
  const delta = Number.isNaN(aiccPower - aiccLog) ? 0 : Math.abs(aiccPower - aiccLog);
  return {
    better,
    deltaAicc: delta,
    weight: 1 / (1 + Math.exp(-delta / 2)),
    evidence: delta > 10 ? 'decisive' : delta > 6 ? 'strong' : delta > 2 ? 'positive' : 'inconclusive',
    power: { ...power, aicc: aiccPower, logLikelihood: llPower, rssOnY: rssPowerOnY },
    log: { ...log, aicc: aiccLog, logLikelihood: llLog, rssOnY: rssLog },
  };
}
