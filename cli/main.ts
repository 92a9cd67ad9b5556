#!/usr/bin/env node
/**
 * `qkd-harness`: the command-line entry point. It only wires layers together: parse the
 * command line, dispatch to the command table, map failures to exit codes (2 for bad input or
 * usage, with a message naming the file, field or flag; never a stack trace). Everything printed
 * goes through `sanitizedIo` (no control character reaches a terminal) and, when run as a
 * process, through `processIo` (a closed pipe or a full disk on stdout ends the run cleanly).
 * @module
 */
import { startedAs } from "./jit.js"; // first: V8's tier-up threshold (see jit.ts)
import { RunSizeError } from "../model/auth/index.js";
import { ReportWriteError } from "../reports/write.js";
import { ScenarioError } from "../scenarios/errors.js";
import { MergeError } from "../scenarios/merge.js";
import { parseArgs } from "./args.js";
import { commands } from "./commands/index.js";
import { EXIT_MISMATCH, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { commandHelp, mainHelp } from "./help.js";
import { processIo, sanitizedIo, type CliContext, type CliIo } from "./io.js";
import { packageVersion } from "./package-info.js";
import { UsageError } from "./usage-error.js";

export type { CliContext, CliIo } from "./io.js";
export { commands } from "./commands/index.js";

/** Run the CLI on `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], rawIo: CliIo, context: CliContext = {}): Promise<number> {
  const io = sanitizedIo(rawIo);
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      io.stdout(mainHelp(commands, packageVersion()));
      return first === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (first === "--version" || first === "-V") {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) {
      const what = first.startsWith("-") ? `unknown flag ${first}` : `unknown command "${first}"`;
      throw new UsageError(`${what}; commands: ${commands.map((c) => c.name).join(", ")} (see qkd-harness --help)`);
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(parseArgs(rest, command.flags, command.name), { io, context, argv });
  } catch (e) {
    // RunSizeError: an exact auth run too large for its bound (search auth, trace), named by its sizes
    if (e instanceof UsageError || e instanceof ScenarioError || e instanceof MergeError || e instanceof ReportWriteError || e instanceof RunSizeError) {
      io.stderr(`qkd-harness: ${e.message.split("\n").join("\nqkd-harness: ")}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`qkd-harness: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_MISMATCH;
  }
}

if (startedAs(import.meta.url)) {
  const streams = processIo(process.stdout, process.stderr, process.env);
  const code = await main(process.argv.slice(2), streams.io);
  process.exitCode = streams.exitCode() ?? code;
  // a stdout failure reported after main returned (the write completes asynchronously)
  process.once("beforeExit", () => void (process.exitCode = streams.exitCode() ?? code));
}
