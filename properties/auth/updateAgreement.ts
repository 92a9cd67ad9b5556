/**
 * `auth.update-agreement`: after an accepted session, the member's updated key equals the KDC's.
 * @module
 */
import type { Strategy } from "../../model/auth/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryArbitrary } from "./arbitraries.js";
import { evaluateStrategy } from "./evaluate.js";
import { authParams, type AuthParams } from "./params.js";
import { traceAuth } from "./trace.js";
import { fixedStrategyEvidence } from "./evidence.js";
import { authTrust } from "./trust.js";

/** Given the KDC accepted every session, the two updated keys agree with probability >= 1 - epsilon. */
export const updateAgreement: PropertyDefinition<AuthParams, Strategy> = {
  id: "auth.update-agreement",
  protocol: "auth",
  title: "KDC and member update to the same key",
  statement:
    "With both the KDC and the genuine member taking part (Eve in the middle), conditioned on the KDC accepting every session, the member's key after the eq. 12 updates equals the KDC's with probability at least 1 - epsilon.",
  equation: String.raw`\Pr[K'^{\text{member}}_c = K'^{\text{KDC}}_c \mid \text{acc}] \ge 1 - \varepsilon\quad(\text{eq. } 12)`,
  trust: authTrust,
  params: authParams,
  arbitrary: (p) => adversaryArbitrary(p.adversary, ["mitm"]),
  check(p, strategy) {
    if (strategy.mode !== "mitm") throw new Error(`auth.update-agreement: strategy mode must be "mitm" (both parties update), got "${strategy.mode}"`);
    const { final } = evaluateStrategy(p, strategy);
    if (final.agreement === null) return { ok: true, margin: p.epsilon, metrics: { acceptance: final.acceptance, note: "never accepted" } };
    const disagreement = 1 - final.agreement;
    const metrics = { acceptance: final.acceptance, agreement: final.agreement, disagreement, holevo: final.knowledge?.holevo ?? null };
    const margin = p.epsilon - disagreement;
    return margin >= 0
      ? { ok: true, margin, metrics }
      : { ok: false, margin, metrics, message: `accepted with probability ${final.acceptance.toPrecision(4)}, yet the member's key differs from the KDC's with probability ${disagreement.toFixed(4)}` };
  },
  trace: traceAuth,
  evidence: fixedStrategyEvidence,
};
