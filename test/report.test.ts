import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PlotDescriptor, renderSvg } from '../src/report/plots.js';
import type { Report } from '../verify/verify.js';
import { writeReports } from '../verify/writeReports.js';

const loglog: PlotDescriptor = {
  kind: 'loglog',
  title: 'escape time',
  xLabel: 'eps',
  yLabel: 'time',
  points: [
    { x: 0.1, y: 10 },
    { x: 0.01, y: 100 },
  ],
  fitted: { prefactor: 1, exponent: -1 },
  predicted: { prefactor: 1, exponent: -1 },
};

describe('reports', () => {
  it('should render each kind of plot to an SVG document with its title', async () => {
    const plots: PlotDescriptor[] = [
      loglog,
      {
        kind: 'trajectory',
        title: 'loss',
        xLabel: 't',
        yLabel: 'loss',
        t: [0, 1, 2],
        series: [{ name: 'loss', y: [3, 2, 1] }],
        levels: [{ name: 'plateau', y: 2 }],
      },
      {
        kind: 'histogram',
        title: 'samples',
        xLabel: 'x',
        samples: [0, 0.5, 0.5, 1],
        density: { x: [0, 1], p: [1, 1] },
      },
    ];
    for (const plot of plots) {
      const svg = await renderSvg(plot);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(plot.title);
    }
  });

  it('should write one JSON per theorem, the plots of its evidence and a summary linking them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddlecheck-report-'));
    const report = {
      id: 'demo',
      status: 'confirmed',
      predicted: 1,
      measured: 1,
      interval: [1, 1],
      seed: 3,
      durationMs: 5,
      source: 'x',
      evidence: { plots: [loglog] },
    } as unknown as Report;
    await writeReports(dir, [report]);
    expect(readdirSync(dir).sort()).toEqual(['demo-1.svg', 'demo.json', 'summary.md']);
    expect(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')).seed).toBe(3);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('](demo-1.svg)');
  });
});
