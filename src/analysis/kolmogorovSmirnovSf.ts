/**
 * The p-value P(D_n ≥ d) of the two-sided one-sample Kolmogorov–Smirnov statistic, for any n, choosing among
 * exact and asymptotic methods as Simard & L'Ecuyer (J. Stat. Softw. 39(11), 2011) do:
 *
 * - closed forms (Ruben & Gambino 1982) for nd ≤ 1 and d ≥ 1 − 1/n;
 * - 2·P(D⁺_n ≥ d), exact for d ≥ 1/2, and within a relative 2e−6 of P(D_n ≥ d) when nd² ≥ 2.2 (the dropped
 *   term, the chance that both one-sided statistics exceed d, is about e^(−6nd²) relative) — the upper tail;
 * - for n ≤ 140 below that tail (nd² < 4): 1 − Durbin's exact matrix formula (in place of Pomeranz's
 *   recursion, which Simard & L'Ecuyer use there for speed; both are exact);
 * - for n > 140 and nd² < 2.2: 1 − Durbin when n ≤ 1e5 and n·d^(3/2) < 1.4, else 1 − Pelz–Good, whose error
 *   is about 1e−5 absolute on p-values that are then above 0.02.
 *
 * So p-values below 0.02 are accurate to 1e−6 relative or better, and larger ones to 1e−5 absolute at worst.
 */
import { InvalidArgumentError } from '../errors.js';
import { durbinCdf } from './durbinMatrix.js';
import { pelzGoodCdf } from './kolmogorovAsymptotic.js';
import { logGamma } from './logGamma.js';
import { smirnovSf } from './smirnovSf.js';

export type KolmogorovSmirnovMethod = 'closed-form' | 'durbin-matrix' | 'doubled-smirnov' | 'pelz-good';

export interface KolmogorovSmirnovTail {
  /** P(D_n ≥ d). */
  pValue: number;
  method: KolmogorovSmirnovMethod;
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** P(D_n ≥ d) and the method used, for an integer n ≥ 1 and d in [0, 1]. */
export function kolmogorovSmirnovTail(n: number, d: number): KolmogorovSmirnovTail {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('n', n, 'an integer >= 1');
  }
  if (typeof d !== 'number' || !(d >= 0 && d <= 1)) {
    throw new InvalidArgumentError('d', d, 'a Kolmogorov-Smirnov distance in [0, 1]');
  }
  const nd = n * d;
  if (nd <= 0.5) return { pValue: 1, method: 'closed-form' };
  if (d >= 1) return { pValue: 0, method: 'closed-form' };
  if (nd <= 1) {
    // P(D_n < d) = n!/nⁿ (2nd − 1)ⁿ for 1/(2n) < d ≤ 1/n.
    const logCdf = logGamma(n + 1) - n * Math.log(n) + n * Math.log(2 * nd - 1);
    return { pValue: clamp(-Math.expm1(logCdf)), method: 'closed-form' };
  }
  if (d >= 1 - 1 / n) return { pValue: clamp(2 * (1 - d) ** n), method: 'closed-form' };
  if (d >= 0.5) return { pValue: clamp(2 * smirnovSf(n, d)), method: 'doubled-smirnov' };
  const ndd = nd * d;
  if (n <= 140) {
    if (ndd < 4) return { pValue: clamp(1 - durbinCdf(n, d)), method: 'durbin-matrix' };
    return { pValue: clamp(2 * smirnovSf(n, d)), method: 'doubled-smirnov' };
  }
  // Beyond nd² = 372 the p-value is below the smallest double (2e−324).
  if (ndd >= 372) return { pValue: 0, method: 'doubled-smirnov' };
  if (ndd >= 2.2) return { pValue: clamp(2 * smirnovSf(n, d)), method: 'doubled-smirnov' };
  if (n <= 100_000 && n * d ** 1.5 < 1.4) {
    return { pValue: clamp(1 - durbinCdf(n, d)), method: 'durbin-matrix' };
  }
  return { pValue: clamp(1 - pelzGoodCdf(n, d)), method: 'pelz-good' };
}

/** P(D_n ≥ d): the p-value of an observed two-sided Kolmogorov–Smirnov distance d with n points. */
export function kolmogorovSmirnovSf(n: number, d: number): number {
  return kolmogorovSmirnovTail(n, d).pValue;
}
