/**
 * The bench runner's command line, checked before any section runs: an unknown option, an
 * option without its value or given twice, a stray word, and a bad `--ops`, `--sizes`,
 * `--clock` or `--allocator` are bad input (exit 2, named), as in the CLI, whose parser
 * (cli/args.ts) reads the options here. Before, the runner ignored what it did not know, so
 * `npm run bench -- --help` (or a misspelt `--onyl`) started every section, several minutes of
 * work, and overwrote bench/results.json; and the kernel's options were checked only when the
 * kernel section ran (`--only bb84 --ops typo` was accepted). `--only`'s section names are
 * checked by bench/run.ts, which holds the sections.
 * @module
 */
import { FlagProblem, parseArgs, type FlagSpec } from "../cli/args.js";
import { UsageError } from "../cli/usage-error.js";
import { parseClock, parseOps, parseSizes } from "./kernel.js";
import { BenchInputError } from "./rows.js";

/** The runner's options (names without dashes), in help order. */
export const BENCH_FLAGS: readonly FlagSpec[] = [
  { name: "only", kind: "value", placeholder: "SECTIONS", description: "only these sections, separated by commas" },
  { name: "ops", kind: "value", placeholder: "OPS", description: "only these kernel operations, separated by commas" },
  { name: "sizes", kind: "value", placeholder: "SIZES", description: "only these kernel sizes (n for qubit operations, d for eigensolvers), separated by commas" },
  { name: "baseline", kind: "value", placeholder: "DIR", description: "the dist/ folder of an older build, timed in the same rounds (kernel, bb84, auth)" },
  { name: "clock", kind: "value", placeholder: "CLOCK", description: "the kernel's timing: wall or cpu" },
  { name: "allocator", kind: "value", placeholder: "default", parse: (t) => (t === "default" ? t : new FlagProblem(`expected default, got "${t}"`)), description: "default: without the huge-page allocator setting" },
  { name: "quick", kind: "boolean", description: "shorter batches, n <= 10" },
  { name: "help", kind: "boolean", description: "this text (also -h)" },
];

/** The usage text of `npm run bench -- --help`. */
export function benchUsage(): string {
  const option = (f: FlagSpec): string => `  ${(f.kind === "value" ? `--${f.name} ${f.placeholder}` : `--${f.name}`).padEnd(20)} ${f.description}`;
  return [
    "usage: npm run bench [-- options]   (node dist/bench/run.js [options])",
    "runs every benchmark section, prints each row with its target and writes bench/results.json",
    "",
    ...BENCH_FLAGS.map(option),
    "",
    "see bench/README.md",
    "",
  ].join("\n");
}

/**
 * Checks `argv` and says whether help was asked for (`--help` or `-h` anywhere: help wins, as
 * in the CLI). Throws a {@link BenchInputError} naming the first problem.
 */
export function checkBenchArgs(argv: readonly string[]): { readonly help: boolean } {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const known = BENCH_FLAGS.map((f) => `--${f.name}`).join(", ");
  for (const arg of argv) {
    const name = arg.split("=")[0];
    // the CLI parser's own message for an unknown flag points at `qkd-harness <command> --help`
    if (arg.startsWith("-") && !BENCH_FLAGS.some((f) => `--${f.name}` === name)) throw new BenchInputError(`bench: unknown option ${JSON.stringify(name)} (known: ${known}, -h)`);
  }
  let parsed;
  try {
    parsed = parseArgs(argv, BENCH_FLAGS, "bench");
  } catch (e) {
    if (e instanceof UsageError) throw new BenchInputError(`bench: ${e.message}`);
    throw e;
  }
  if (parsed.positionals.length > 0) throw new BenchInputError(`bench: unexpected argument ${JSON.stringify(parsed.positionals[0])}: options only (known: ${known}, -h)`);
  const value = (name: string): string | null => (parsed.flags.get(name) as string | undefined) ?? null;
  parseOps(value("ops"));
  parseSizes(value("sizes"));
  parseClock(value("clock"));
  return { help: false };
}
