/**
 * The Brownian bridge between two grid points, used to find barrier crossings that happen between them.
 *
 * Over one step of length h with the diffusion frozen at sigma, the path given its end points x_k and x_{k+1}
 * is a Brownian bridge (a constant drift does not change the bridge). With alpha = |b - x_k| and
 * beta = |b - x_{k+1}| the distances of the end points from the barrier b:
 *
 * - both on the safe side: the bridge touches b with probability exp(-2 alpha beta / (sigma^2 h));
 * - the hitting time s in (0, h), given a hit, has density proportional to
 *   s^{-3/2} (h - s)^{-1/2} exp(-alpha^2 / (2 sigma^2 s) - beta^2 / (2 sigma^2 (h - s))). The change of
 *   variable r = s / (h - s) turns it into r^{-3/2} exp(-(alpha^2 / r + beta^2 r) / (2 sigma^2 h)): an inverse
 *   Gaussian law with mean mu = alpha / beta and shape lambda = alpha^2 / (sigma^2 h). So s = h r / (1 + r)
 *   with r ~ IG(mu, lambda), exact for both cases (for beta = 0, r = lambda / Z^2 is Levy-distributed).
 */
import type { RandomStream } from '../random/stream.js';

/**
 * Probability that a Brownian bridge with variance `variance` (sigma^2 h) over the step touches a barrier at
 * distances `alpha` and `beta` (both > 0) from its end points. 0 when the variance is 0.
 */
export function bridgeCrossingProbability(alpha: number, beta: number, variance: number): number {
  return Math.exp((-2 * alpha * beta) / variance);
}

/**
 * One draw from the inverse Gaussian law IG(mu, lambda) by the transformation with multiple roots of
 * Michael, Schucany & Haas (1976): one normal and one uniform. mu = +Infinity gives the Levy law lambda / Z^2.
 * The smaller root is written as mu / (1 + w + sqrt(w^2 + 2w)), w = mu Z^2 / (2 lambda), which does not cancel.
 */
export function inverseGaussian(mu: number, lambda: number, stream: RandomStream): number {
  const z = stream.nextNormal();
  const y = z * z;
  if (mu === Number.POSITIVE_INFINITY) {
    stream.nextUniform53();
    return lambda / y;
  }
  const w = (mu * y) / (2 * lambda);
  const root = mu / (1 + w + Math.sqrt(w * w + 2 * w));
  return stream.nextUniform53() * (mu + root) <= mu ? root : (mu * mu) / root;
}

/**
 * The fraction s / h of the step at which a bridge that hits the barrier first does so, for end-point
 * distances alpha > 0 and beta >= 0 (beta measured on whichever side x_{k+1} lies) and variance sigma^2 h.
 * With zero variance the path is a straight line and the fraction is alpha / (alpha + beta).
 */
export function bridgeHittingFraction(
  alpha: number,
  beta: number,
  variance: number,
  stream: RandomStream,
): number {
  if (!(variance > 0)) return alpha / (alpha + beta);
  const r = inverseGaussian(alpha / beta, (alpha * alpha) / variance, stream);
  return 1 / (1 + 1 / r);
}
