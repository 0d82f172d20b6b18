import type { CliIo } from '../io.js';

/** One `tierwise` sub-command: its help text and how it runs. Returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
