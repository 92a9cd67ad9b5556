/**
 * `qkd-harness search auth|bb84 [flags] [--json] [--out FILE]`: the optimising adversary search
 * alone (issue 11). Prints `{ objective, value, evaluations, budget, seed, strategy, metrics }`,
 * with `unscored` when the auth search skipped candidates too large to score exactly;
 * `--out FILE` writes the same with the command line that reproduces it (a search record, which
 * `analyze auth --strategy FILE` reads as its strategy).
 * @module
 */
import { renameSync, writeFileSync } from "node:fs";
import { RunSizeError } from "../../model/auth/index.js";
import { AUTH_OBJECTIVES, searchAuth, type AuthObjective } from "../../properties/auth/search.js";
import { BB84_OBJECTIVES, bb84SearchResult, type Bb84Objective } from "../../properties/bb84/search.js";
import { secrecy } from "../../properties/bb84/secrecy.js";
import { MAX_BUDGET } from "../../properties/search/optimise.js";
import type { Json, Metrics } from "../../properties/types.js";
import { stableJson } from "../../reports/json.js";
import { FlagProblem, type FlagSpec, type ParsedArgs } from "../args.js";
import type { Command } from "../command.js";
import { EXIT_OK } from "../exit-codes.js";
import { jsonFlag } from "../flags.js";
import { runStarts } from "../search-workers.js";
import { cappedWorkers, noteTo } from "../workers.js";
import { UsageError } from "../usage-error.js";

/** Default budgets (objective evaluations): an auth evaluation is an exact multi-qubit run, a bb84 one a few 4x4 blocks. */
export const DEFAULT_BUDGET = { auth: 400, bb84: 16000 } as const;

