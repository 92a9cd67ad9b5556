/**
 * Help text, generated from the command table.
 * @module
 */
import type { Command } from "./command.js";

const EXIT_CODES = "exit codes: 0 every verdict matches its expectation, 1 a verdict differs or a check errored, 2 bad input or usage";
const ENVIRONMENT = "environment: CI=true plain progress lines; NO_COLOR=1 no colour (colour only on a terminal anyway)";

/** `qkd-harness --help`. */
export function mainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `qkd-harness ${version}: property-testing harness for the QM_KDC quantum multicast key distribution scheme`,
    "",
    "usage: qkd-harness <command> [arguments] [flags]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "flags: --help, --version; qkd-harness <command> --help for a command's flags, their allowed values, defaults and units",
    EXIT_CODES,
    ENVIRONMENT,
    "",
  ].join("\n");
}

/** `qkd-harness <command> --help`. */
export function commandHelp(command: Command): string {
  const flags = [...command.flags, { name: "help", placeholder: undefined, kind: "boolean", description: "show this help" }];
  const label = (f: (typeof flags)[number]) => `--${f.name}${f.kind === "boolean" ? "" : ` ${f.placeholder ?? "VALUE"}${f.kind === "variadic" ? "..." : ""}`}`;
  const width = Math.max(...flags.map((f) => label(f).length));
  return [
    `usage: qkd-harness ${command.name} ${command.usage} [flags]`,
    "",
    command.summary,
    "",
    "flags:",
    ...flags.map((f) => `  ${label(f).padEnd(width)}  ${f.description}`),
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}
