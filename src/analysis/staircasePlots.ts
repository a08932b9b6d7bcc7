/**
 * The two pictures of a saddle-to-saddle run, as plot descriptors: the loss on a log-time axis with the
 * predicted saddle levels as reference lines, and the numerical rank of the end-to-end map (the staircase).
 * The point t = 0 is left out (it has no place on a log axis).
 */
import type { PlotDescriptor } from '../report/plots.js';

export function staircasePlots(
  t: ArrayLike<number>,
  loss: ArrayLike<number>,
  rank: ArrayLike<number>,
  levels: readonly number[],
): PlotDescriptor[] {
  const keep = Array.from(t, (_, k) => k).filter((k) => t[k] > 0);
  const times = keep.map((k) => t[k]);
  const logTime = (title: string, yLabel: string, y: ArrayLike<number>) => ({
    kind: 'trajectory' as const,
    title,
    xLabel: 't',
    yLabel,
    t: times,
    series: [{ name: yLabel, y: keep.map((k) => y[k]) }],
    logX: true,
  });
  return [
    {
      ...logTime('loss and the saddle levels ½Σ_{j>k} s_j²', 'loss', loss),
      levels: levels.map((y, k) => ({ name: `saddle ${k}`, y })),
    },
    logTime('numerical rank of W', 'rank', rank),
  ];
}
