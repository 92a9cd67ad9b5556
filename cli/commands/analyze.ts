/**
 * `qkd-harness analyze bb84|auth [flags] [--json]`: the exact analysis of one attack.
 *
 * - `analyze bb84 --adversary intercept-resend --fraction 1 --basis random` prints QBER per
 *   basis, Eve's information and the Holevo bound, acceptance and key fraction.
 * - `analyze auth --variant parity --key-bits 8 [--strategy best-attack|FILE]` prints the honest and
 *   impersonation acceptance and, for a strategy, its acceptance and Eve's information about
 *   the updated key.
 * @module
 */
import { readFileSync } from "node:fs";
import { analyzeAuth } from "../../properties/auth/analyze.js";
import { namedStrategies } from "../../properties/auth/namedStrategies.js";
import { analyzeBB84 } from "../../properties/bb84/analyze.js";
import { INTERCEPT_BASES, NAMED_ADVERSARIES, PROTOCOL_VARIANTS } from "../../model/bb84/index.js";
import { stableJson } from "../../reports/json.js";
import { parseDataText } from "../../scenarios/parse-text.js";
import type { FlagSpec, ParsedArgs } from "../args.js";
import type { Command } from "../command.js";
import { EXIT_OK } from "../exit-codes.js";
import { jsonFlag } from "../flags.js";
import { UsageError } from "../usage-error.js";

const text = (name: string, placeholder: string, description: string): FlagSpec => ({ name, kind: "value", placeholder, description, parse: (t) => t });

/**
 * Flags of `analyze bb84`: the option of analyzeBB84 each maps to, and its help (allowed values,
 * default, unit). The values are checked by analyzeBB84's schema, which names the flag.
 */
const bb84Flags: Readonly<Record<string, { readonly option: string; readonly placeholder: string; readonly help: string }>> = {
  adversary: { option: "adversary", placeholder: "NAME", help: `required: ${NAMED_ADVERSARIES.join(" | ")}` },
  fraction: { option: "fraction", placeholder: "F", help: "intercept-resend: fraction of pulses attacked, 0..1 (default 1)" },
  basis: { option: "basis", placeholder: "B", help: `intercept-resend: Eve's measurement basis, ${INTERCEPT_BASES.join(" | ")} (default random)` },
  disturbance: { option: "disturbance", placeholder: "D", help: "cloner, pns-cloner: QBER the cloner causes, 0..0.5 (default 0.11 cloner, 0.05 pns-cloner)" },
  "ancilla-dim": { option: "ancillaDim", placeholder: "N", help: "haar-probe: Eve's ancilla dimension, 2 | 3 | 4 (default 2)" },
  variant: { option: "variant", placeholder: "V", help: `protocol variant, ${PROTOCOL_VARIANTS.join(" | ")} (default paper)` },
  threshold: { option: "threshold", placeholder: "P", help: "QBER threshold p_o of eq. 4, a probability (default 0.11)" },
  "test-size": { option: "testSize", placeholder: "N", help: "bits disclosed for the QBER test, integer 1..10^6 (default 1000)" },
  "ec-efficiency": { option: "ecEfficiency", placeholder: "X", help: "error-correction efficiency f_EC, >= 1 (default 1.16)" },
  source: { option: "source", placeholder: "S", help: "photon source, single-photon | weak-coherent (default single-photon)" },
  "mean-photon-number": { option: "meanPhotonNumber", placeholder: "MU", help: "weak-coherent: mean photon number per pulse, (0, 50] (default 0.5)" },
  "fibre-loss": { option: "fibreLossDbPerKm", placeholder: "DB", help: "fibre loss in dB/km, >= 0 (default 0)" },
  distance: { option: "distanceKm", placeholder: "KM", help: "fibre length in km, >= 0 (default 0)" },
  "detector-efficiency": { option: "detectorEfficiency", placeholder: "P", help: "detector efficiency, a probability (default 1)" },
  "dark-count": { option: "darkCountProbability", placeholder: "P", help: "dark-count probability per detection window, a probability (default 0)" },
  misalignment: { option: "misalignment", placeholder: "P", help: "optical misalignment error, a probability (default 0)" },
  depolarizing: { option: "depolarizing", placeholder: "P", help: "channel depolarizing probability (default 0)" },
  dephasing: { option: "dephasing", placeholder: "P", help: "channel dephasing probability (default 0)" },
};

/** Flags of `analyze auth`. */
const authFlags = ["variant", "key-bits", "strategy", "noise", "sessions"] as const;

const strategyNames = Object.keys(namedStrategies);

const flags: readonly FlagSpec[] = [
  ...Object.entries(bb84Flags).map(([flag, f]) =>
    text(flag, f.placeholder, flag === "variant" ? `bb84: ${f.help}; auth: parity | basis-encoded (default parity)` : `bb84: ${f.help}`),
  ),
  text("key-bits", "N", "auth: length n of K_c in bits, even, 2..12 (default 8)"),
  text("strategy", "NAME|FILE", `auth: an adversary strategy, a shipped one (${strategyNames.join(" | ")}) or a JSON file (default none)`),
  text("noise", "P", "auth: depolarizing probability per quantum transit, 0..1 (default 0)"),
  text("sessions", "N", "auth: sessions to run the strategy for, 1..6 (default 1)"),
  jsonFlag,
];

/** The analyze command. */
export const analyzeCommand: Command = {
  name: "analyze",
  summary: "exact analysis of one attack: analyze bb84 --adversary ... | analyze auth --variant ...",
  usage: "bb84|auth",
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
  if (!values.has("adversary")) throw new UsageError(`analyze bb84: --adversary is required (${NAMED_ADVERSARIES.join(", ")})`);
  const options = Object.fromEntries([...values].map(([flag, v]) => [bb84Flags[flag]!.option, v]));
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
  const strategy = strategyArgument(values.get("strategy"));
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

/**
 * `--strategy NAME|FILE`: a strategy shipped in the package by name (`best-attack`, ...), else
 * a JSON file; undefined when the flag is absent.
 */
function strategyArgument(nameOrFile: string | undefined): unknown {
  if (nameOrFile === undefined) return undefined;
  if (Object.hasOwn(namedStrategies, nameOrFile)) return namedStrategies[nameOrFile as keyof typeof namedStrategies];
  let raw: string;
  try {
    raw = readFileSync(nameOrFile, "utf8");
  } catch {
    throw new UsageError(`analyze auth: --strategy: cannot read ${nameOrFile}; it is not a file, nor a shipped strategy (${strategyNames.join(", ")})`);
  }
  return parseDataText(nameOrFile, raw, "json"); // a ScenarioError naming the file, never the file's bytes
}
