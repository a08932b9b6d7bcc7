/** A one-line progress bar on stderr, drawn only when stderr is a terminal and at most ten times a second. */
import type { CliIo } from './command.js';

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(io: CliIo, label: string, total: number): Progress {
  if (!io.interactive || !(total > 0)) return { update() {}, finish() {} };
  const start = Date.now();
  let last = 0;
  const draw = (done: number): void => {
    const fraction = Math.min(1, done / total);
    const filled = Math.round(fraction * 30);
    const elapsed = (Date.now() - start) / 1000;
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
    const etaText = Number.isFinite(eta) ? ` eta ${eta.toFixed(0)}s` : '';
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${done}/${total} ${elapsed.toFixed(1)}s${etaText}  `,
    );
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    finish() {
      draw(total);
      process.stderr.write('\n');
    },
  };
}
