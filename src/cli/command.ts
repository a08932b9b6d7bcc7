/** What every subcommand of `saddlecheck` provides, and the streams it writes to. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal: only then do long runs draw progress. */
  readonly interactive: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command; returns the exit code. Throws SaddlecheckError for bad input. */
  run(argv: string[], io: CliIo): Promise<number>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    interactive: Boolean(process.stderr.isTTY),
  };
}
