import { describe, expect, it } from 'vitest';
import { BrownianPath } from '../../src/sde/index.js';

const PATHS = 4000;
const STEPS = 8;
const h = 1 / STEPS;

/**
 * Paths drawn on one step over [0, 1] and refined three times by the bridge: their increments on the 8 steps
 * of level 3, as PATHS rows of [dW_0, dZ_0, dW_1, dZ_1, ...].
 */
function refinedSamples(timeIntegral: boolean): Float64Array[] {
  const path = new BrownianPath({ brownianDim: 1, finestLevel: 0, timeIntegral });
  const rows: Float64Array[] = [];
  for (let p = 0; p < PATHS; p++) {
    path.sample(2, p).refine().refine().refine();
    const { dW, dZ } = path.level(3);
    rows.push(
      Float64Array.from({ length: 2 * STEPS }, (_, i) => (i % 2 === 0 ? dW[i >> 1] : (dZ?.[i >> 1] ?? 0))),
    );
  }
  return rows;
}

function covariance(rows: Float64Array[], a: number, b: number): number {
  let sum = 0;
  for (const row of rows) sum += row[a] * row[b];
  return sum / rows.length;
}

/** The exact covariance of two entries: independent steps; within a step Var dW = h, Var dZ = h^3/3, Cov = h^2/2. */
function exactCovariance(a: number, b: number): number {
  if (a >> 1 !== b >> 1) return 0;
  const zs = (a % 2) + (b % 2);
  return [h, h ** 2 / 2, h ** 3 / 3][zs];
}

describe('Brownian-bridge refinement', () => {
  it('should give the refined (dW, dZ) the exact covariances of a path drawn on the fine grid', () => {
    const rows = refinedSamples(true);
    for (let a = 0; a < 2 * STEPS; a++) {
      for (let b = a; b < 2 * STEPS; b++) {
        const scale = Math.sqrt(exactCovariance(a, a) * exactCovariance(b, b));
        // The known-mean second moment of two normals has SE at most sqrt(2/n) = 0.022 of sqrt(Var_a Var_b)
        // for n = 4000; 4 SE.
        expect(Math.abs(covariance(rows, a, b) - exactCovariance(a, b))).toBeLessThan(4 * 0.022 * scale);
      }
    }
  });

  it('should give the refined W alone independent increments of variance h', () => {
    const rows = refinedSamples(false);
    for (let a = 0; a < 2 * STEPS; a += 2) {
      for (let b = a; b < 2 * STEPS; b += 2) {
        // As above: 4 SE of sqrt(2/n) h.
        expect(Math.abs(covariance(rows, a, b) - exactCovariance(a, b))).toBeLessThan(4 * 0.022 * h);
      }
    }
  });

  it('should leave every coarser level the exact composition of the refined one', () => {
    const path = new BrownianPath({ brownianDim: 2, finestLevel: 2, timeIntegral: true }).sample(4, 1);
    const before = path.level(2);
    const coarseW = Float64Array.from(before.dW);
    const coarseZ = Float64Array.from(before.dZ as Float64Array);
    path.refine();
    const fine = path.level(3);
    const half = fine.dt;
    for (let k = 0; k < 4; k++) {
      for (let j = 0; j < 2; j++) {
        const first = 2 * k * 2 + j;
        const second = first + 2;
        const w = fine.dW[first] + fine.dW[second];
        const z =
          (fine.dZ as Float64Array)[first] + (fine.dZ as Float64Array)[second] + half * fine.dW[first];
        // One subtraction in the bridge and one addition here: 4 ulp of terms below 4 in size.
        expect(Math.abs(w - coarseW[k * 2 + j])).toBeLessThan(16 * Number.EPSILON);
        expect(Math.abs(z - coarseZ[k * 2 + j])).toBeLessThan(16 * Number.EPSILON);
      }
    }
    expect(path.level(2).dW).toEqual(coarseW);
  });
});
