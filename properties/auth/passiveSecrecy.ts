/**
 * `auth.passive-secrecy`: the particle f in transit carries no information about K_c.
 * @module
 */
import * as fc from "fast-check";
import { passiveHolevo } from "../../model/auth/index.js";
import type { PropertyDefinition } from "../types.js";
import { authParams, type AuthParams } from "./params.js";
import { passivePriorObjective } from "./search.js";
import { authTrust } from "./trust.js";

const weight = fc.double({ min: 0, max: 1, noNaN: true });

/** f in transit carries no information about the key pair (input: a prior over the pair values 00, 01, 10, 11). */
export const passiveSecrecy: PropertyDefinition<AuthParams, readonly number[]> = {
  id: "auth.passive-secrecy",
  protocol: "auth",
  title: "f in transit carries no key information",
  statement:
    "For any prior over a key pair (K_{2i-1}, K_{2i}), the Holevo quantity of the ensemble of f's reduced states in transit (after eqs. 8-10, before the KDC) is at most epsilon bits; over K_c the n/2 independent rounds add up.",
  equation: String.raw`\chi\big(\{p_{ab},\ \rho_f^{ab}\}\big) = S\Big(\sum_{ab} p_{ab}\rho_f^{ab}\Big) - \sum_{ab} p_{ab} S(\rho_f^{ab}) \le \varepsilon\quad(\text{eqs. } 8\text{--}10)`,
  trust: { trusted: authTrust.trusted, adversary: "passive: reads f on the wire (no disturbance), knows the prior over the pair" },
  params: authParams,
  arbitrary: () =>
    fc.oneof(
      fc.constant([1, 1, 1, 1] as readonly number[]),
      fc.tuple(weight, weight, weight, weight).filter((w) => w.reduce((s, x) => s + x, 0) > 1e-6),
    ),
  check(p, prior) {
    const holevo = passiveHolevo(p.variant, prior, p.noise);
    const uniform = passiveHolevo(p.variant, [1, 1, 1, 1], p.noise);
    const metrics = { holevoPerRound: holevo, holevoUniformPerRound: uniform, holevoUniformKey: uniform * (p.keyBits / 2), prior: prior.map((x) => x.toFixed(4)).join(",") };
    const ok = holevo <= p.epsilon;
    return ok
      ? { ok, margin: p.epsilon - holevo, metrics }
      : { ok, margin: p.epsilon - holevo, metrics, message: `f in transit carries ${holevo.toFixed(4)} bits about the pair (> epsilon = ${p.epsilon}); ${uniform.toFixed(4)} bits per pair under the uniform prior` };
  },
  objective: passivePriorObjective,
  trace: (p, prior) => [{ step: "passive read of f", detail: `variant ${p.variant}, prior [${prior.join(", ")}]`, values: { holevoPerRound: passiveHolevo(p.variant, prior, p.noise) } }],
};
