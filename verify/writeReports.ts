/**
 * `verify --out DIR`: one JSON report per theorem, the SVG plots its evidence describes (DIR/<id>-<k>.svg), and a
 * markdown summary linking them, each written atomically.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../src/report/atomicWrite.js';
import { type PlotDescriptor, renderSvg } from '../src/report/plots.js';
import { fmt, type Report } from './verify.js';

export function markdownSummary(reports: readonly Report[]): string {
  const rows = reports.map(
    (r) =>
      `| ${r.id} | ${r.source} | ${fmt(r.predicted)} | ${fmt(r.measured)} [${fmt(r.interval[0])}, ${fmt(r.interval[1])}] | **${r.status}** | ${(r.durationMs / 1000).toFixed(1)} s |`,
  );
  const seeds = [...new Set(reports.map((r) => r.seed))].join(', ');
  return [
    '# saddlecheck verification summary',
    '',
    `Seed ${seeds}. Rerun any line with the command in its JSON report.`,
    '',
    '| theorem | source | predicted | measured [95%] | verdict | time |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function plotsOf(report: Report): readonly PlotDescriptor[] {
  const plots = report.evidence?.plots;
  return Array.isArray(plots) ? (plots as PlotDescriptor[]) : [];
}

export async function writeReports(dir: string, reports: readonly Report[]): Promise<void> {
  const figures: string[] = [];
  for (const report of reports) {
    writeFileAtomic(join(dir, `${report.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
    for (const [k, plot] of plotsOf(report).entries()) {
      const name = `${report.id}-${k + 1}.svg`;
      writeFileAtomic(join(dir, name), await renderSvg(plot));
      figures.push(`![${plot.title}](${name})`);
    }
  }
  const plots = figures.length ? ['## Plots', '', ...figures, ''] : [];
  writeFileAtomic(join(dir, 'summary.md'), [markdownSummary(reports), ...plots].join('\n'));
}
