/**
 * Plots as data. A theorem's evidence carries plot descriptors (plain JSON); the report renders them to SVG
 * offline with vega-lite, so measuring never depends on drawing and a report can be redrawn from its JSON.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** y = prefactor · x^exponent, drawn over the range of the points. */
export interface PowerLine {
  readonly prefactor: number;
  readonly exponent: number;
}

export type PlotDescriptor =
  | {
      readonly kind: 'loglog';
      readonly title: string;
      readonly xLabel: string;
      readonly yLabel: string;
      readonly points: readonly { x: number; y: number; lo?: number; hi?: number }[];
      readonly fitted?: PowerLine;
      readonly predicted?: PowerLine;
    }
  | {
      readonly kind: 'trajectory';
      readonly title: string;
      readonly xLabel: string;
      readonly yLabel: string;
      readonly t: readonly number[];
      readonly series: readonly { name: string; y: readonly number[] }[];
      /** Horizontal reference levels, e.g. predicted plateaus. */
      readonly levels?: readonly { name: string; y: number }[];
      readonly logX?: boolean;
      readonly logY?: boolean;
    }
  | {
      readonly kind: 'histogram';
      readonly title: string;
      readonly xLabel: string;
      readonly samples: readonly number[];
      readonly bins?: number;
      /** The predicted density on a grid. */
      readonly density: { readonly x: readonly number[]; readonly p: readonly number[] };
    };

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SIZE = { width: 420, height: 280 };

function powerLineValues(line: PowerLine, xs: readonly number[], name: string) {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return [lo, hi].map((x) => ({ x, y: line.prefactor * x ** line.exponent, line: name }));
}

function logLogSpec(plot: Extract<PlotDescriptor, { kind: 'loglog' }>): TopLevelSpec {
  const xs = plot.points.map((p) => p.x);
  const lines = [
    ...(plot.fitted ? powerLineValues(plot.fitted, xs, `fit: slope ${plot.fitted.exponent.toFixed(3)}`) : []),
    ...(plot.predicted
      ? powerLineValues(plot.predicted, xs, `predicted: slope ${plot.predicted.exponent.toFixed(3)}`)
      : []),
  ];
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    scale: { type: 'log' as const },
    title: plot.xLabel,
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { type: 'log' as const },
    title: plot.yLabel,
  };
  return {
    $schema: SCHEMA,
    title: plot.title,
    ...SIZE,
    layer: [
      { data: { values: [...plot.points] }, mark: { type: 'point', filled: true }, encoding: { x, y } },
      {
        data: { values: lines },
        mark: { type: 'line' },
        encoding: {
          x,
          y,
          color: {
            field: 'line',
            type: 'nominal',
            title: null,
            legend: { labelLimit: 400, orient: 'bottom' },
          },
        },
      },
    ],
  };
}

function trajectorySpec(plot: Extract<PlotDescriptor, { kind: 'trajectory' }>): TopLevelSpec {
  const values = plot.series.flatMap((s) => plot.t.map((t, i) => ({ t, y: s.y[i], series: s.name })));
  const levels = (plot.levels ?? []).map((l) => ({ y: l.y, level: l.name }));
  const x = {
    field: 't',
    type: 'quantitative' as const,
    title: plot.xLabel,
    ...(plot.logX ? { scale: { type: 'log' as const } } : {}),
  };
  const yScale = plot.logY ? { scale: { type: 'log' as const } } : {};
  return {
    $schema: SCHEMA,
    title: plot.title,
    ...SIZE,
    layer: [
      {
        data: { values },
        mark: 'line',
        encoding: {
          x,
          y: { field: 'y', type: 'quantitative', title: plot.yLabel, ...yScale },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      ...(levels.length
        ? [
            {
              data: { values: levels },
              mark: { type: 'rule' as const, strokeDash: [4, 4] },
              encoding: { y: { field: 'y', type: 'quantitative' as const, ...yScale } },
            },
          ]
        : []),
    ],
  };
}

function histogramSpec(plot: Extract<PlotDescriptor, { kind: 'histogram' }>): TopLevelSpec {
  const bins = plot.bins ?? 40;
  const lo = Math.min(...plot.samples);
  const hi = Math.max(...plot.samples);
  const width = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const s of plot.samples) counts[Math.min(bins - 1, Math.floor((s - lo) / width))]++;
  const bars = counts.map((c, i) => ({
    x0: lo + i * width,
    x1: lo + (i + 1) * width,
    p: c / (plot.samples.length * width),
  }));
  const curve = plot.density.x.map((x, i) => ({ x, p: plot.density.p[i] }));
  return {
    $schema: SCHEMA,
    title: plot.title,
    ...SIZE,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'rect', opacity: 0.5 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: plot.xLabel, scale: { zero: false } },
          x2: { field: 'x1' },
          y: { field: 'p', type: 'quantitative', title: 'density' },
        },
      },
      {
        data: { values: curve },
        mark: { type: 'line', color: 'black' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'p', type: 'quantitative' } },
      },
    ],
  };
}

export function vegaLiteSpec(plot: PlotDescriptor): TopLevelSpec {
  switch (plot.kind) {
    case 'loglog':
      return logLogSpec(plot);
    case 'trajectory':
      return trajectorySpec(plot);
    case 'histogram':
      return histogramSpec(plot);
  }
}

/** Renders a plot to an SVG document, offline (no browser, no network). */
export async function renderSvg(plot: PlotDescriptor): Promise<string> {
  const view = new vega.View(vega.parse(compile(vegaLiteSpec(plot)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
