/** `verify --out DIR`: one JSON report per theorem and a markdown summary, each written atomically. */
import { join } from 'node:path';
import { writeFileAtomic } from '../src/report/atomicWrite.js';
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

export function writeReports(dir: string, reports: readonly Report[]): void {
  for (const report of reports)
    writeFileAtomic(join(dir, `${report.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileAtomic(join(dir, 'summary.md'), markdownSummary(reports));
}
