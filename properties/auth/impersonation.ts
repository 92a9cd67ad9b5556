/**
 * `auth.impersonation`: a strategy in which the genuine member takes no part is accepted with
 * probability at most 2^{-(number of key bits the KDC's check uses)}.
 * @module
 */
import { bitsChecked, impersonationBound, type Strategy } from "../../model/auth/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryArbitrary } from "./arbitraries.js";
import { evaluateStrategy } from "./evaluate.js";
import { authParams, type AuthParams } from "./params.js";
import { authObjective } from "./search.js";
import { traceAuth } from "./trace.js";
import { fixedStrategyEvidence } from "./evidence.js";
import { authTrust } from "./trust.js";

/** Keyless impersonation of the member is accepted with probability <= 2^{-bits checked}. */
export const impersonation: PropertyDefinition<AuthParams, Strategy> = {
  id: "auth.impersonation",
  protocol: "auth",
  title: "Keyless impersonation of the member",
  statement:
    "Eve, holding no key and with the genuine member absent, is accepted in her first session with probability at most 2^{-b}, b the number of key bits the KDC's check uses (n/2 for the parity reading, n for the basis-encoded reading). Reported with the exact bound \\(\\lambda_{\\max}(\\Pi)^{n/2}\\) that no strategy can beat.",
  equation: String.raw`\Pr[\text{accept}] \le 2^{-b},\ b = \begin{cases} n/2 & \text{parity}\\ n & \text{basis-encoded}\end{cases};\quad \Pr[\text{accept}] \le \lambda_{\max}(\Pi)^{n/2},\ \Pi = \tfrac14\sum_{a,b} U^\dagger (I\otimes P_{ab}) U\ (\text{eqs. } 8\text{--}11)`,
  trust: { trusted: authTrust.trusted, adversary: "plays the member from the start with no key: receives m, returns any f (entangled with anything she holds); controls the classical channel" },
  params: authParams,
  arbitrary: (p) => adversaryArbitrary(p.adversary, ["impersonate-member"]),
  check(p, strategy) {
    if (strategy.mode !== "impersonate-member") throw new Error(`auth.impersonation: strategy mode must be "impersonate-member", got "${strategy.mode}"`);
    const ev = evaluateStrategy({ ...p, sessions: 1 }, strategy);
    const acceptance = ev.final.acceptance;
    const bits = bitsChecked(p.variant, p.keyBits);
    const bound = 2 ** -bits;
    const lambda = impersonationBound(p.variant, p.keyBits);
    const metrics = {
      acceptance,
      bitsChecked: bits,
      claimedBound: bound,
      lambdaMaxPerRound: lambda.perRound,
      lambdaMaxBound: lambda.perSession,
      acceptancePerRound: acceptance ** (2 / p.keyBits),
    };
    const ok = acceptance <= bound * (1 + 1e-9) + 1e-15;
    return ok
      ? { ok, margin: bound - acceptance, metrics }
      : { ok, margin: bound - acceptance, metrics, message: `keyless impersonation accepted with probability ${acceptance.toPrecision(6)} > 2^-${bits} = ${bound.toPrecision(6)} (exact optimum bound lambda_max^{n/2} = ${lambda.perSession.toPrecision(6)})` };
  },
  trace: (p, s) => traceAuth({ ...p, sessions: Math.max(p.sessions, 2) }, s),
  evidence: fixedStrategyEvidence,
  objective: authObjective("acceptance", ["impersonate-member"], "probability that the KDC accepts Eve, holding no key, in her first session (the exact optimum is lambda_max(Pi)^{n/2})"),
};
