import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../../src/cli/orders.js';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

describe('saddlecheck orders', () => {
  it('should say how many paths would decide each inconclusive row, and exit 3 when none is refuted', async () => {
    const argv = ['orders', '--kind', 'weak', '--method', 'eulerMaruyama', '--paths', '400', '--json'];
    const { code, io } = await runSaddlecheck(argv);
    const { seed, methods: rows } = JSON.parse(io.out.join('\n')) as { seed: number; methods: OrderRow[] };
    expect(seed).toBe(1);
    expect(rows.map((r) => r.noise)).toEqual(['scalar', 'diagonal', 'additive', 'general']);
    for (const row of rows) {
      expect(row.paths).toBe(400);
      if (row.verdict === 'inconclusive') expect(row.pathsToDecide).toBeGreaterThan(400);
      else expect(row.pathsToDecide).toBeUndefined();
    }
    // Euler–Maruyama's weak error on linearGeneralNoise is tiny: E|X|² is the trace of S, which it steps as
    // S ← (I + A dt) S (I + A dt)ᵀ + Σ_k B_k S B_kᵀ dt against the exact dS/dt = A S + S Aᵀ + Σ_k B_k S B_kᵀ, a
    // difference of 0.0045 at dt = 1/8 that halves with dt; f(X_dt) − f(X) has a standard deviation near 0.7 per
    // path (0.035 over 400 paths). No slope can be resolved to ±0.15, and tens of times the paths are needed.
    const general = rows[3];
    expect(general.verdict).toBe('inconclusive');
    expect(general.pathsToDecide).toBeGreaterThan(10 * 400);
    const verdicts = rows.map((r) => r.verdict);
    expect(code).toBe(verdicts.some((v) => v === 'refuted' || v === 'failed-to-run') ? 1 : 3);
  });

  it('should refuse too few paths with one line and exit 2', async () => {
    const { code, io } = await runSaddlecheck(['orders', '--paths', '5']);
    expect(code).toBe(2);
    expect(io.err.join('\n')).toMatch(/--paths must be an integer >= 10; received "5"/);
  });
});
