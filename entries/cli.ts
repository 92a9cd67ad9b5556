/**
 * `qkd-harness/cli`: the command line as a function, for embedding and for your own
 * property definitions: `main(argv, io, { definitions })` runs `verify`, `run`, `replay`,
 * `list` or `report` exactly as the `qkd-harness` binary does, knowing your properties too.
 *
 * @example
 * ```ts
 * import { main } from "qkd-harness/cli";
 * const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };
 * process.exitCode = await main(["verify", "examples/six-state/scenario.yaml"], io, { definitions: sixStateProperties });
 * ```
 * @module qkd-harness/cli
 */
export { main, type CliContext, type CliIo } from "../cli/main.js";
