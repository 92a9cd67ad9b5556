/**
 * `kdc.end-to-end-abort`: initialization, authentication, private-key establishment, group-key
 * distribution and messaging run together over a quantum channel with an eavesdropper flag;
 * an aborted establishment leaves no group key distributed to that party, and the eavesdropper
 * obtains no group key.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import { seeded } from "../../model/random.js";
import { runEndToEnd, type EndToEndResult } from "../../model/kdc/endToEnd.js";
import { absorbAll, emptyKnowledge, readWith, withMaterial } from "../../model/kdc/knowledge.js";
import type { QuantumSteps } from "../../model/kdc/quantumSteps.js";
import type { CheckOutcome, PropertyDefinition } from "../types.js";
import { standInSteps } from "./standIns.js";
import { strategyNamed } from "./variants.js";

const params = z.object({
  scope: z.enum(["group-scope", "member-scope"]).default("member-scope"),
  strategy: z.enum(["flat", "lkh"]).default("flat"),
  cipher: z.enum(["otp", "aes-256-gcm"]).default("aes-256-gcm"),
  variant: z.enum(["protocol", "no-qber-check", "z-only-bb84"]).default("protocol"),
});
type Params = z.output<typeof params>;

/** Generated input: members, which links Eve taps (members, or the group's own run), messages, seed. */
export interface EndToEndInput {
  readonly size: number;
  readonly tapped: readonly boolean[];
  readonly tapGroup: boolean;
  readonly messages: readonly { readonly sender: number; readonly text: string }[];
  readonly seed: number;
}

/**
 * The end-to-end abort property over the given quantum steps (the stand-ins by default; the lead
 * wires the real BB84 and authentication here). `steps(variant)` builds them per variant.
 */
export function endToEndAbortProperty(
  steps: (variant: Params["variant"]) => QuantumSteps = defaultSteps,
  id = "kdc.end-to-end-abort",
  stepsDescription = "classical stand-ins for BB84 and authentication",
): PropertyDefinition<Params, EndToEndInput> {
  const run = (p: Params, input: EndToEndInput): EndToEndResult => {
    const members = Array.from({ length: input.size }, (_, i) => `m${i}`);
    const eavesdropped = [...members.filter((_, i) => input.tapped[i]), ...(input.tapGroup ? ["g"] : [])];
    return runEndToEnd(
      {
        group: "g",
        initiator: "m0",
        members,
        messages: input.messages.map((m) => ({ sender: members[m.sender % members.length], text: m.text })),
        scope: p.scope,
        cipher: p.cipher,
        strategy: strategyNamed(p.strategy),
        channel: { eavesdropped },
      },
      steps(p.variant),
      seeded(input.seed),
    );
  };
  return {
    id,
    protocol: "kdc",
    title: "An aborted key establishment leaves no group key with that party or the eavesdropper",
    statement:
      "Initialization, authentication, BB84 private-key establishment (eavesdropper flag on chosen links), group-key distribution " +
      `and messaging run together (quantum steps: ${stepsDescription}). For every establishment that aborts (QBER >= p_o, eq. 4) no group-key ciphertext is addressed to ` +
      "that party, it is not admitted and holds no group key; and the eavesdropper, holding a copy of every key established on a " +
      "tapped link that did not abort (intercept-resend learns the sifted key), decrypts no group key and no message.",
    equation: String.raw`P^e \ge p_o \Rightarrow \nexists\, C(G_k) \text{ for } P_k(\text{party});\ \ \forall G_k:\ G_k \notin \mathrm{Know}_{\mathrm{Eve}}`,
    trust: {
      trusted: ["KDC", "authenticated members", "the QBER test of eq. 4 (variant no-qber-check breaks it)"],
      adversary: "Eve on the quantum links flagged in the input (full intercept-resend: QBER 1/4, learns the key) and on all classical traffic",
    },
    params,
    arbitrary: () =>
      fc.record({
        size: fc.integer({ min: 2, max: 5 }),
        tapped: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        tapGroup: fc.boolean(),
        messages: fc.array(fc.record({ sender: fc.nat(4), text: fc.string({ minLength: 1, maxLength: 10 }) }), { minLength: 1, maxLength: 3 }),
        seed: fc.integer({ min: 0, max: 0x7fffffff }),
      }),
    check: (p, input): CheckOutcome => {
      const { admitted, transcript: t } = run(p, input);
      const tappedParties = new Set([...Array.from({ length: input.size }, (_, i) => `m${i}`).filter((_, i) => input.tapped[i]), ...(input.tapGroup ? ["g"] : [])]);
      const problems: string[] = [];
      const rekey = t.steps.flatMap((s) => s.rekey);
      const aborted = t.establishments.filter((e) => !e.ok).map((e) => e.party);
      for (const party of aborted) {
        if (rekey.some((m) => m.kind === "group-key" && m.holder === party)) problems.push(`a group key was sent under ${party}'s aborted key`);
        const affected = party === "g" ? [...t.parties].filter((x) => x !== "eve") : [party];
        for (const x of affected) {
          if (admitted.includes(x)) problems.push(`${x} admitted although establishment with ${party} aborted`);
          if ((t.knowledge.get(x)?.groupKeys.size ?? 0) > 0) problems.push(`${x} holds a group key although establishment with ${party} aborted`);
        }
      }
      // Eve's copies of the keys established on tapped links that did not abort
      let eve = emptyKnowledge;
      for (const e of t.establishments.filter((x) => x.ok && tappedParties.has(x.party))) {
        for (const k of t.knowledge.values()) for (const m of k.materials) if (m.holder === e.party) eve = withMaterial(eve, m);
      }
      eve = absorbAll(eve, rekey);
      const eveReads = t.steps.filter((s) => s.sent && readWith(eve, s.sent.message)).length;
      if (eve.groupKeys.size > 0) problems.push(`eve holds ${eve.groupKeys.size} group key(s) from an unaborted tapped link and reads ${eveReads} message(s)`);
      return {
        ok: problems.length === 0,
        margin: 0 - problems.length,
        metrics: { aborted: aborted.length, admitted: admitted.length, eveGroupKeys: eve.groupKeys.size, eveReads, tapped: tappedParties.size },
        ...(problems.length > 0 ? { message: problems[0] } : {}),
      };
    },
    trace: (p, input) => {
      const { transcript: t, refused } = run(p, input);
      return [
        ...t.establishments.map((e) => ({ step: `establish ${e.party}`, detail: e.ok ? "key established" : `aborted: ${e.reason}`, values: { qber: e.qber } })),
        ...refused.map((r) => ({ step: `refuse ${r.member}`, detail: r.reason })),
        ...t.steps.map((s, i) => ({ step: `${i}: ${s.event.kind}`, detail: s.detail })),
      ];
    },
  };
}

function defaultSteps(variant: Params["variant"]): QuantumSteps {
  return standInSteps({ checkQber: variant === "protocol" });
}

/** The end-to-end abort property with the classical stand-ins. */
export const endToEndAbort = endToEndAbortProperty();
