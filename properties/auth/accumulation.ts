/**
 * `auth.accumulation`: Eve's information about the current key after r sessions, r = 1..R,
 * stays at most epsilon (no accumulation over the key updates).
 * @module
 */
import type { Strategy } from "../../model/auth/index.js";
import type { Metrics, PropertyDefinition } from "../types.js";
import { adversaryArbitrary } from "./arbitraries.js";
import { evaluateStrategy } from "./evaluate.js";
import { authParams, type AuthParams } from "./params.js";
import { ACCEPTED_INFORMATION_DESCRIPTION, authObjective } from "./search.js";
import { traceAuth } from "./trace.js";
import { fixedStrategyEvidence } from "./evidence.js";
import { authTrust } from "./trust.js";

/** The series chi_r over sessions r = 1..R stays below epsilon. */
export const accumulation: PropertyDefinition<AuthParams, Strategy> = {
  id: "auth.accumulation",
  protocol: "auth",
  title: "No accumulation of key information over sessions",
  statement:
    "For every strategy and every r = 1..R (R = sessions), conditioned on sessions 1..r being accepted, the Holevo quantity of Eve's records and held qubits about the current key K_c^{(r)} is at most epsilon bits.",
  equation: String.raw`\max_{1\le r\le R} \chi\big(K_c^{(r)} : R E \mid \text{acc}_{1..r}\big) \le \varepsilon\quad(\text{eq. } 12 \text{ iterated})`,
  trust: authTrust,
  params: authParams,
  arbitrary: (p) => adversaryArbitrary(p.adversary, ["mitm", "impersonate-member", "impersonate-kdc"]),
  check(p, strategy) {
    const ev = evaluateStrategy(p, strategy);
    const metrics: Record<string, number | null> = {};
    let worst = 0, worstSession = 0;
    for (const s of ev.sessions) {
      const h = s.knowledge?.holevo ?? 0;
      metrics[`holevo_r${s.session}`] = s.knowledge ? h : null;
      metrics[`acceptance_r${s.session}`] = s.acceptance;
      if (h > worst) [worst, worstSession] = [h, s.session];
    }
    const margin = p.epsilon - worst;
    return margin >= 0
      ? { ok: true, margin, metrics: metrics as Metrics }
      : { ok: false, margin, metrics: metrics as Metrics, message: `after session ${worstSession} Eve holds ${worst.toFixed(4)} bits about the current key (> epsilon = ${p.epsilon})` };
  },
  trace: traceAuth,
  evidence: fixedStrategyEvidence,
  objective: authObjective("acceptedInformation", ["mitm", "impersonate-member", "impersonate-kdc"], `${ACCEPTED_INFORMATION_DESCRIPTION}; the key is the current one after all sessions`),
};
