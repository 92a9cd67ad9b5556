/**
 * The shape of a command in the command table: its name, help, flags and what it runs.
 * A new command (`analyze`, `keyrate`) is one file in `cli/commands/` and one line in the table.
 * @module
 */
import type { FlagSpec, ParsedArgs } from "./args.js";
import type { CliContext, CliIo } from "./io.js";

/** What a command receives besides its arguments. */
export interface CommandEnv {
  readonly io: CliIo;
  readonly context: CliContext;
  /** The command line after the program name, as given (recorded in the results document). */
  readonly argv?: readonly string[];
}

/** One CLI command. */
export interface Command {
  readonly name: string;
  /** One line, for `qkd-harness --help`. */
  readonly summary: string;
  /** Arguments after the name, e.g. `[files or dirs]`. */
  readonly usage: string;
  readonly flags: readonly FlagSpec[];
  /** Run it; returns the exit code. Throws UsageError or ScenarioError for bad input. */
  run(args: ParsedArgs, env: CommandEnv): Promise<number>;
}
