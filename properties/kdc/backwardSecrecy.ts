/**
 * `kdc.backward-secrecy`: after joining, a member cannot read old traffic.
 * @module
 */
import { z } from "zod";
import { sessionProperty, unauthorizedReads } from "./sessionProperty.js";
import { leakPreviousKeyOnJoin, readingSchema, sessionConfig } from "./variants.js";

const params = z.object({ ...readingSchema, variant: z.enum(["protocol", "leak-previous-key-on-join"]).default("protocol") });

/** Backward secrecy on join, for both key scopes and both rekey strategies. */
export const backwardSecrecyProperty = sessionProperty({
  id: "kdc.backward-secrecy",
  title: "A joining member cannot read traffic sent before it joined",
  statement:
    "For generated membership histories, no message sent before a party first joins can be decrypted with everything that party " +
    "holds after joining (its private-key material and every key extractable from all recorded rekey traffic). Under group-scope " +
    "a join re-runs the group's QKD (the only way the paper gives a newcomer P_k), so the newcomer never holds the old P_k.",
  equation: String.raw`\forall x \text{ sent at } t,\ \forall p:\ p \notin \mathrm{members}(t') \ \forall t' \le t,\ p \in \mathrm{members}(t'') \text{ for some } t'' > t \Rightarrow x \notin \mathrm{Read}(\mathrm{Know}_p)`,
  trust: {
    trusted: ["KDC", "current members", "quantum steps (private keys secret from outsiders)"],
    adversary: "every future member: records all broadcast traffic before joining, then decrypts it with every key it obtains by joining",
  },
  params,
  config: (p) => sessionConfig(p, p.variant === "leak-previous-key-on-join" ? leakPreviousKeyOnJoin : undefined),
  check: (t) => {
    const reads = unauthorizedReads(t).filter((r) => r.kind === "backward");
    const joins = t.steps.filter((s) => s.event.kind === "join" && s.outcome === "done").length;
    return {
      ok: reads.length === 0,
      margin: 0 - reads.length,
      metrics: { backwardReads: reads.length, joins, sends: t.steps.filter((s) => s.sent).length },
      ...(reads.length > 0
        ? { message: `${reads[0].party} read ${JSON.stringify(reads[0].text)} (step ${reads[0].step}, epoch ${reads[0].epoch}) sent before it joined` }
        : {}),
    };
  },
});
