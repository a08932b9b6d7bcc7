/**
 * A sweep grid is data: `{"base": {...}, "axes": {"eps": [0.1, 0.01], "depth": [3, 4]}}` (the Cartesian product
 * of the axes, each point merged over the base setting, the first axis varying slowest) or
 * `{"points": [{...}, ...]}`. Every point has a stable index and key, so shards, resumes and merges agree.
 */
import { InvalidArgumentError } from '../../src/errors.js';
import { mix32 } from '../../src/random/stream.js';

export interface GridPoint {
  readonly index: number;
  /** Canonical JSON of the setting (keys sorted): the identity of the point. */
  readonly key: string;
  readonly setting: Record<string, unknown>;
  /** The seed of the whole sweep. */
  readonly sweepSeed: number;
  /** Seed of this point, derived from the sweep seed and the index (not from the shard). */
  readonly seed: number;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The most points one grid may have. A million points already take seconds and hundreds of megabytes to build,
 * far more than a sweep evaluates in a day; a grid beyond that is a typo or a sweep to split into several.
 */
export const MAX_GRID_POINTS = 1_000_000;

function tooManyPoints(count: bigint | number, split: string): InvalidArgumentError {
  return new InvalidArgumentError(
    'the number of grid points',
    count,
    `at most ${MAX_GRID_POINTS}`,
    `Split the grid into several grids, ${split}, and sweep each into its own --out file.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function settingsOf(grid: unknown): Record<string, unknown>[] {
  if (!isRecord(grid))
    throw new InvalidArgumentError('grid', grid, 'an object with "axes" (and optional "base") or "points"');
  if (Array.isArray(grid.points)) {
    if (grid.points.length > MAX_GRID_POINTS)
      throw tooManyPoints(grid.points.length, 'each a slice of "points"');
    return grid.points.map((p, i) => {
      if (!isRecord(p)) throw new InvalidArgumentError(`grid.points[${i}]`, p, 'an object (one setting)');
      return p;
    });
  }
  const base = grid.base ?? {};
  if (!isRecord(base)) throw new InvalidArgumentError('grid.base', base, 'an object (the shared setting)');
  const axes = grid.axes;
  if (!isRecord(axes) || Object.keys(axes).length === 0) {
    throw new InvalidArgumentError(
      'grid.axes',
      axes,
      'an object of non-empty arrays, e.g. {"eps": [0.1, 0.01]}',
      'Or give "points": [...].',
    );
  }
  let count = 1n;
  for (const [name, values] of Object.entries(axes)) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new InvalidArgumentError(`grid.axes.${name}`, values, 'a non-empty array of values');
    }
    count *= BigInt(values.length);
  }
  if (count > BigInt(MAX_GRID_POINTS)) {
    const [first] = Object.keys(axes);
    throw tooManyPoints(count, `e.g. one per value of the axis ${JSON.stringify(first)} moved into "base"`);
  }
  let settings: Record<string, unknown>[] = [{ ...base }];
  for (const [name, values] of Object.entries(axes) as [string, unknown[]][]) {
    settings = settings.flatMap((s) => values.map((v) => ({ ...s, [name]: v })));
  }
  return settings;
}

export function gridPoints(grid: unknown, seed: number): GridPoint[] {
  const points = settingsOf(grid).map((setting, index) => ({
    index,
    key: canonicalJson(setting),
    setting,
    sweepSeed: seed,
    seed: mix32(mix32(seed ^ 0x5eed5eed) ^ index),
  }));
  const seen = new Map<string, number>();
  for (const p of points) {
    const earlier = seen.get(p.key);
    if (earlier !== undefined) {
      throw new InvalidArgumentError(
        `grid point ${p.index}`,
        p.setting,
        `different from every other point, but it repeats point ${earlier}`,
      );
    }
    seen.set(p.key, p.index);
  }
  return points;
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `I/N` with 0 <= I < N (Slurm: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, array=0-(N-1)). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index >= count) {
    throw new InvalidArgumentError(
      '--shard',
      text,
      'I/N with 0 <= I < N',
      'Number array tasks from 0, e.g. sbatch --array=0-7 with --shard $SLURM_ARRAY_TASK_ID/8.',
    );
  }
  return { index, count };
}

/** The points of one shard: index mod count == shard index. Deterministic and disjoint across shards. */
export function shardPoints(points: readonly GridPoint[], shard: Shard): GridPoint[] {
  return points.filter((p) => p.index % shard.count === shard.index);
}
