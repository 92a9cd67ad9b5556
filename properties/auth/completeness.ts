/**
 * `auth.completeness`: the honest member is accepted — with probability 1 on a noiseless
 * channel, and with exactly the analytic value under depolarizing noise.
 * @module
 */
import * as fc from "fast-check";
import { honestSessionAcceptance, honestStrategy, keyString } from "../../model/auth/index.js";
import type { PropertyDefinition } from "../types.js";
import { evaluateStrategy } from "./evaluate.js";
import { authParams, type AuthParams } from "./params.js";
import { fixedKeyEvidence } from "./evidence.js";
import { authTrust } from "./trust.js";

/** Agreement of the density-matrix value with the analytic one. */
const TOLERANCE = 1e-9;

/** The honest member is accepted (input: the key K_c as a bit mask). */
export const completeness: PropertyDefinition<AuthParams, number> = {
  id: "auth.completeness",
  protocol: "auth",
  title: "Honest member accepted",
  statement:
    "With no adversary, the KDC accepts the genuine member for every key K_c: with probability 1 on a noiseless channel (every session, both keys updated alike), and with exactly the analytic value prod_i a(K_{2i-1}, K_{2i}) under depolarizing noise p on each transit, where a = (1-p/2)^2 + (p/2)^2 for a Z-basis f and 1 - p/2 for an X-basis f.",
  equation: String.raw`\Pr[\text{accept} \mid K_c] = \prod_{i=1}^{n/2} a_i,\quad a_i = \begin{cases}(1-\tfrac p2)^2+(\tfrac p2)^2 & f \in Z\\ 1-\tfrac p2 & f \in X\end{cases}\quad(\text{eqs. } 8\text{--}11;\ a_i = 1 \text{ at } p = 0)`,
  trust: { trusted: authTrust.trusted, adversary: "none (honest run); the channel may be depolarizing" },
  params: authParams,
  arbitrary: (p) => (p.key !== undefined ? fc.constant(p.key) : fc.integer({ min: 0, max: 2 ** p.keyBits - 1 })),
  check(p, key) {
    const ev = evaluateStrategy({ ...p, key }, honestStrategy);
    const expected = honestSessionAcceptance(p.variant, p.noise, p.keyBits, key);
    const first = ev.sessions[0];
    const diff = Math.abs(first.acceptance - expected);
    const metrics = {
      key: keyString(key, p.keyBits),
      acceptance: first.acceptance,
      analytic: expected,
      acceptanceAllSessions: ev.final.acceptance,
      agreement: ev.final.agreement,
    };
    if (diff > TOLERANCE) {
      return { ok: false, margin: -diff, metrics, message: `honest acceptance ${first.acceptance.toPrecision(6)} differs from the analytic ${expected.toPrecision(6)} on key ${metrics.key}` };
    }
    if (p.noise === 0 && (Math.abs(ev.final.acceptance - 1) > TOLERANCE || Math.abs((ev.final.agreement ?? 0) - 1) > TOLERANCE)) {
      return { ok: false, margin: -Math.abs(1 - ev.final.acceptance), metrics, message: `noiseless honest run: ${p.sessions} sessions accepted with probability ${ev.final.acceptance}, keys agree with probability ${ev.final.agreement}` };
    }
    return { ok: true, margin: TOLERANCE - diff, metrics };
  },
  trace: (p, key) => [{ step: "honest run", detail: `key ${keyString(key, p.keyBits)}, noise ${p.noise}`, values: { analytic: honestSessionAcceptance(p.variant, p.noise, p.keyBits, key) } }],
  describe: (key) => key,
  evidence: fixedKeyEvidence,
};
