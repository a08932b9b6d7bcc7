import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { theorems } from '../../theorems/index.js';

const theoremFiles = readdirSync(new URL('../../theorems/', import.meta.url)).filter(
  (f) => f.endsWith('.ts') && !['index.ts', 'theorem.ts', 'integratorOrders.ts'].includes(f),
);

function isTheorem(value: unknown): value is { id: string } {
  return (
    typeof value === 'object' && value !== null && 'predict' in value && 'measure' in value && 'id' in value
  );
}

describe('the theorem registry', () => {
  it('should hold every theorem exported from a theorem file, once', async () => {
    const registered = new Set(theorems);
    for (const file of theoremFiles) {
      const module = (await import(`../../theorems/${file.replace(/\.ts$/, '.js')}`)) as Record<
        string,
        unknown
      >;
      const exported = Object.values(module).filter(isTheorem);
      expect(exported.length, file).toBeGreaterThan(0);
      for (const theorem of exported)
        expect(registered.has(theorem as never), `${file}: ${theorem.id}`).toBe(true);
    }
    expect(new Set(theorems.map((t) => t.id)).size).toBe(theorems.length);
  });

  it('should give every comparison a reason and every theorem a source and statement', () => {
    for (const t of theorems) {
      expect(t.comparison.why.length, t.id).toBeGreaterThan(10);
      expect(t.source.length, t.id).toBeGreaterThan(3);
      expect(t.statement.length, t.id).toBeGreaterThan(3);
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
