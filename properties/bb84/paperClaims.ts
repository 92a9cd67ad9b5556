/**
 * `bb84.paper-claims`: the paper's numerical claims (Figs. 10-12, section 3.2) audited against
 * eq. 13, the channel model and physical constraints. A fixed check (`fc.constant`): whatever the
 * audit finds is the result. Controls: a self-consistent synthetic claim set computed from the
 * model (the audit must pass it) and a tampered one (the audit must reject it).
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import type { PropertyDefinition, TraceStep } from "../types.js";
import {
  auditClaims,
  inconsistencySummary,
  paperClaimSet,
  syntheticClaimSet,
  tamperedClaimSet,
  type ClaimSet,
  type ClaimVerdict,
} from "../../model/bb84/keyrate/paperClaims.js";

/** Which claim set is audited: the paper's, or a control. */
export const paperClaimsVariants = ["paper", "synthetic", "tampered"] as const;

const params = z.object({
  variant: z.enum(paperClaimsVariants).default("paper"),
});

/** Parameters of {@link paperClaimsProperty}. */
export type PaperClaimsParams = z.infer<typeof params>;

function claimSetOf(variant: PaperClaimsParams["variant"]): ClaimSet {
  if (variant === "paper") return paperClaimSet;
  if (variant === "synthetic") return syntheticClaimSet();
  return tamperedClaimSet();
}

function summaryMessage(verdicts: readonly ClaimVerdict[]): string {
  const s = inconsistencySummary(verdicts);
  const list = s.independent.map((i) => (i.derived.length > 0 ? `${i.id} (derived: ${i.derived.join(", ")})` : i.id)).join("; ");
  return `${s.independent.length} independent inconsistencies (${s.derivedCount} derived, ${s.inconsistent} of ${s.checks} checks failing): ${list}`;
}

/**
 * Every claim of the set is consistent with eq. 13 and the channel model:
 * secure/sifted <= 1 - 2h(E) (the best BB84 fraction; 1 - h(E) only as a looser reference), one realistic eq. 13 curve fits Figs. 10-11, errors/QBER matches
 * the sifted rate, errors per second do not grow with distance, intercept-resend gives 25 %.
 */
export const paperClaimsProperty: PropertyDefinition<PaperClaimsParams, ClaimSet> = {
  id: "bb84.paper-claims",
  protocol: "bb84",
  title: "The paper's key-rate figures are consistent with eq. 13",
  statement:
    "Each numerical claim of Figs. 10-12 and section 3.2 is consistent with eq. 13 (GLLP with decoy states), " +
    "the Ma-Qi-Zhao-Lo channel model with realistic parameters, and with the other figures: the secure/sifted ratio " +
    "stays below the best BB84 fraction 1 - 2h(E) (Shor-Preskill with f_EC = 1; 1 - h(E) is reported only as a looser reference), " +
    "errors/QBER reproduces the sifted rate, and a single realistic curve fits Figs. 10-11. Failing checks that share one slip " +
    "count as one independent inconsistency, the others are listed under it as derived; every interpolated or borrowed value is " +
    "stated next to the claim it affects.",
  equation:
    "\\frac{R}{q\\,Q} \\le 1 - 2h(E) \\;(\\text{best BB84 fraction; looser: } 1 - h(E)),\\quad R = \\frac{q\\{[Q_1(1-H(e_1)) - Q f_{EC} H(E)] + Q_0\\}}{t} \\quad (13)",
  trust: {
    trusted: ["the paper's printed numbers (as data)", "the channel model of Ma, Qi, Zhao, Lo (2005)"],
    adversary: "none: an internal-consistency audit of published numbers (the numbers themselves are the object under test)",
  },
  params,
  arbitrary: (p) => fc.constant(claimSetOf(p.variant)),
  evidence: (p) => ({
    kind: "exact",
    detail: `the ${p.variant} claim set is the one input, audited whole (eq. 13, 1 - h(E), the channel-model fit)`,
  }),
  check: (_p, set) => {
    const verdicts = auditClaims(set);
    const summary = inconsistencySummary(verdicts);
    const metrics: Record<string, number | string> = {
      claims: verdicts.length,
      inconsistent: summary.inconsistent,
      independentInconsistencies: summary.independent.length,
      derivedInconsistencies: summary.derivedCount,
    };
    for (const v of verdicts) {
      const parent = summary.independent.find((i) => i.derived.includes(v.id));
      metrics[`claim:${v.id}`] = parent ? `${v.verdict} (derived from ${parent.id})` : v.verdict;
      if (v.borrowed.length > 0) metrics[`borrowed:${v.id}`] = v.borrowed.join("; ");
    }
    return {
      ok: summary.inconsistent === 0,
      margin: Math.min(...verdicts.map((v) => v.margin)),
      metrics,
      ...(summary.inconsistent > 0 ? { message: summaryMessage(verdicts) } : {}),
    };
  },
  trace: (_p, set): TraceStep[] =>
    auditClaims(set).map((v) => ({
      step: `${v.figure}: ${v.id} — ${v.verdict}`,
      detail: `${v.claim}. ${v.reason}${v.borrowed.length > 0 ? `. Borrowed: ${v.borrowed.join("; ")}` : ""}`,
      values: Object.fromEntries(Object.entries(v.numbers).map(([k, x]) => [k, Number(x.toPrecision(6))])),
    })),
  describe: (set) => ({
    label: set.label,
    rateVsDistance: set.rateVsDistance.map((c) => ({ ...c })),
    qberVsDistance: set.qberVsDistance.map((c) => ({ ...c })),
    qberVsRate: set.qberVsRate.map((c) => ({ ...c })),
    interceptResendQber: set.interceptResendQber,
  }),
};
