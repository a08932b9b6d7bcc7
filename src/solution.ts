/**
 * How a numerical solve ended. Trouble is data, not an exception: every solver returns one of these statuses
 * with the time it reached, and the message is what a user should read (cause and remedy).
 */
export type SolveStatus = 'success' | 'max-steps' | 'non-finite' | 'blow-up' | 'step-size-underflow';

export const STATUS_MESSAGES: Readonly<Record<SolveStatus, string>> = {
  success: 'The solve reached the end time.',
  'max-steps': 'The maximum number of solver steps was reached. Try increasing `maxSteps`.',
  'non-finite': 'The state became NaN or infinite. Check the equation for a singularity, or reduce dt.',
  'blow-up': 'The state exceeded `blowUpBound` in absolute value. The solution may blow up in finite time.',
  'step-size-underflow':
    'The step size fell below the resolution of the time variable. The problem may be stiff or singular here.',
};

export interface SolveOutcome {
  readonly status: SolveStatus;
  /** What happened and what to do about it; equals STATUS_MESSAGES[status] unless more is known. */
  readonly message: string;
  /** The last time at which the state was finite and accepted. */
  readonly tReached: number;
}

export function outcome(status: SolveStatus, tReached: number, detail?: string): SolveOutcome {
  const message = detail ? `${STATUS_MESSAGES[status]} ${detail}` : STATUS_MESSAGES[status];
  return { status, message, tReached };
}