const integer = (min: number, max: number, extra?: (n: number) => string | undefined) => (text: string): number | FlagProblem => {
  if (!/^-?\d+$/.test(text)) return new FlagProblem(`must be an integer, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) return new FlagProblem(`must be between ${min} and ${max}, got ${text}`);
  const problem = extra?.(n);
  return problem === undefined ? n : new FlagProblem(problem);
};

const oneOf = (names: readonly string[]) => (text: string): string | FlagProblem =>
  names.includes(text) ? text : new FlagProblem(`unknown value "${text}"; allowed: ${names.join(", ")}`);

const OBJECTIVES = [...AUTH_OBJECTIVES, ...BB84_OBJECTIVES];

const flags: readonly FlagSpec[] = [
  { name: "objective", kind: "value", placeholder: "NAME", parse: oneOf(OBJECTIVES), description: `what to maximise. auth: ${AUTH_OBJECTIVES.join(" | ")} (default acceptedInformation: Eve's bits about the updated key given acceptance, among attacks accepted with probability >= 0.999); bb84: ${BB84_OBJECTIVES.join(" | ")} (default information: bits of Eve's best measurement per sifted bit at QBER <= D)` },
  { name: "seed", kind: "value", placeholder: "N", parse: integer(-(2 ** 31), 2 ** 31 - 1), description: "seed of the search (default 1); same seed and budget, same result" },
  { name: "budget", kind: "value", placeholder: "N", parse: integer(1, MAX_BUDGET), description: `most objective evaluations, 1..${MAX_BUDGET} (default auth ${DEFAULT_BUDGET.auth}, bb84 ${DEFAULT_BUDGET.bb84})` },
  { name: "variant", kind: "value", placeholder: "NAME", parse: oneOf(["parity", "basis-encoded"]), description: "auth: reading of eq. 9, parity | basis-encoded (default parity)" },
  { name: "key-bits", kind: "value", placeholder: "N", parse: integer(2, 12, (n) => (n % 2 === 0 ? undefined : `must be even, got ${n}`)), description: "auth: length n of K_c, even, 2..12 (default 4)" },
  { name: "sessions", kind: "value", placeholder: "N", parse: integer(1, 6), description: "auth: sessions, 1..6 (default 1); Eve's information is about the key after the last" },
  {
    name: "disturbance", kind: "value", placeholder: "D",
    parse: (t) => { const d = Number(t); return t.trim() !== "" && d >= 0 && d <= 0.5 ? d : new FlagProblem(`must be a number in [0, 0.5], got "${t}"`); },
    description: "bb84: QBER the probe may cause in each basis, in [0, 0.5] (default the threshold p_o = 0.11)",
  },
  { name: "out", kind: "value", placeholder: "FILE", parse: (t) => (t.trim() === "" ? new FlagProblem("must not be empty") : t), description: "write the strategy with the command line and seed that reproduce it, as JSON (default: not written)" },
  {
    name: "workers", kind: "value", placeholder: "N", parse: integer(1, 1024),
    description: "threads for the search's independent starts, 1..1024, at most 4 per core used (default: the machine's cores, but one per 25 starts at most: a thread's start-up costs more than a smaller share saves; 1 runs in-process, as the CLI does when run from TypeScript sources); only bb84 --objective information has several starts, one per 2,000 evaluations: other searches run in-process; the result is the same for any N",
  },
  jsonFlag,
];

const AUTH_ONLY = ["variant", "key-bits", "sessions"], BB84_ONLY = ["disturbance"];

/** The search command. */
export const searchCommand: Command = {
  name: "search",
  summary: "optimising adversary search: the most damaging attack within a budget (search auth | search bb84)",
  usage: "auth|bb84",
  flags,
  async run(args, env) {
    const [protocol, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`search: unexpected argument "${extra[0]}"`);
    if (protocol !== "auth" && protocol !== "bb84") throw new UsageError(`search: expected a protocol, auth or bb84, got ${protocol === undefined ? "none" : `"${protocol}"`}`);
    const result = protocol === "auth" ? runAuth(args) : await runBb84(args, noteTo(env));
    const unscored = result.record.unscored;
    if (unscored !== undefined) noteTo(env)(`${unscored} candidate attack${unscored === 1 ? " was" : "s were"} too large to score exactly and ${unscored === 1 ? "was" : "were"} skipped (unscored): the result is the best of the others`);
    const out = args.flags.get("out") as string | undefined;
    if (out !== undefined) writeAtomically(out, stableJson({ command: result.command, ...result.record }));
    if (args.flags.get("json") === true) env.io.stdout(stableJson(result.record));
    else env.io.stdout(`${Object.entries(result.record).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join("\n")}\n`);
    return EXIT_OK;
  },
};

interface SearchRun {
  /** The command line that reproduces the search, every option explicit. */
  readonly command: string;
  readonly record: { readonly objective: string; readonly value: number; readonly evaluations: number; readonly unscored?: number; readonly budget: number; readonly seed: number; readonly strategy: Json; readonly metrics: Metrics };
}

function reject(args: ParsedArgs, names: readonly string[], protocol: string): void {
  for (const n of names) if (args.flags.has(n)) throw new UsageError(`search ${protocol}: --${n} does not apply to ${protocol}`);
}

function objectiveOf<T extends string>(args: ParsedArgs, allowed: readonly T[], fallback: T, protocol: string): T {
  const o = (args.flags.get("objective") as string | undefined) ?? fallback;
  if (!allowed.includes(o as T)) throw new UsageError(`--objective: "${o}" does not apply to ${protocol}; allowed: ${allowed.join(", ")}`);
  return o as T;
}

function runAuth(args: ParsedArgs): SearchRun {
  reject(args, BB84_ONLY, "auth");
  const objective = objectiveOf<AuthObjective>(args, AUTH_OBJECTIVES, "acceptedInformation", "auth");
  const variant = (args.flags.get("variant") as "parity" | "basis-encoded" | undefined) ?? "parity";
  const keyBits = (args.flags.get("key-bits") as number | undefined) ?? 4;
  const sessions = (args.flags.get("sessions") as number | undefined) ?? 1;
  const seed = (args.flags.get("seed") as number | undefined) ?? 1;
  const budget = (args.flags.get("budget") as number | undefined) ?? DEFAULT_BUDGET.auth;
  let found: ReturnType<typeof searchAuth>;
  try {
    found = searchAuth({ variant, keyBits, sessions, noise: 0 }, { objective, seed, budget, skipTooLarge: true });
  } catch (e) {
    // no candidate could be scored exactly (searchAuth skips those it cannot, counting them);
    // the search scores on n = 4 with as many rounds (properties/auth/search.ts proxyParams), so
    // the sizes in the error may be that instance's
    if (!(e instanceof RunSizeError)) throw e;
    throw new UsageError(
      `search auth --key-bits ${keyBits} --sessions ${sessions}: no candidate attack could be scored exactly: the last tried needs more than ${e.limit.toLocaleString("en-US")} ${e.what} ` +
        `(keyBits ${e.keyBits}, ${e.sessions} sessions; the search scores on n = 4 with as many rounds, then re-scores its best at the flags' sizes); use fewer --key-bits or --sessions`,
    );
  }
  return {
    command: `qkd-harness search auth --variant ${variant} --key-bits ${keyBits} --sessions ${sessions} --objective ${objective} --seed ${seed} --budget ${budget}`,
    record: {
      objective, value: found.value, evaluations: found.evaluations, ...(found.unscored !== undefined ? { unscored: found.unscored } : {}),
      budget, seed, strategy: found.input as unknown as Json, metrics: { variant, keyBits, sessions, ...found.metrics },
    },
  };
}

async function runBb84(args: ParsedArgs, onNote: (text: string) => void): Promise<SearchRun> {
  reject(args, AUTH_ONLY, "bb84");
  const objective = objectiveOf<Bb84Objective>(args, BB84_OBJECTIVES, "information", "bb84");
  const params = secrecy.params.parse({ variant: "paper" });
  const disturbance = (args.flags.get("disturbance") as number | undefined) ?? params.run.threshold;
  if (objective === "interceptFraction" && args.flags.has("disturbance")) throw new UsageError("search bb84: --disturbance does not apply to --objective interceptFraction (the constraint is P(accept) >= 1/2)");
  const seed = (args.flags.get("seed") as number | undefined) ?? 1;
  const budget = (args.flags.get("budget") as number | undefined) ?? DEFAULT_BUDGET.bb84;
  const options = { objective, seed, budget, disturbance };
  const workers = cappedWorkers(args.flags.get("workers") as number | undefined, onNote);
  const found = bb84SearchResult(params, options, await runStarts({ params, options }, { ...(workers !== undefined ? { workers } : {}), onNote }));
  return {
    command: `qkd-harness search bb84 --objective ${objective}${objective === "information" ? ` --disturbance ${disturbance}` : ""} --seed ${seed} --budget ${budget}`,
    record: { objective, value: found.value, evaluations: found.evaluations, budget, seed, strategy: found.input as unknown as Json, metrics: found.metrics },
  };
}

/** Write via a temporary file and a rename: a failed write leaves nothing half-written. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    throw new UsageError(`--out: cannot write ${file}: ${(e as Error).message}`);
  }
}
