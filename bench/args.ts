/**
 * The bench runner's command line, checked before anything runs: an unknown option, an option
 * without its value or a stray word is bad input (exit 2, named), as in the CLI. Before, the
 * runner ignored what it did not know, so `npm run bench -- --help` (or a misspelt `--onyl`)
 * started every section, several minutes of work, and overwrote bench/results.json. The values
 * themselves are checked where they are used (`--ops`, `--sizes`, `--clock`, `--baseline` in
 * bench/kernel.ts; `--only` in bench/run.ts).
 * @module
 */
import { sanitizeForTerminal } from "../cli/io.js";
import { flagValue } from "./kernel.js";
import { BenchInputError } from "./rows.js";

/** Options that take a value (`--only kernel` or `--only=kernel`), with what it is. */
export const VALUE_OPTIONS: Readonly<Record<string, string>> = {
  "--only": "sections, separated by commas",
  "--ops": "kernel operations, separated by commas",
  "--sizes": "kernel sizes (n for qubit operations, d for eigensolvers), separated by commas",
  "--baseline": "the dist/ folder of an older build, timed in the same rounds",
  "--clock": "wall or cpu (the kernel's timing)",
  "--allocator": "default: without the huge-page allocator setting",
};

/** Options without a value. */
export const SWITCHES: Readonly<Record<string, string>> = {
  "--quick": "shorter batches, n <= 10",
  "--help": "this text",
};

/** The usage text of `npm run bench -- --help`. */
export function benchUsage(): string {
  const lines = [
    "usage: npm run bench [-- options]   (node dist/bench/run.js [options])",
    "runs every benchmark section, prints each row with its target and writes bench/results.json",
    "",
    ...Object.entries(VALUE_OPTIONS).map(([flag, what]) => `  ${`${flag} VALUE`.padEnd(18)} ${what}`),
    ...Object.entries(SWITCHES).map(([flag, what]) => `  ${flag.padEnd(18)} ${what}`),
    "",
    "see bench/README.md",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Checks `argv` (each option known, each value option given a value, no stray words) and says
 * whether help was asked for. Throws a {@link BenchInputError} naming the first problem, its text
 * safe to print on a terminal.
 */
export function checkBenchArgs(argv: readonly string[]): { readonly help: boolean } {
  let help = false;
  const known = [...Object.keys(VALUE_OPTIONS), ...Object.keys(SWITCHES)].join(", ");
  const bad = (text: string): BenchInputError => new BenchInputError(sanitizeForTerminal(`bench: ${text}`));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg in SWITCHES) continue;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag in VALUE_OPTIONS) {
      if (flag !== arg) {
        if (arg.length === eq + 1) throw bad(`${flag}: expected ${VALUE_OPTIONS[flag]}, got nothing`);
        continue;
      }
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw bad(`${flag}: expected ${VALUE_OPTIONS[flag]}, got ${value === undefined ? "nothing" : JSON.stringify(value)}`);
      i++;
      continue;
    }
    throw bad(arg.startsWith("-") ? `unknown option ${JSON.stringify(arg)} (known: ${known}, -h)` : `unexpected argument ${JSON.stringify(arg)}: options only (known: ${known}, -h)`);
  }
  const allocator = flagValue(argv, "--allocator");
  if (allocator !== null && allocator !== "default") throw bad(`--allocator: expected default, got ${JSON.stringify(allocator)}`);
  return { help };
}
