/** `saddlecheck orders`: measures every method's declared strong and weak orders on the reference problems. */
import { SweepSolveError } from '../sde/convergence/errorSweep.js';
import { gradeOrder } from '../sde/convergence/gradeOrder.js';
import { measureOrder } from '../sde/convergence/measureOrder.js';
import { type ConvergenceCase, convergenceCases } from '../sde/convergence/orderCases.js';
import { methods } from '../sde/methods/index.js';
import { oneOf } from '../validate.js';
import { numberOption, parseOptions, stringOption } from './args.js';
import type { Command } from './command.js';
import { progressBar } from './progress.js';

/** Paths per case: strong sweeps reach a slope standard error near 0.02 with 400; weak ones need more. */
export const DEFAULT_PATHS = { strong: 400, weak: 4000 } as const;

export interface OrderRow {
  readonly method: string;
  readonly kind: 'strong' | 'weak';
  readonly noise: string;
  readonly problem: string;
  readonly declared: number;
  readonly estimate: number;
  readonly ci95: readonly [number, number];
  readonly verdict: string;
  readonly paths: number;
  readonly reason: string;
  /** For an inconclusive row: about how many paths would decide it, if the interval kept its centre. */
  readonly pathsToDecide?: number;
}

/** The first reference problem of each (method, noise kind): one row per declaration. */
export function orderCasesToCheck(kinds: readonly ('strong' | 'weak')[], method?: string): ConvergenceCase[] {
  return kinds.flatMap((kind) => {
    const seen = new Set<string>();
    return convergenceCases(kind, method).filter((c) => {
      const key = `${c.method.name}/${c.noise}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
}

export function measureOrderRow(c: ConvergenceCase, paths: number, seed: number): OrderRow {
  const base = {
    method: c.method.name,
    kind: c.kind,
    noise: c.noise,
    problem: c.name,
    declared: c.order,
    paths,
  };
  try {
    const estimate = measureOrder(c, { paths, seed });
    const verdict = gradeOrder(c.order, estimate);
    return {
      ...base,
      estimate: estimate.estimate,
      ci95: estimate.ci95,
      verdict: verdict.status,
      reason: verdict.reason,
      ...(verdict.budgetFactor === undefined
        ? {}
        : { pathsToDecide: Math.ceil(paths * verdict.budgetFactor) }),
    };
  } catch (error) {
    if (!(error instanceof SweepSolveError)) throw error;
    return {
      ...base,
      estimate: Number.NaN,
      ci95: [Number.NaN, Number.NaN],
      verdict: 'failed-to-run',
      reason: error.message,
    };
  }
}

function formatRows(rows: readonly OrderRow[]): string {
  const header = [
    'method',
    'kind',
    'noise',
    'problem',
    'declared',
    'estimate',
    '95% interval',
    'verdict',
    'paths to decide',
  ];
  const cells = rows.map((r) => [
    r.method,
    r.kind,
    r.noise,
    r.problem,
    String(r.declared),
    r.estimate.toFixed(3),
    `[${r.ci95[0].toFixed(3)}, ${r.ci95[1].toFixed(3)}]`,
    r.verdict,
    r.pathsToDecide === undefined ? '' : `about ${r.pathsToDecide}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  return [header, ...cells]
    .map((line) =>
      line
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const ordersCommand: Command = {
  name: 'orders',
  help: `Usage: saddlecheck orders [--kind strong|weak|both] [--method NAME] [--paths N] [--seed S] [--json]

For every method and every noise kind it declares, solves a reference problem with a known exact solution on
shared Brownian paths at several dt, fits the order on the real dt values, and puts a bootstrap 95% interval
(over paths) on it. Verdict: confirmed when the 95% interval lies within the declared order ±0.15, refuted when
the 99.9% interval lies wholly outside that band, inconclusive otherwise; an inconclusive row says about how many
paths would decide it (rerun with --paths). Exit code 0 when all are confirmed, 1 when one is refuted or failed
to run, 3 when the rest are inconclusive.

Options:
  --kind K      strong, weak or both (default both)
  --method M    only this method (${methods.map((m) => m().name).join(', ')})
  --paths N     paths per case (default ${DEFAULT_PATHS.strong} strong, ${DEFAULT_PATHS.weak} weak)
  --seed S      seed of the Brownian paths (default 1)
  --json        print {seed, methods: [{method, kind, noise, problem, declared, estimate, ci95, verdict, paths,
                reason, pathsToDecide (inconclusive rows)}]}
  --help        this text`,
  async run(argv, io) {
    const args = parseOptions('orders', argv, {
      kind: { type: 'string' },
      method: { type: 'string' },
      paths: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
    });
    const kind = oneOf('--kind', stringOption(args, 'kind') ?? 'both', ['strong', 'weak', 'both'] as const);
    const method = stringOption(args, 'method');
    if (method !== undefined)
      oneOf(
        '--method',
        method,
        methods.map((m) => m().name),
      );
    const seed = numberOption('orders', args, 'seed', { integer: true, min: 0, max: 0xffffffff, default: 1 });
    const given =
      stringOption(args, 'paths') === undefined
        ? undefined
        : numberOption('orders', args, 'paths', { integer: true, min: 10 });
    const cases = orderCasesToCheck(kind === 'both' ? ['strong', 'weak'] : [kind], method);
    const bar = progressBar(io, 'orders', cases.length);
    const rows = cases.map((c, i) => {
      const row = measureOrderRow(c, given ?? DEFAULT_PATHS[c.kind], seed);
      bar.update(i + 1);
      return row;
    });
    bar.finish();
    io.stdout(args.values.json ? JSON.stringify({ seed, methods: rows }, null, 2) : formatRows(rows));
    return rows.every((r) => r.verdict === 'confirmed')
      ? 0
      : rows.some((r) => r.verdict === 'refuted' || r.verdict === 'failed-to-run')
        ? 1
        : 3;
  },
};
