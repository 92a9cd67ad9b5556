/**
 * `qkd-harness keyrate --preset gys [--mu 0.48] --distance 0,40,100 [--json]`: the secure key
 * rate of eq. 13 with decoy-state estimates, per pulse and per second, at each distance.
 * @module
 */
import { channelPresets, keyRateCurve, parseDistances, type DecoyMethod } from "../../model/bb84/keyrate/index.js";
import { stableJson } from "../../reports/json.js";
import { FlagProblem, type FlagSpec } from "../args.js";
import type { Command } from "../command.js";
import { EXIT_OK } from "../exit-codes.js";
import { jsonFlag } from "../flags.js";
import { UsageError } from "../usage-error.js";

function positiveNumber(name: string) {
  return (text: string): number | FlagProblem => {
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) && n > 0 ? n : new FlagProblem(`must be a positive number, got "${text}"`);
  };
}

const flags: readonly FlagSpec[] = [
  {
    name: "preset",
    kind: "value",
    placeholder: "NAME",
    description: `channel preset: ${Object.keys(channelPresets).join(" | ")} (default gys: 0.21 dB/km, eta_Bob 4.5 %, 2 MHz repetition rate)`,
    parse: (t) => t,
  },
  { name: "mu", kind: "value", placeholder: "X", description: "signal mean photon number per pulse, > 0 (default: optimised per distance)", parse: positiveNumber("mu") },
  { name: "nu", kind: "value", placeholder: "X", description: "weak decoy mean photon number per pulse for --method vacuum-weak-decoy, > 0 (default 0.1)", parse: positiveNumber("nu") },
  { name: "distance", kind: "value", placeholder: "LIST", description: "required: fibre lengths in km, a list 0,40,100 or a range from:to:step 0:150:10", parse: (t) => t },
  {
    name: "method",
    kind: "value",
    placeholder: "M",
    description: "decoy estimate: infinite-decoy | vacuum-weak-decoy (default infinite-decoy)",
    parse: (t) => (t === "infinite-decoy" || t === "vacuum-weak-decoy" ? t : new FlagProblem(`must be infinite-decoy or vacuum-weak-decoy, got "${t}"`)),
  },
  {
    name: "formula",
    kind: "value",
    placeholder: "F",
    description: "key-rate formula: eq13 (the paper's, with Q_0) | gllp (without Q_0) (default eq13)",
    parse: (t) => (t === "eq13" || t === "gllp" ? t : new FlagProblem(`must be eq13 or gllp, got "${t}"`)),
  },
  jsonFlag,
];

/** The keyrate command. */
export const keyrateCommand: Command = {
  name: "keyrate",
  summary: "secure key rate vs distance (eq. 13, GLLP with decoy states), in bits per pulse and bits per second",
  usage: "--preset gys --distance 0,40,100",
  flags,
  async run(args, env) {
    if (args.positionals.length > 0) throw new UsageError(`keyrate: unexpected argument "${args.positionals[0]}"`);
    const preset = (args.flags.get("preset") as string | undefined) ?? "gys";
    const distanceText = args.flags.get("distance") as string | undefined;
    if (distanceText === undefined) throw new UsageError("keyrate: --distance is required (e.g. 0,40,100 or 0:150:10)");
    let rows;
    try {
      rows = keyRateCurve({
        preset,
        distancesKm: parseDistances(distanceText),
        ...(args.flags.has("mu") ? { mu: args.flags.get("mu") as number } : {}),
        ...(args.flags.has("nu") ? { nu: args.flags.get("nu") as number } : {}),
        ...(args.flags.has("method") ? { method: args.flags.get("method") as DecoyMethod } : {}),
        ...(args.flags.has("formula") ? { formula: args.flags.get("formula") as "eq13" | "gllp" } : {}),
      });
    } catch (e) {
      throw new UsageError(`keyrate: ${(e as Error).message}`);
    }
    const out = rows.map((r) => ({ distanceKm: r.distanceKm, ratePerPulse: r.ratePerPulse, ratePerSecond: r.ratePerSecond, qber: r.qber, mu: r.mu }));
    if (args.flags.get("json") === true) {
      env.io.stdout(stableJson(out));
      return EXIT_OK;
    }
    const lines = [
      `key rate, preset ${preset}`,
      "distance_km  rate_per_pulse  rate_per_second  qber     mu",
      ...out.map((r) => `${r.distanceKm.toFixed(1).padStart(11)}  ${r.ratePerPulse.toExponential(4).padStart(14)}  ${r.ratePerSecond.toExponential(4).padStart(15)}  ${r.qber.toFixed(5)}  ${r.mu.toFixed(4)}`),
    ];
    env.io.stdout(`${lines.join("\n")}\n`);
    return EXIT_OK;
  },
};
