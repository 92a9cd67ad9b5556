/**
 * `kdc.outsider-confidentiality`: a party that is never a member reads nothing, as long as the
 * KDC is trusted; a compromised or delegated KDC that issues the group key to an outsider
 * (THREATS.md, the ANSSI lesson) violates it and nothing in the scheme lets members notice.
 * @module
 */
import { z } from "zod";
import { sessionProperty, unauthorizedReads } from "./sessionProperty.js";
import { readingSchema, sessionConfig } from "./variants.js";

const params = z.object({ ...readingSchema, kdc: z.enum(["trusted", "compromised"]).default("trusted") });

/** Confidentiality against outsiders, with the KDC trusted or compromised. */
export const outsiderConfidentialityProperty = sessionProperty({
  id: "kdc.outsider-confidentiality",
  title: "Outsiders read no group traffic (only while the KDC is trusted)",
  statement:
    "No party that is never a member of the group (the passive eavesdropper eve, outsiders x0 and x1) can decrypt any group " +
    "message with what it holds and all broadcast traffic. With kdc = compromised the generated histories include a KDC that " +
    "issues the current group key to an outsider under that outsider's own QKD key: the property is expected to be violated.",
  equation: String.raw`\forall p \notin \bigcup_t \mathrm{members}(t),\ \forall x:\ x \notin \mathrm{Read}(\mathrm{Know}_p)`,
  trust: {
    trusted: ["KDC (kdc = trusted only)", "members", "quantum steps"],
    adversary: "outsiders who record all classical traffic; with kdc = compromised, the KDC itself hands them the group key",
  },
  params,
  leaks: (p) => p.kdc === "compromised",
  config: (p) => sessionConfig(p),
  check: (t) => {
    const reads = unauthorizedReads(t).filter((r) => r.kind === "outsider");
    const leaks = t.steps.filter((s) => s.event.kind === "leak" && s.outcome === "done").length;
    return {
      ok: reads.length === 0,
      margin: 0 - reads.length,
      metrics: { outsiderReads: reads.length, leaks, sends: t.steps.filter((s) => s.sent).length },
      ...(reads.length > 0 ? { message: `outsider ${reads[0].party} read ${JSON.stringify(reads[0].text)} (step ${reads[0].step})` } : {}),
    };
  },
});
