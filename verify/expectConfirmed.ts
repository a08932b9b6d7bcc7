/**
 * For users' own test suites: `await expectConfirmed(theorem)` inside any test runner. It returns the report when
 * the verdict is confirmed and otherwise throws NotConfirmedError, whose message is the formatted report (source,
 * predicted, measured with its interval, the reason, the setting and the command that reruns it), so a failing test
 * prints the evidence. Seeds are fixed by default, so the test is reproducible.
 */
import type { AnyTheorem } from '../theorems/theorem.js';
import { assertConfirmed, type Report, type VerifyOptions } from './verify.js';

export function expectConfirmed(theorem: AnyTheorem, options: VerifyOptions = {}): Promise<Report> {
  return assertConfirmed(theorem, options);
}
