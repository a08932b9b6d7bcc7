/** What every subcommand of `saddlecheck` provides, and the streams it writes to. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal: only then do long runs draw progress. */
  readonly interactive: boolean;
}

export interface Command {
  readonly name: string;
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

/**
 * A command as the command list knows it: its name and one-line summary, and how to load it. Modules load only
 * when their command runs, so `saddlecheck --help` does not pay for mathjs, vega or the theorem registry.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}
