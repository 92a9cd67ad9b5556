/**
 * The flags shared by commands, each with its check.
 * @module
 */
import { MAX_RUNS } from "../properties/limits.js";
import { DEFAULT_SEARCH_BUDGET, MAX_SEARCH_BUDGET } from "../scenarios/schema.js";
import { parseShard } from "../scenarios/matrix.js";
import { REPORT_FORMATS, type ReportFormat } from "../reports/write.js";
import { FlagProblem, type FlagSpec } from "./args.js";

/** Default output directory of reports. */
export const DEFAULT_OUT_DIR = "reports/out";

function integer(min: number, max: number) {
  return (text: string): number | FlagProblem => {
    if (!/^-?\d+$/.test(text)) return new FlagProblem(`must be an integer, got "${text}"`);
    const n = Number(text);
    if (n < min || n > max) return new FlagProblem(`must be between ${min} and ${max}, got ${text}`);
    return n;
  };
}

/** `--seed N`: overrides every scenario's seed. */
export const seedFlag: FlagSpec = {
  name: "seed",
  kind: "value",
  placeholder: "N",
  description: "seed of every property, an integer -2^31..2^31-1 (default: each scenario's settings.seed; replay: required)",
  parse: integer(-(2 ** 31), 2 ** 31 - 1),
};

/** `--runs N`: overrides every scenario's number of generated inputs. */
export const runsFlag: FlagSpec = {
  name: "runs",
  kind: "value",
  placeholder: "N",
  description: `generated inputs per property, 1..${MAX_RUNS} (default: each scenario's settings.runs)`,
  parse: integer(1, MAX_RUNS),
};

/** Most seeds `--seeds` accepts (a sweep multiplies the run time by K). */
export const MAX_SEEDS = 1000;

/** `--seeds K`: run every cell on K consecutive seeds and report the fraction matched. */
export const seedsFlag: FlagSpec = {
  name: "seeds",
  kind: "value",
  placeholder: "K",
  description:
    `run every cell on K consecutive seeds from its own (or --seed) and report the fraction matched; a cell matches when ` +
    `>= 95 % of its seeds match, 1..${MAX_SEEDS} (default 1: the scenario's seed only)`,
  parse: integer(1, MAX_SEEDS),
};

/** `--out DIR`: where reports are written. */
export const outFlag: FlagSpec = {
  name: "out",
  kind: "value",
  placeholder: "DIR",
  description: `report directory, created if missing (default ${DEFAULT_OUT_DIR})`,
  parse: (text) => (text.trim() === "" ? new FlagProblem("must not be empty") : text),
};

/** `--format html,json,junit`: which reports to write. */
export const formatFlag: FlagSpec = {
  name: "format",
  kind: "value",
  placeholder: "LIST",
  description: `report formats, comma-separated from ${REPORT_FORMATS.join(" | ")} (default all: ${REPORT_FORMATS.join(",")})`,
  parse: (text): ReportFormat[] | FlagProblem => {
    const parts = text.split(",").map((p) => p.trim());
    const bad = parts.filter((p) => !(REPORT_FORMATS as readonly string[]).includes(p));
    if (bad.length > 0) return new FlagProblem(`unknown format "${bad[0]}"; known: ${REPORT_FORMATS.join(", ")}`);
    return [...new Set(parts as ReportFormat[])];
  },
};

/** `--shard i/n`: run one deterministic part of the scenario x property matrix. */
export const shardFlag: FlagSpec = {
  name: "shard",
  kind: "value",
  placeholder: "i/n",
  description: "run shard i of n (1 <= i <= n) of the scenario x property matrix; merge with report --merge (default: all)",
  parse: (text) => {
    const shard = parseShard(text);
    return typeof shard === "string" ? new FlagProblem(shard) : shard;
  },
};

/** `--json`: print the results document to stdout. */
export const jsonFlag: FlagSpec = { name: "json", kind: "boolean", description: "print JSON to stdout instead of text (default text)" };

/** `--property ID`. */
export const propertyFlag: FlagSpec = {
  name: "property",
  kind: "value",
  placeholder: "ID",
  description: "property id, as listed by qkd-harness list (run: default every property; replay: required)",
  parse: (text) => (text.trim() === "" ? new FlagProblem("must not be empty") : text),
};

/** `--path P`: a fast-check replay path such as `3:1:0`. */
export const pathFlag: FlagSpec = {
  name: "path",
  kind: "value",
  placeholder: "P",
  description: "required: fast-check replay path of the counterexample, e.g. 3:1:0 (printed with each finding)",
  parse: (text) => (/^\d+(:\d+)*$/.test(text) ? text : new FlagProblem(`must look like 3:1:0, got "${text}"`)),
};

/** `--budget B`: the optimising search's budget for every cell. */
export const budgetFlag: FlagSpec = {
  name: "budget",
  kind: "value",
  placeholder: "B",
  description: `objective evaluations of the optimising search per cell, 0..${MAX_SEARCH_BUDGET}; 0 runs no search (default: each scenario's settings.searchBudget, else ${DEFAULT_SEARCH_BUDGET})`,
  parse: integer(0, MAX_SEARCH_BUDGET),
};

/** `--workers N`: worker threads for the cells (default: the machine's cores; 1 runs in-process). */
export const workersFlag: FlagSpec = {
  name: "workers",
  kind: "value",
  placeholder: "N",
  description: "worker threads for the cells, 1..1024, at most 4 per core used (default: the machine's cores; 1 runs in-process)",
  parse: integer(1, 1024),
};

/** `--quiet`: only mismatches, errors and the closing counts; no progress. */
export const quietFlag: FlagSpec = {
  name: "quiet",
  kind: "boolean",
  description: "print only mismatches, errors and the closing counts (no progress, no per-cell lines)",
};

/** `--help`. */
export const helpFlag: FlagSpec = { name: "help", kind: "boolean", description: "show this help" };
