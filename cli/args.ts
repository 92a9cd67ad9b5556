/**
 * Command-line flag parsing against a command's flag table: `--flag value`, `--flag=value`,
 * boolean `--flag`, and variadic `--flag A B C`. Unknown flags and bad values throw
 * {@link UsageError} naming the flag and the problem.
 * @module
 */
import { UsageError } from "./usage-error.js";

/** A flag a command accepts. */
export interface FlagSpec {
  /** Long name without dashes, e.g. `seed`. */
  readonly name: string;
  /** `boolean`: no value; `value`: one value; `variadic`: every following non-flag argument. */
  readonly kind: "boolean" | "value" | "variadic";
  /** Placeholder in help, e.g. `N`. */
  readonly placeholder?: string;
  readonly description: string;
  /** Check and convert one value; return a string to report a problem. */
  readonly parse?: (text: string) => unknown;
}

/** Parsed arguments: positionals in order, flag values by name. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, unknown>;
}

/** The problem a flag parser returns instead of a value. */
export class FlagProblem {
  constructor(readonly problem: string) {}
}

/** Parse `argv` (after the command name) against `specs`. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, unknown>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, "");
    const spec = specs.find((s) => s.name === name);
    if (!spec || !arg.startsWith("--")) {
      throw new UsageError(`${command}: unknown flag ${eq >= 0 ? arg.slice(0, eq) : arg}; see qkd-harness ${command} --help`);
    }
    if (flags.has(name)) throw new UsageError(`--${name}: given twice`);
    if (spec.kind === "boolean") {
      if (eq >= 0) throw new UsageError(`--${name}: takes no value`);
      flags.set(name, true);
    } else if (spec.kind === "value") {
      const text = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (text === undefined || (eq < 0 && text.startsWith("--"))) throw new UsageError(`--${name}: missing value (${spec.placeholder ?? "value"})`);
      flags.set(name, convert(spec, text));
    } else {
      const values = eq >= 0 ? [arg.slice(eq + 1)] : [];
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) values.push(argv[++i]!);
      if (values.length === 0) throw new UsageError(`--${name}: missing value (${spec.placeholder ?? "value"}...)`);
      flags.set(name, values.map((v) => convert(spec, v)));
    }
  }
  return { positionals, flags };
}

function convert(spec: FlagSpec, text: string): unknown {
  const value = spec.parse ? spec.parse(text) : text;
  if (value instanceof FlagProblem) throw new UsageError(`--${spec.name}: ${value.problem}`);
  return value;
}
