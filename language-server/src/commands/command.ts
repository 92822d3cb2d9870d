/** What every `wheelhouse` subcommand gets: its arguments and injected I/O (STYLE.md 7). */
export interface CommandIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  readonly name: string;
  /** Full usage text, printed by `wheelhouse <name> --help` and on usage errors. */
  readonly usage: string;
  /** Returns the process exit code: 0 success, 1 findings, 2 usage or I/O failure. */
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

/** Thrown for bad command-line arguments; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
