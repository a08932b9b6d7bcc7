/**
 * The part of odex 3.0.0-rc.4's Solver that gbs uses, typed here and loaded through require.
 *
 * Why not `import { Solver } from 'odex'`: the package ships its TypeScript source next to its CommonJS
 * build and no declaration file, so the compiler resolves the import to node_modules/odex/src/odex.ts and
 * type-checks it under this project's settings, where its ESM syntax in a CommonJS package is an error
 * (TS1287 under verbatimModuleSyntax). Loading it with require keeps the compiler out of the package; the
 * interface below is copied from the signatures in that source.
 */
import { createRequire } from 'node:module';

/** y_c(x) of one solution segment, for x in [x0, x1]. */
export type OdexDenseOutput = (c: number, x: number) => number;

/** One accepted step of odex: the interval, the state at its end and the dense output on it. */
export interface OdexSegment {
  readonly x0: number;
  readonly x1: number;
  readonly y: number[];
  readonly f: OdexDenseOutput;
}

export interface OdexOptions {
  rawFunction: boolean;
  denseOutput: boolean;
  maxExtrapolationColumns: number;
  relativeTolerance: number | number[];
  absoluteTolerance: number | number[];
  maxSteps: number;
  maxStepSize: number;
  initialStepSize: number;
}

export interface OdexSolver {
  solutionSegments(x: number, y0: number[], xEnd?: number): Generator<OdexSegment, undefined>;
}

type OdexRawRhs = (x: number, y: number[], yp: number[]) => void;

interface OdexModule {
  Solver: new (f: OdexRawRhs, n: number, options: Partial<OdexOptions>) => OdexSolver;
}

const odex = createRequire(import.meta.url)('odex') as OdexModule;

/** A new odex Solver for a system of dimension n whose right-hand side writes into its third argument. */
export function createOdexSolver(f: OdexRawRhs, n: number, options: Partial<OdexOptions>): OdexSolver {
  return new odex.Solver(f, n, { ...options, rawFunction: true });
}
