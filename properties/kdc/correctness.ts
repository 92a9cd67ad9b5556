/**
 * `kdc.correctness`: every member decrypts every group key and every message it should.
 * @module
 */
import { z } from "zod";
import { correctnessFailures, sessionProperty } from "./sessionProperty.js";
import { dropLastMessage, readingSchema, sessionConfig } from "./variants.js";

const params = z.object({ ...readingSchema, variant: z.enum(["protocol", "drop-last-message"]).default("protocol") });

/** Correctness of eqs. 6-7 and of group messaging over generated membership histories. */
export const correctnessProperty = sessionProperty({
  id: "kdc.correctness",
  title: "Every member decrypts every group key and message it should",
  statement:
    "For generated groups, membership histories and messages, after every step each current member holds the KDC's group key " +
    "of the current epoch (eq. 7 inverts eq. 6, LKH wraps unwrap along each path), and every message sent in the group is " +
    "received, in order and unaltered, by every other current member.",
  equation: String.raw`\forall t,\ \forall m_i \in \mathrm{members}(t):\ D(C(G_k^{(t)}), P_k(m_i)) = M(G_k^{(t)})\ \text{(eqs. 6-7)},\ \ \mathrm{recv}_{m_i}(x) = x`,
  trust: {
    trusted: ["KDC", "members", "quantum steps (stand-ins: no eavesdropper, authentication accepts members)"],
    adversary: "none: this is the honest-run correctness check; the classical channel delivers every broadcast unaltered",
  },
  params,
  config: (p) => sessionConfig(p, p.variant === "drop-last-message" ? dropLastMessage : undefined),
  check: (t) => {
    const failures = correctnessFailures(t);
    const sends = t.steps.filter((s) => s.sent).length;
    return {
      ok: failures.length === 0,
      margin: 0 - failures.length,
      metrics: { failures: failures.length, sends, epochs: t.groupKeys.length, rekeyMessages: t.steps.reduce((n, s) => n + s.rekey.length, 0) },
      ...(failures.length > 0 ? { message: failures[0] } : {}),
    };
  },
});
