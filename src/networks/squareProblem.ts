/**
 * The teacher–student problem most deep-linear checks use: dIn = dOut = dims, a teacher with the given singular
 * values and Haar singular vectors, and a student of the given depth and width started at random with per-layer
 * scale ε (entries ε·N(0, 1)/√fan_in). Teacher and student draw from the same seed on separate paths: the
 * teacher's singular vectors use path 0 (substreams 0 and 1) and the student's layers path 1 + `path`
 * (substream l − 1 for W_l), so no layer reuses the normals behind U or V.
 */
import { type DeepLinearNetwork, deepLinearNetwork } from './deepLinearNetwork.js';
import { createTeacher, type Teacher } from './teacher.js';

export interface SquareProblemSetting {
  readonly depth: number;
  readonly width: number;
  /** dIn = dOut. */
  readonly dims: number;
  readonly singularValues: readonly number[];
  /** Per-layer scale of the random start. */
  readonly eps: number;
}

/** The teacher from (seed, path 0) and the student from (seed, 1 + `path`). */
export function squareProblem(
  setting: SquareProblemSetting,
  seed: number,
  path = 0,
): { teacher: Teacher; net: DeepLinearNetwork } {
  const { depth, width, dims, singularValues, eps } = setting;
  const teacher = createTeacher({ dIn: dims, dOut: dims, singularValues, seed });
  const net = deepLinearNetwork({
    dIn: dims,
    dOut: dims,
    depth,
    width,
    init: { kind: 'scaled', eps, seed, path: 1 + path },
  });
  return { teacher, net };
}
