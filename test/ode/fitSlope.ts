/** Least-squares line through (log x, log y): the slope is a measured convergence order. */
export interface SlopeFit {
  readonly slope: number;
  /** Standard error of the slope from the residuals (n - 2 degrees of freedom). */
  readonly standardError: number;
}

export function fitLogLogSlope(x: readonly number[], y: readonly number[]): SlopeFit {
  const n = x.length;
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (lx[i] - mx) ** 2;
    sxy += (lx[i] - mx) * (ly[i] - my);
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ly[i] - my - slope * (lx[i] - mx)) ** 2;
  return { slope, standardError: Math.sqrt(rss / (n - 2) / sxx) };
}
