/**
 * The keys a theorem's setting takes: those of its default setting and those its settings arbitrary draws (an
 * optional key such as `paths` appears only there). A grid key outside them would reach `measure` unread and
 * still be recorded as part of the point, so it is refused.
 */
import fc from 'fast-check';
import { InvalidArgumentError } from '../../src/errors.js';
import type { AnyTheorem } from '../../theorems/theorem.js';
import type { GridPoint } from './grid.js';

/** Draws enough settings to see every key of a record arbitrary whose keys are all required. */
const DRAWS = 16;

function settingKeys(theorem: AnyTheorem): Set<string> {
  const keys = new Set(Object.keys(theorem.defaultSetting));
  for (const setting of fc.sample(theorem.settings, { numRuns: DRAWS, seed: 1 }))
    for (const key of Object.keys(setting as object)) keys.add(key);
  return keys;
}

/** Throws InvalidArgumentError at the first key of a point that the theorem's setting does not take. */
export function checkSettingKeys(theorem: AnyTheorem, points: readonly GridPoint[]): void {
  const keys = settingKeys(theorem);
  for (const point of points) {
    const unknown = Object.keys(point.setting).find((key) => !keys.has(key));
    if (unknown !== undefined) {
      throw new InvalidArgumentError(
        `grid key ${JSON.stringify(unknown)} (point ${point.index})`,
        unknown,
        `a setting of ${theorem.id}: one of ${[...keys].join(', ')}`,
        'Remove it or correct its spelling.',
      );
    }
  }
}
