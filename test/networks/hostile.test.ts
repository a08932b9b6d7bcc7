import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError } from '../../src/errors.js';
import { zeros } from '../../src/linalg/index.js';
import {
  createTeacher,
  deepLinearShape,
  imbalance,
  PopulationObjective,
  populationGradient,
  populationLoss,
  sampleLoss,
} from '../../src/networks/index.js';

const hostileNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 2.5, -0.5, 1e300),
  fc.double({ max: 0.999 }),
);

describe('hostile inputs to the deep linear network', () => {
  it('should reject every non-positive, non-integer or non-finite dimension, depth or width', () => {
    fc.assert(
      fc.property(fc.constantFrom('dIn', 'dOut', 'depth', 'width'), hostileNumber, (field, value) => {
        const options = { dIn: 3, dOut: 2, depth: 3, width: 4, [field]: value };
        fc.pre(!(field === 'depth' && value === 1e300));
        expect(() => deepLinearShape(options)).toThrow(InvalidArgumentError);
      }),
      { seed: 201, numRuns: 200 },
    );
  });

  it('should reject width arrays of the wrong length or with bad entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), hostileNumber), { maxLength: 5 }),
        (width) => {
          fc.pre(!(width.length === 2 && width.every((w) => Number.isInteger(w) && w >= 1 && w <= 65536)));
          expect(() => deepLinearShape({ dIn: 3, dOut: 2, depth: 3, width })).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 202 },
    );
  });

  it('should reject parameter vectors of the wrong length or type with a named error', () => {
    const shape = deepLinearShape({ dIn: 3, dOut: 2, depth: 3, width: 4 });
    const teacher = createTeacher({ dIn: 3, dOut: 2, singularValues: [1], seed: 1 });
    fc.assert(
      fc.property(fc.nat(60), (n) => {
        fc.pre(n !== shape.size);
        const theta = new Float64Array(n);
        expect(() => populationLoss(shape, teacher, theta)).toThrow(DimensionMismatchError);
        expect(() => populationGradient(shape, teacher, theta)).toThrow(DimensionMismatchError);
      }),
      { seed: 203 },
    );
    expect(() => populationLoss(shape, teacher, [1, 2] as never)).toThrow(InvalidArgumentError);
  });

  it('should reject a teacher whose dimensions differ from the network', () => {
    const shape = deepLinearShape({ dIn: 3, dOut: 2, depth: 2, width: 4 });
    const teacher = createTeacher({ dIn: 2, dOut: 3, singularValues: [1], seed: 1 });
    expect(() => new PopulationObjective(shape, teacher)).toThrow(DimensionMismatchError);
  });

  it('should reject datasets with mismatched shapes and non-finite samples', () => {
    const shape = deepLinearShape({ dIn: 3, dOut: 2, depth: 2, width: 4 });
    const theta = new Float64Array(shape.size);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (n, m, c) => {
          fc.pre(n !== m || c !== 3);
          expect(() => sampleLoss(shape, zeros(n, c), zeros(m, 2), theta)).toThrow(DimensionMismatchError);
        },
      ),
      { seed: 204 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.nat(11),
        (bad, at) => {
          const x = zeros(4, 3);
          x.data[at] = bad;
          expect(() => sampleLoss(shape, x, zeros(4, 2), theta)).toThrow(InvalidArgumentError);
        },
      ),
      { seed: 205 },
    );
  });

  it('should reject an imbalance index outside 1..L−1', () => {
    const shape = deepLinearShape({ dIn: 3, dOut: 2, depth: 3, width: 4 });
    for (const l of [0, 3, -1, 1.5, Number.NaN]) {
      expect(() => imbalance(shape, new Float64Array(shape.size), l)).toThrow(InvalidArgumentError);
    }
  });
});
