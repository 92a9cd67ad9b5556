/**
 * `qkd-harness analyze auth`: the headline numbers of one variant, and optionally of one strategy
 * read from a JSON file (validated by {@link strategySchema}, naming the bad field).
 * @module
 */
import { z } from "zod";
import {
  bitsChecked,
  honestSessionAcceptance,
  honestStrategy,
  impersonationBound,
  passiveHolevo,
  type PaperVariant,
} from "../../model/auth/index.js";
import { evaluateStrategy } from "./evaluate.js";
import { impersonateMember } from "./namedStrategies.js";
import { authParams } from "./params.js";
import { parseStrategy } from "./strategySchema.js";

/** Options of {@link analyzeAuth}. */
export interface AnalyzeAuthOptions {
  readonly variant: PaperVariant;
  /** n, the length of K_c (even, 2..12). */
  readonly keyBits: number;
  /** A strategy as parsed JSON (see properties/auth/strategies/*.json). */
  readonly strategy?: unknown;
  /** Depolarizing probability on each quantum transit (default 0). */
  readonly noise?: number;
  /** Sessions to run the strategy for (default 1). */
  readonly sessions?: number;
}

/** Eve's information about the accepting party's key after the last session, given acceptance. */
export interface EveInformation {
  readonly holevo: number;
  readonly keyEntropy: number;
  readonly guessing: number;
  readonly guessingBound: number;
  readonly prior: number;
  readonly pairHolevoMax: number;
  readonly keyAgreement: number;
}

/** The numbers `analyze auth` prints. */
export interface AuthAnalysis {
  readonly variant: PaperVariant;
  readonly keyBits: number;
  readonly noise: number;
  /** Honest acceptance of one session, exact from the density matrices. */
  readonly honestAcceptance: number;
  /** The same from the hand-derived formula. */
  readonly honestAcceptanceAnalytic: number;
  /** Acceptance of the keyless member impersonation (keep m, return CNOT(m -> |0>)), one session. */
  readonly impersonationAcceptance: number;
  /** Key bits the KDC's check uses, b, and the claimed bound 2^-b. */
  readonly bitsChecked: number;
  readonly claimedImpersonationBound: number;
  /** lambda_max(Pi)^{n/2}: no strategy beats it. */
  readonly impersonationOptimumBound: number;
  /** Holevo quantity of f in transit about one pair (bits), and over K_c. */
  readonly passiveHolevoPerPair: number;
  readonly passiveHolevoKey: number;
  readonly strategyAcceptance?: number;
  readonly eveInformation?: EveInformation | null;
}

const optionsSchema = z.object({
  variant: z.enum(["parity", "basis-encoded"]),
  keyBits: z.number().int().min(2).max(12).refine((n) => n % 2 === 0, "must be even"),
  noise: z.number().min(0).max(1).optional(),
  sessions: z.number().int().min(1).max(6).optional(),
  strategy: z.unknown().optional(),
});

/**
 * Analyse one variant: honest and impersonation acceptance, bounds, passive leakage, and the
 * acceptance and Eve's information for a given strategy.
 * @throws Error naming the bad option or strategy field (`strategy.rounds.0.toKdc.1.target: ...`).
 */
export function analyzeAuth(options: AnalyzeAuthOptions): AuthAnalysis {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`analyzeAuth: ${issue.path.join(".") || "options"}: ${issue.message}`);
  }
  const { variant, keyBits } = parsed.data;
  const noise = parsed.data.noise ?? 0;
  const sessions = parsed.data.sessions ?? 1;
  const strategy = options.strategy === undefined ? undefined : parseStrategy(options.strategy);
  const params = authParams.parse({ variant, keyBits, sessions: 1, noise });
  const honest = evaluateStrategy(params, honestStrategy).final.acceptance;
  const impersonation = evaluateStrategy({ ...params, noise: 0 }, impersonateMember).final.acceptance;
  const bits = bitsChecked(variant, keyBits);
  const passive = passiveHolevo(variant, [1, 1, 1, 1], noise);
  const base: AuthAnalysis = {
    variant,
    keyBits,
    noise,
    honestAcceptance: honest,
    honestAcceptanceAnalytic: honestSessionAcceptance(variant, noise, keyBits),
    impersonationAcceptance: impersonation,
    bitsChecked: bits,
    claimedImpersonationBound: 2 ** -bits,
    impersonationOptimumBound: impersonationBound(variant, keyBits).perSession,
    passiveHolevoPerPair: passive,
    passiveHolevoKey: passive * (keyBits / 2),
  };
  if (strategy === undefined) return base;
  const { final } = evaluateStrategy({ ...params, sessions }, strategy);
  const k = final.knowledge;
  return {
    ...base,
    strategyAcceptance: final.acceptance,
    eveInformation: k === null
      ? null
      : {
          holevo: k.holevo,
          keyEntropy: k.entropy,
          guessing: k.guessing,
          guessingBound: k.guessingBound,
          prior: k.prior,
          pairHolevoMax: final.pairHolevoMax ?? 0,
          keyAgreement: final.agreement ?? 0,
        },
  };
}
