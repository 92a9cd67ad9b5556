/**
 * `kdc.forward-secrecy`: after leaving, a member cannot read new traffic.
 * @module
 */
import { z } from "zod";
import { sessionProperty, unauthorizedReads } from "./sessionProperty.js";
import { readingSchema, sessionConfig, skipLeaveRekey } from "./variants.js";

const params = z.object({ ...readingSchema, variant: z.enum(["protocol", "skip-leave-rekey"]).default("protocol") });

/** Forward secrecy on leave, for both key scopes and both rekey strategies. */
export const forwardSecrecyProperty = sessionProperty({
  id: "kdc.forward-secrecy",
  title: "A departed member cannot read traffic sent after it left",
  statement:
    "For generated membership histories, no message sent while a party is not a member, after it has been one, can be decrypted " +
    "with everything that party holds: its private-key material and every key it can extract from all broadcast rekey traffic " +
    "(it keeps its keys and records every ciphertext).",
  equation: String.raw`\forall x \text{ sent at } t,\ \forall p:\ p \in \mathrm{members}(t') \text{ for some } t' < t,\ p \notin \mathrm{members}(t) \Rightarrow x \notin \mathrm{Read}(\mathrm{Know}_p)`,
  trust: {
    trusted: ["KDC", "current members", "quantum steps (private keys secret from outsiders)"],
    adversary: "every departed member: keeps all private-key material and keys it ever held, records all broadcast rekey and group traffic, decrypts offline",
  },
  params,
  config: (p) => sessionConfig(p, p.variant === "skip-leave-rekey" ? skipLeaveRekey : undefined),
  check: (t) => {
    const reads = unauthorizedReads(t).filter((r) => r.kind === "forward");
    const leaves = t.steps.filter((s) => s.event.kind === "leave" && s.outcome === "done").length;
    return {
      ok: reads.length === 0,
      margin: 0 - reads.length,
      metrics: { forwardReads: reads.length, leaves, sends: t.steps.filter((s) => s.sent).length },
      ...(reads.length > 0
        ? { message: `${reads[0].party} read ${JSON.stringify(reads[0].text)} (step ${reads[0].step}, epoch ${reads[0].epoch}) after leaving` }
        : {}),
    };
  },
});
