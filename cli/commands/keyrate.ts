/**
 * `qkd-harness keyrate --preset gys [--mu 0.48] --distance 0,40,100 [--json]`: the secure key
 * rate of eq. 13 with decoy-state estimates, per pulse and per second, at each distance; with
 * `--method finite-decoy --block N --eps-sec E [--fluctuation chernoff|kl]`, the finite-size two-decoy key of
 * Lim et al. (2014), with Lim's Hoeffding deviations, multiplicative Chernoff bounds or Hoeffding's
 * relative-entropy bounds on the counts.
 * The output states its units, the source's repetition rate, the preset's parameters and the ε's.
 * @module
 */
import {
  channelPreset,
  channelPresets,
  finiteDecoyCurve,
  keyRateCurve,
  MAX_DISTANCES,
  parseDistances,
  validateChannel,
  DEFAULT_VACUUM_DECOY,
  MIN_BLOCK_PULSES,
  type DecoyMethod,
  type Fluctuation,
} from "../../model/bb84/keyrate/index.js";
import { stableJson } from "../../reports/json.js";
import { FlagProblem, type FlagSpec } from "../args.js";
import type { Command } from "../command.js";
import { EXIT_OK } from "../exit-codes.js";
import { jsonFlag } from "../flags.js";
import { UsageError } from "../usage-error.js";

function positiveNumber() {
  return (text: string): number | FlagProblem => {
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) && n > 0 ? n : new FlagProblem(`must be a positive number, got "${text}"`);
  };
}

function nonNegativeNumber(text: string): number | FlagProblem {
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : new FlagProblem(`must be a number >= 0, got "${text}"`);
}

function openUnitInterval(text: string): number | FlagProblem {
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) && n > 0 && n < 1 ? n : new FlagProblem(`must be a number in (0, 1), got "${text}"`);
}

function blockSize(text: string): number | FlagProblem {
  const n = Number(text);
  if (!(text.trim() !== "" && Number.isInteger(n))) return new FlagProblem(`must be an integer number of pulses (e.g. 1e10), got "${text}"`);
  if (n < MIN_BLOCK_PULSES) return new FlagProblem(`must be >= ${MIN_BLOCK_PULSES} pulses (a smaller block cannot hold a test sample of every intensity in both bases), got ${text}`);
  return n;
}

const METHODS = ["infinite-decoy", "vacuum-weak-decoy", "finite-decoy"] as const;
const FLUCTUATIONS = ["hoeffding", "chernoff", "kl"] as const satisfies readonly Fluctuation[];
/** What each `--fluctuation` bounds the counts with, for the document's `reference`. */
const FLUCTUATION_REFERENCE: Record<Fluctuation, string> = {
  hoeffding: "counts bounded by Hoeffding's deviation of the basis total (Lim et al.)",
  chernoff: "counts bounded by the multiplicative Chernoff bound inverted for the observed value (Mitzenmacher-Upfal Thms. 4.4-4.5; Zhang et al., PRA 95, 012333 (2017))",
  kl: "counts bounded by Hoeffding's relative-entropy bound within the basis total, inverted for the observed value (Hoeffding, JASA 58, 13 (1963), Thm. 1)",
};
type Method = (typeof METHODS)[number];

