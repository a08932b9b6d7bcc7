/**
 * A theorem is a prediction written down as data: where it comes from, what it states, the settings it covers
 * (a fast-check arbitrary, so exploration can search them), what it predicts for a setting, how to measure the
 * same quantity numerically, and how the two are compared. The verify layer turns that into a verdict.
 */
import type { Arbitrary } from 'fast-check';

export type Budget = 'quick' | 'standard' | 'full';
export const BUDGETS: readonly Budget[] = ['quick', 'standard', 'full'];

/** A numerical measurement: a point estimate with, when it is statistical, its 95% interval. */
export interface Measurement {
  readonly value: number;
  /** 95% confidence interval; omitted for a deterministic computation (then the point is the interval). */
  readonly ci95?: readonly [number, number];
  /** 99.9% interval, used to refute; defaults to the 95% interval widened by the normal ratio 3.29/1.96. */
  readonly ci999?: readonly [number, number];
  /** What the budget bought (paths, samples, settings), so an inconclusive report can say how much more. */
  readonly samples?: number;
  /** Anything a report or plot should show (arrays of times, fitted lines, histograms ...). */
  readonly evidence?: Readonly<Record<string, unknown>>;
  /** Set when the measurement could not be made (a solver failed); the verdict is then failed-to-run. */
  readonly failure?: string;
}

/**
 * How prediction and measurement are compared.
 * - 'tolerance': the measured interval must lie inside prediction ± tolerance (relative: tolerance·|prediction|);
 *   it is refuted when the interval lies wholly outside that band, inconclusive when it straddles an edge.
 * - 'containment': the 95% interval must contain the prediction and be no wider than ± halfWidth; it is refuted
 *   when even the 99.9% interval excludes the prediction (strong evidence is needed to refute).
 * - 'pValue': the measurement is a p-value of a distribution test with `samples` draws: confirmed at p >= alpha,
 *   refuted at p < alpha / 10, inconclusive between.
 */
export type Comparison =
  | {
      readonly kind: 'tolerance';
      readonly tolerance: number;
      readonly relative: boolean;
      readonly why: string;
    }
  | { readonly kind: 'containment'; readonly halfWidth: number; readonly why: string }
  | { readonly kind: 'pValue'; readonly alpha: number; readonly why: string };

export interface MeasureContext {
  readonly seed: number;
  readonly budget: Budget;
  /** Called with a fraction in [0, 1] as the measurement progresses. */
  readonly onProgress?: (fraction: number) => void;
}

export interface Theorem<S = unknown> {
  /** Kebab-case id named after the source and the claim, e.g. 'jacot-escape-time'. */
  readonly id: string;
  readonly title: string;
  /** Paper and section or equation, e.g. 'THEORY.md §0.3 [D]; Saxe et al. 2014'. */
  readonly source: string;
  /** The claim in plain words. */
  readonly statement: string;
  readonly assumptions: readonly string[];
  /** The settings the claim covers; exploration draws from it. */
  readonly settings: Arbitrary<S>;
  /** The setting that `saddlecheck verify` checks. */
  readonly defaultSetting: S;
  predict(setting: S): number;
  measure(setting: S, context: MeasureContext): Promise<Measurement> | Measurement;
  readonly comparison: Comparison;
  /** Name of the measured quantity, for tables ('strong order', 'escape time'). */
  readonly quantity: string;
}

/** Erases the setting type so theorems of different settings can share a registry. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds theorems whose settings have different types
export type AnyTheorem = Theorem<any>;
