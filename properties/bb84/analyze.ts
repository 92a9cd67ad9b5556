/**
 * `qkd-harness analyze bb84`: the exact numbers of one named attack on one link, for the CLI
 * (`--adversary intercept-resend --fraction 1 --basis random --json`).
 * @module
 */
import { z } from "zod";
import {
  describeAdversary, exactRun, hoeffdingBound, namedAdversary, NAMED_ADVERSARIES, PROTOCOL_VARIANTS, INTERCEPT_BASES,
  type Adversary, type ProtocolVariant,
} from "../../model/bb84/index.js";
import { binaryEntropy } from "../../model/kernel/index.js";
import { nonNegative, numeric, positiveInt, probability, threshold } from "../params.js";
import { linkFromFields } from "./params.js";

/** Options of {@link analyzeBB84}; numbers may be given as strings or mathjs expressions. */
export interface AnalyzeBB84Options {
  readonly adversary: string;
  readonly fraction?: number | string;
  readonly basis?: string;
  readonly disturbance?: number | string;
  readonly ancillaDim?: number | string;
  readonly variant?: string;
  readonly threshold?: number | string;
  readonly testSize?: number | string;
  readonly ecEfficiency?: number | string;
  readonly source?: string;
  readonly meanPhotonNumber?: number | string;
  readonly fibreLossDbPerKm?: number | string;
  readonly distanceKm?: number | string;
  readonly detectorEfficiency?: number | string;
  readonly darkCountProbability?: number | string;
  readonly misalignment?: number | string;
  readonly depolarizing?: number | string;
  readonly dephasing?: number | string;
}

/** The exact analysis of one attack. */
export interface BB84Analysis {
  readonly adversary: string;
  readonly strategy: Adversary;
  readonly variant: ProtocolVariant;
  /** Sifted-key QBER and per basis. */
  readonly qber: number;
  readonly qberZ: number;
  readonly qberX: number;
  /** Mutual information of Eve's best (Helstrom, per sector) measurement with a sifted key bit. */
  readonly eveInformation: number;
  /** Holevo chi per sifted key bit (share-weighted), and per basis. */
  readonly holevo: number;
  readonly holevoZ: number;
  readonly holevoX: number;
  /** Probability that Eve's measurement guesses a sifted key bit. */
  readonly eveGuess: number;
  /** The uncertainty bounds h(e_X) on chi(Z:E) and h(e_Z) on chi(X:E). */
  readonly boundZ: number;
  readonly boundX: number;
  readonly siftedRate: number;
  readonly testSize: number;
  readonly threshold: number;
  /** Exact probability that eq. 4 accepts, and the probability of abort. */
  readonly acceptance: number;
  readonly abortProbability: number;
  /** Hoeffding's bound exp(-2n(q-p_o)^2) when q > p_o, else null. */
  readonly hoeffdingBound: number | null;
  /** Eve's information left per final key bit after this variant's privacy amplification. */
  readonly leakPerBit: number;
  /** Asymptotic secret fraction 1 - h(e_phase) - f_EC h(e) (share-weighted). */
  readonly keyFraction: number;
}

const schema = z.strictObject({
  adversary: z.enum(NAMED_ADVERSARIES, { error: `must be one of ${NAMED_ADVERSARIES.join(", ")}` }),
  fraction: probability.optional(),
  basis: z.enum(INTERCEPT_BASES as [string, ...string[]], { error: `must be one of ${INTERCEPT_BASES.join(", ")}` }).optional(),
  disturbance: numeric.pipe(z.number().min(0, "must be >= 0").max(0.5, "must be <= 0.5")).optional(),
  ancillaDim: positiveInt.pipe(z.number().min(2, "must be >= 2").max(4, "must be <= 4")).optional(),
  variant: z.enum(PROTOCOL_VARIANTS as [ProtocolVariant, ...ProtocolVariant[]], { error: `must be one of ${PROTOCOL_VARIANTS.join(", ")}` }).default("paper"),
  threshold: threshold.default(0.11),
  testSize: positiveInt.pipe(z.number().max(1e6, "must be <= 10^6")).default(1000),
  ecEfficiency: numeric.pipe(z.number().min(1, "must be >= 1")).default(1.16),
  source: z.enum(["single-photon", "weak-coherent"], { error: "must be single-photon or weak-coherent" }).default("single-photon"),
  meanPhotonNumber: numeric.pipe(z.number().gt(0, "must be > 0").max(50, "must be <= 50")).default(0.5),
  fibreLossDbPerKm: nonNegative.default(0),
  distanceKm: nonNegative.default(0),
  detectorEfficiency: probability.default(1),
  darkCountProbability: probability.default(0),
  misalignment: probability.default(0),
  depolarizing: probability.default(0),
  dephasing: probability.default(0),
});

/**
 * Analyse one named attack exactly.
 * @throws Error naming each bad option, e.g. `analyzeBB84: --fraction must be <= 1`.
 * @example analyzeBB84({ adversary: "intercept-resend", fraction: 1, basis: "random" }).qber // 0.25
 */
export function analyzeBB84(options: AnalyzeBB84Options): BB84Analysis {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join(".") || "options"} ${i.message}`);
    throw new Error(`analyzeBB84: ${problems.join("; ")}`);
  }
  const o = parsed.data;
  const link = linkFromFields(o);
  let strategy: Adversary;
  try {
    strategy = namedAdversary(o.adversary, { fraction: o.fraction, basis: o.basis, disturbance: o.disturbance, ancillaDim: o.ancillaDim, link });
  } catch (e) {
    throw new Error(`analyzeBB84: --${(e as Error).message}`);
  }
  const r = exactRun(link, strategy, o.variant, { threshold: o.threshold, testSize: o.testSize, ecEfficiency: o.ecEfficiency });
  return {
    adversary: describeAdversary(strategy),
    strategy,
    variant: o.variant,
    qber: r.qber,
    qberZ: r.qberZ,
    qberX: r.qberX,
    eveInformation: r.eveMutualInformation,
    holevo: r.holevo,
    holevoZ: r.pulses.holevoByBasis[0],
    holevoX: r.pulses.holevoByBasis[1],
    eveGuess: r.eveGuess,
    boundZ: binaryEntropy(r.qberX),
    boundX: binaryEntropy(r.qberZ),
    siftedRate: r.siftedRate,
    testSize: r.testedBits,
    threshold: o.threshold,
    acceptance: r.acceptance,
    abortProbability: 1 - r.acceptance,
    hoeffdingBound: r.qber > o.threshold ? hoeffdingBound(r.testedBits, r.qber - o.threshold) : null,
    leakPerBit: r.leakPerBit,
    keyFraction: r.keyFraction,
  };
}
