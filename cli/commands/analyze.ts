/**
 * `qkd-harness analyze bb84|auth [flags] [--json]`: the exact analysis of one attack.
 *
 * - `analyze bb84 --adversary intercept-resend --fraction 1 --basis random` prints QBER per
 *   basis, Eve's information and the Holevo bound, acceptance and key fraction.
 * - `analyze auth --variant parity --key-bits 8 [--strategy FILE]` prints the honest and
 *   impersonation acceptance and, for a strategy, its acceptance and Eve's information about
 *   the updated key.
 * @module
 */
import { readFileSync } from "node:fs";
import { analyzeAuth } from "../../properties/auth/analyze.js";
import { analyzeBB84 } from "../../properties/bb84/analyze.js";
import { stableJson } from "../../reports/json.js";
import { parseDataText } from "../../scenarios/parse-text.js";
import type { FlagSpec, ParsedArgs } from "../args.js";
import type { Command } from "../command.js";
import { EXIT_OK } from "../exit-codes.js";
import { jsonFlag } from "../flags.js";
import { UsageError } from "../usage-error.js";

const text = (name: string, placeholder: string, description: string): FlagSpec => ({ name, kind: "value", placeholder, description, parse: (t) => t });

/** Flags of `analyze bb84`, mapped to analyzeBB84's option names. */
const bb84Flags: Readonly<Record<string, string>> = {
  adversary: "adversary",
  fraction: "fraction",
  basis: "basis",
  disturbance: "disturbance",
  "ancilla-dim": "ancillaDim",
  variant: "variant",
  threshold: "threshold",
  "test-size": "testSize",
  "ec-efficiency": "ecEfficiency",
  source: "source",
  "mean-photon-number": "meanPhotonNumber",
  "fibre-loss": "fibreLossDbPerKm",
  distance: "distanceKm",
  "detector-efficiency": "detectorEfficiency",
  "dark-count": "darkCountProbability",
  misalignment: "misalignment",
  depolarizing: "depolarizing",
  dephasing: "dephasing",
};

/** Flags of `analyze auth`. */
const authFlags = ["variant", "key-bits", "strategy", "noise", "sessions"] as const;

const flags: readonly FlagSpec[] = [
  ...Object.keys(bb84Flags).map((f) => text(f, "X", `bb84: ${bb84Flags[f]}`)),
  text("key-bits", "N", "auth: length n of K_c (even)"),
  text("strategy", "FILE", "auth: an adversary strategy as JSON"),
  text("noise", "P", "auth: depolarizing probability per quantum transit"),
  text("sessions", "N", "auth: sessions to run the strategy for"),
  jsonFlag,
];

/** The analyze command. */
export const analyzeCommand: Command = {
  name: "analyze",
  summary: "exact analysis of one attack: analyze bb84 --adversary ... | analyze auth --variant ...",
  usage: "bb84|auth [flags]",
  flags,
  async run(args, env) {
    const [protocol, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`analyze: unexpected argument "${extra[0]}"`);
    let result: unknown;
    if (protocol === "bb84") result = analyzeBb84(args);
    else if (protocol === "auth") result = analyzeAuthentication(args);
    else throw new UsageError(`analyze: expected a protocol, bb84 or auth, got ${protocol === undefined ? "none" : `"${protocol}"`}`);
    if (args.flags.get("json") === true) env.io.stdout(stableJson(result));
    else env.io.stdout(`${Object.entries(result as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join("\n")}\n`);
    return EXIT_OK;
  },
};

function given(args: ParsedArgs, allowed: readonly string[], protocol: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of args.flags) {
    if (name === "json") continue;
    if (!allowed.includes(name)) throw new UsageError(`analyze ${protocol}: --${name} does not apply to ${protocol}`);
    out.set(name, value as string);
  }
  return out;
}

function analyzeBb84(args: ParsedArgs): unknown {
  const values = given(args, Object.keys(bb84Flags), "bb84");
  if (!values.has("adversary")) throw new UsageError("analyze bb84: --adversary is required (e.g. intercept-resend, cloner, pns, none)");
  const options = Object.fromEntries([...values].map(([flag, v]) => [bb84Flags[flag], v]));
  try {
    const { strategy: _strategy, ...rest } = analyzeBB84(options as unknown as Parameters<typeof analyzeBB84>[0]);
    return rest;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function analyzeAuthentication(args: ParsedArgs): unknown {
  const values = given(args, authFlags, "auth");
  const integer = (flag: string): number | undefined => {
    const v = values.get(flag);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new UsageError(`analyze auth: --${flag} must be a positive integer, got "${v}"`);
    return Number(v);
  };
  const noiseText = values.get("noise");
  const noise = noiseText === undefined ? undefined : Number(noiseText);
  if (noise !== undefined && !(noise >= 0 && noise <= 1)) throw new UsageError(`analyze auth: --noise must be in [0, 1], got "${noiseText}"`);
  let strategy: unknown;
  const file = values.get("strategy");
  if (file !== undefined) {
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch {
      throw new UsageError(`analyze auth: --strategy: cannot read ${file}`);
    }
    strategy = parseDataText(file, raw, "json"); // a ScenarioError naming the file, never the file's bytes
  }
  const keyBits = integer("key-bits") ?? 8;
  const sessions = integer("sessions");
  try {
    return analyzeAuth({
      variant: (values.get("variant") ?? "parity") as "parity",
      keyBits,
      ...(strategy !== undefined ? { strategy } : {}),
      ...(noise !== undefined ? { noise } : {}),
      ...(sessions !== undefined ? { sessions } : {}),
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
