/**
 * A theorem is a prediction written down as data: where it comes from, what it states, the settings it covers
 * (a fast-check arbitrary, so exploration can search them), what it predicts for a setting, how to measure the
 * same quantity numerically, and how the two are compared. The verify layer turns that into a verdict.
 */
import type { Arbitrary } from 'fast-check';
import type { Comparison, Measurement } from '../src/analysis/verdict.js';

export type { Comparison, Measurement } from '../src/analysis/verdict.js';

export type Budget = 'quick' | 'standard' | 'full';
export const BUDGETS: readonly Budget[] = ['quick', 'standard', 'full'];

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