const flags: readonly FlagSpec[] = [
  {
    name: "preset",
    kind: "value",
    placeholder: "NAME",
    description: `channel preset: ${Object.keys(channelPresets).join(" | ")} (default gys: 0.21 dB/km, eta_Bob 4.5 %, 2 MHz repetition rate)`,
    parse: (t) => t,
  },
  { name: "mu", kind: "value", placeholder: "X", description: "signal mean photon number per pulse mu1, > 0 (default: optimised per distance)", parse: positiveNumber() },
  { name: "nu", kind: "value", placeholder: "X", description: "weak decoy mean photon number per pulse, > 0 (vacuum-weak-decoy: default 0.1; finite-decoy: mu2, optimised when omitted)", parse: positiveNumber() },
  { name: "vacuum", kind: "value", placeholder: "X", description: `finite-decoy: the weakest decoy mu3, >= 0 (default ${DEFAULT_VACUUM_DECOY})`, parse: nonNegativeNumber },
  { name: "distance", kind: "value", placeholder: "LIST", description: `required: fibre lengths in km, a list 0,40,100 or a range from:to:step 0:150:10 (at most ${MAX_DISTANCES.toLocaleString("en-US")} in all)`, parse: (t) => t },
  {
    name: "method",
    kind: "value",
    placeholder: "M",
    description: "decoy estimate: infinite-decoy | vacuum-weak-decoy | finite-decoy (Lim et al. 2014; needs --block and --eps-sec) (default infinite-decoy)",
    parse: (t) => ((METHODS as readonly string[]).includes(t) ? t : new FlagProblem(`must be one of ${METHODS.join(", ")}, got "${t}"`)),
  },
  {
    name: "formula",
    kind: "value",
    placeholder: "F",
    description: "key-rate formula: eq13 (the paper's, with Q_0) | gllp (without Q_0) (default eq13)",
    parse: (t) => (t === "eq13" || t === "gllp" ? t : new FlagProblem(`must be eq13 or gllp, got "${t}"`)),
  },
  { name: "block", kind: "value", placeholder: "N", description: "finite-decoy: pulses per block, an integer (e.g. 1e10); required with --method finite-decoy", parse: blockSize },
  { name: "eps-sec", kind: "value", placeholder: "E", description: "finite-decoy: secrecy parameter in (0, 1), e.g. 1e-10; required with --method finite-decoy", parse: openUnitInterval },
  { name: "eps-cor", kind: "value", placeholder: "E", description: "finite-decoy: correctness parameter in (0, 1) (default 1e-15)", parse: openUnitInterval },
  {
    name: "fluctuation",
    kind: "value",
    placeholder: "F",
    description:
      "finite-decoy: bound on each count's expectation: hoeffding (Lim et al.: one deviation from the basis total for every intensity) | " +
      "chernoff (multiplicative Chernoff, each count's own size; tighter for the weak decoys) | " +
      "kl (Hoeffding's relative-entropy form within the basis total; inside both other intervals) (default hoeffding)",
    parse: (t) => ((FLUCTUATIONS as readonly string[]).includes(t) ? t : new FlagProblem(`must be one of ${FLUCTUATIONS.join(", ")}, got "${t}"`)),
  },
  jsonFlag,
];

/** Default ε_cor of the finite-decoy method (Lim et al.'s simulations). */
const DEFAULT_EPS_COR = 1e-15;

/** Intensity order of Lim et al.: mu1 > mu2 + mu3, mu2 > mu3; a broken order names the flag. */
function checkIntensityOrder(mu: number | undefined, nu: number | undefined, vacuum: number): void {
  if (nu !== undefined && !(nu > vacuum)) throw new UsageError(`keyrate: --nu (mu2 = ${nu}) must be > --vacuum (mu3 = ${vacuum})`);
  if (mu !== undefined && nu !== undefined && !(mu > nu + vacuum)) {
    throw new UsageError(`keyrate: --mu (mu1 = ${mu}) must be > --nu + --vacuum (mu2 + mu3 = ${nu + vacuum})`);
  }
  if (mu !== undefined && !(mu > 2 * vacuum)) throw new UsageError(`keyrate: --mu (mu1 = ${mu}) must be > 2 x --vacuum (${2 * vacuum})`);
}

