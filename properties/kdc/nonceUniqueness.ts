/**
 * `kdc.nonce-uniqueness`: no AES-GCM (key, nonce) pair is ever used twice in group messaging,
 * checked on generated traffic, with the keystream-reuse attack as the evidence when it is.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import { seeded } from "../../model/random.js";
import { drawKeyMaterial } from "../../model/kdc/keyPool.js";
import { emptySequence, sealMessage, streamId, type GroupMessage, type SequenceState } from "../../model/kdc/messaging.js";
import type { CheckOutcome, PropertyDefinition } from "../types.js";

const params = z.object({ variant: z.enum(["protocol", "stale-sender-state"]).default("protocol") });
type Params = z.output<typeof params>;

/** Generated input: who sends what, in order. */
export interface NonceInput {
  readonly sends: readonly { readonly sender: number; readonly text: string }[];
  readonly seed: number;
}

/** Deterministic counter nonces never repeat under one key. */
export const nonceUniquenessProperty: PropertyDefinition<Params, NonceInput> = {
  id: "kdc.nonce-uniqueness",
  protocol: "kdc",
  title: "AES-GCM nonces never repeat under a key",
  statement:
    "Each message key K = HKDF(G_k, group|epoch|sender) has one sender, and its nonce is counterNonce(seq) with seq taken from the " +
    "sender's state and advanced by every seal, so over any generated traffic all (key, nonce) pairs are distinct. A sender that " +
    "restarts from a stale state (negative control) repeats a nonce, and an outsider then recovers m2 = c1 XOR c2 XOR m1.",
  equation: String.raw`(K_i, n_i) = (K_j, n_j) \Rightarrow i = j,\quad n = 0^{32} \Vert \mathrm{seq}_{64}`,
  trust: { trusted: ["members (keep their sender state)", "KDC"], adversary: "an outsider who sees all ciphertexts and knows one plaintext" },
  params,
  arbitrary: () =>
    fc.record({
      sends: fc.array(fc.record({ sender: fc.nat(2), text: fc.string({ minLength: 1, maxLength: 24 }) }), { minLength: 2, maxLength: 8 }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    }),
  check: (p, input): CheckOutcome => {
    const [groupKey] = drawKeyMaterial(seeded(input.seed), 32);
    const states = new Map<string, SequenceState>();
    const seen = new Map<string, { message: GroupMessage; text: string }>();
    let collisions = 0;
    let recovered = false;
    for (const s of input.sends) {
      const sender = `m${s.sender}`;
      const state = p.variant === "protocol" ? (states.get(sender) ?? emptySequence) : emptySequence;
      const [message, next] = sealMessage(groupKey, state, { group: "g", epoch: 1, sender }, new Uint8Array(Buffer.from(s.text, "utf8")));
      states.set(sender, next);
      const slot = `${streamId("g", 1, sender)}#${Buffer.from(message.ciphertext.nonce).toString("hex")}`;
      const earlier = seen.get(slot);
      if (earlier) {
        collisions++;
        recovered ||= keystreamReuse(earlier.message, earlier.text, message, s.text);
      } else seen.set(slot, { message, text: s.text });
    }
    return {
      ok: collisions === 0,
      margin: 0 - collisions,
      metrics: { seals: input.sends.length, collisions, plaintextRecoveredByXor: recovered },
      ...(collisions > 0 ? { message: `${collisions} repeated (key, nonce) pair(s); keystream reuse recovered a plaintext: ${recovered}` } : {}),
    };
  },
};

/** The outsider's attack: with m1 known, c1 XOR c2 XOR m1 is m2 on the common prefix. */
function keystreamReuse(first: GroupMessage, firstText: string, second: GroupMessage, secondText: string): boolean {
  const m1 = Buffer.from(firstText, "utf8");
  const m2 = Buffer.from(secondText, "utf8");
  const n = Math.min(m1.length, m2.length);
  for (let i = 0; i < n; i++) {
    if ((first.ciphertext.body[i] ^ second.ciphertext.body[i] ^ m1[i]) !== m2[i]) return false;
  }
  return true;
}
