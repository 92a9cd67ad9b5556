/**
 * `auth.update-secrecy`: conditioned on acceptance, Eve knows (almost) nothing about the
 * updated key of eq. 12 — the paper's claim that the update is protected "unconditionally".
 * @module
 */
import type { Strategy } from "../../model/auth/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryArbitrary } from "./arbitraries.js";
import { ACCEPTANCE_FLOOR, evaluateStrategy } from "./evaluate.js";
import { authParams, type AuthParams } from "./params.js";
import { ACCEPTED_INFORMATION_DESCRIPTION, authObjective } from "./search.js";
import { traceAuth } from "./trace.js";
import { fixedStrategyEvidence } from "./evidence.js";
import { authTrust } from "./trust.js";

/** Eve's information about the updated key, given acceptance, is at most epsilon. */
export const updateSecrecy: PropertyDefinition<AuthParams, Strategy> = {
  id: "auth.update-secrecy",
  protocol: "auth",
  title: "Secrecy of the updated key (eq. 12)",
  statement:
    "For every strategy, conditioned on the accepting party accepting every session, Eve's information about its updated key K'_c after the last session is at most epsilon: the Holevo quantity of her classical records together with the qubits she holds is <= epsilon bits, and her guessing probability exceeds the prior's by at most epsilon.",
  equation: String.raw`\chi(K'_c : R E \mid \text{acc}) \le \varepsilon,\quad P_{\text{guess}}(K'_c \mid R, \text{acc}) - \max_k p(k\mid\text{acc}) \le \varepsilon\quad(K'_{2i-1} = c,\ K'_{2i} = K_{2i-1}\oplus K_{2i}\oplus c,\ \text{eq. } 12)`,
  trust: authTrust,
  params: authParams,
  arbitrary: (p) => adversaryArbitrary(p.adversary, ["mitm", "impersonate-member", "impersonate-kdc"]),
  check(p, strategy) {
    const { final } = evaluateStrategy(p, strategy);
    if (final.knowledge === null) return { ok: true, margin: p.epsilon, metrics: { acceptance: final.acceptance, note: "never accepted: nothing to condition on" } };
    const k = final.knowledge;
    const advantage = k.guessing - k.prior;
    const metrics = {
      acceptance: final.acceptance,
      holevo: k.holevo,
      keyEntropy: k.entropy,
      guessing: k.guessing,
      guessingBound: k.guessingBound,
      prior: k.prior,
      pairHolevoMax: final.pairHolevoMax,
      agreement: final.agreement,
    };
    const margin = p.epsilon - Math.max(k.holevo, advantage);
    return margin >= 0
      ? { ok: true, margin, metrics }
      : { ok: false, margin, metrics, message: `accepted with probability ${final.acceptance.toPrecision(4)}, Eve holds ${k.holevo.toFixed(4)} of ${k.entropy.toFixed(4)} bits about the updated key (guess ${k.guessing.toFixed(4)} vs prior ${k.prior.toFixed(4)})` };
  },
  trace: traceAuth,
  evidence: fixedStrategyEvidence,
  objective: authObjective("acceptedInformation", ["mitm", "impersonate-member", "impersonate-kdc"], ACCEPTED_INFORMATION_DESCRIPTION),
};