/** The keyrate command. */
export const keyrateCommand: Command = {
  name: "keyrate",
  summary: "secure key rate vs distance (eq. 13 with decoy states, or finite-size decoy BB84), in bits per pulse and bits per second",
  usage: "--preset gys --distance 0,40,100 [--method finite-decoy --block 1e10 --eps-sec 1e-10]",
  flags,
  async run(args, env) {
    if (args.positionals.length > 0) throw new UsageError(`keyrate: unexpected argument "${args.positionals[0]}"`);
    const preset = (args.flags.get("preset") as string | undefined) ?? "gys";
    const distanceText = args.flags.get("distance") as string | undefined;
    if (distanceText === undefined) throw new UsageError("keyrate: --distance is required (e.g. 0,40,100 or 0:150:10)");
    const method = (args.flags.get("method") as Method | undefined) ?? "infinite-decoy";
    const mu = args.flags.get("mu") as number | undefined;
    const nu = args.flags.get("nu") as number | undefined;
    const finite = method === "finite-decoy";
    for (const name of ["block", "eps-sec", "eps-cor", "vacuum", "fluctuation"]) {
      if (!finite && args.flags.has(name)) throw new UsageError(`keyrate: --${name} needs --method finite-decoy`);
    }
    let document;
    try {
      const channel = validateChannel(channelPreset(preset), preset);
      let distancesKm: number[];
      try {
        distancesKm = parseDistances(distanceText);
      } catch (e) {
        throw new UsageError(`keyrate --distance: ${(e as Error).message.replace(/^parseDistances: /, "")}`);
      }
      const units = { ratePerPulse: "bit/pulse", ratePerSecond: `bit/s at the source's repetition rate of ${channel.repetitionRateHz} Hz` };
      if (finite) {
        const block = args.flags.get("block") as number | undefined;
        const epsilonSec = args.flags.get("eps-sec") as number | undefined;
        if (block === undefined) throw new UsageError("keyrate: --method finite-decoy needs --block N (pulses per block)");
        if (epsilonSec === undefined) throw new UsageError("keyrate: --method finite-decoy needs --eps-sec E");
        const epsilonCor = (args.flags.get("eps-cor") as number | undefined) ?? DEFAULT_EPS_COR;
        const vacuum = (args.flags.get("vacuum") as number | undefined) ?? DEFAULT_VACUUM_DECOY;
        const fluctuation = (args.flags.get("fluctuation") as Fluctuation | undefined) ?? "hoeffding";
        checkIntensityOrder(mu, nu, vacuum);
        const epsilons = `eps_sec = ${epsilonSec} (21 parts of eps_sec/21), eps_cor = ${epsilonCor}`;
        const points = finiteDecoyCurve(channel, distancesKm, {
          blockPulses: block,
          epsilonSec,
          epsilonCor,
          mu3: vacuum,
          fluctuation,
          ...(mu !== undefined ? { mu1: mu } : {}),
          ...(nu !== undefined ? { mu2: nu } : {}),
        });
        document = {
          preset,
          parameters: channel,
          method,
          reference:
            "Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), eqs. (1)-(5); expected counts of the channel model; lambda_EC = f_EC n_X h(E_X); " +
            FLUCTUATION_REFERENCE[fluctuation],
          units,
          security: { blockPulses: block, epsilonSec, epsilonCor },
          fluctuation,
          rows: points.map((r) => ({
            distanceKm: r.distanceKm,
            ratePerPulse: r.ratePerPulse,
            ratePerSecond: r.ratePerSecond,
            blockPulses: block,
            keyBits: r.bound.length,
            epsilons,
            mu1: r.intensities.mu[0],
            mu2: r.intensities.mu[1],
            mu3: r.intensities.mu[2],
            p1: r.intensities.p[0],
            p2: r.intensities.p[1],
            p3: r.intensities.p[2],
            qx: r.intensities.qx,
            sX0: r.bound.sX0,
            sX1: r.bound.sX1,
            phiX: r.bound.phiX,
            leakEC: r.bound.leakEC,
          })),
        };
      } else {
        if (method === "infinite-decoy" && nu !== undefined) throw new UsageError("keyrate: --nu needs --method vacuum-weak-decoy or finite-decoy");
        const rows = keyRateCurve({
          preset,
          distancesKm,
          ...(mu !== undefined ? { mu } : {}),
          ...(nu !== undefined ? { nu } : {}),
          method: method as DecoyMethod,
          ...(args.flags.has("formula") ? { formula: args.flags.get("formula") as "eq13" | "gllp" } : {}),
        });
        document = {
          preset,
          parameters: channel,
          method,
          reference: "the paper's eq. 13 (Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005)), asymptotic: no block size, no epsilon",
          units,
          rows: rows.map((r) => ({ distanceKm: r.distanceKm, ratePerPulse: r.ratePerPulse, ratePerSecond: r.ratePerSecond, qber: r.qber, mu: r.mu, nu: r.nu, epsilons: "none (asymptotic)" })),
        };
      }
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`keyrate: ${(e as Error).message}`);
    }
    if (args.flags.get("json") === true) {
      env.io.stdout(stableJson(document));
      return EXIT_OK;
    }
    const p = document.parameters;
    const header = [
      `key rate, preset ${preset} (alpha ${p.alphaDbPerKm} dB/km, eta_Bob ${p.etaBob}, Y0 ${p.darkCountYield}, e_d ${p.eDetector}, f_EC ${p.fEC}, ${p.repetitionRateHz} Hz), method ${method}`,
      `units: ${document.units.ratePerPulse}; ${document.units.ratePerSecond}`,
      ...("security" in document
        ? [`block ${document.security.blockPulses} pulses, eps_sec ${document.security.epsilonSec}, eps_cor ${document.security.epsilonCor}, fluctuation bound ${"fluctuation" in document ? document.fluctuation : ""}`] : ["asymptotic: no block size, no epsilon"]),
    ];
    const table = document.rows.map(
      (r) => `${r.distanceKm.toFixed(1).padStart(11)}  ${r.ratePerPulse.toExponential(4).padStart(14)}  ${r.ratePerSecond.toExponential(4).padStart(15)}`,
    );
    env.io.stdout(`${[...header, "distance_km  rate_per_pulse  rate_per_second", ...table].join("\n")}\n`);
    return EXIT_OK;
  },
};
