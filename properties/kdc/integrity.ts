/**
 * `kdc.integrity`: tampered, truncated, reordered or replayed ciphertexts are rejected, for
 * group-key distribution (eqs. 6-7, one-time pad + MAC or AES-256-GCM) and for group messages.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import { seeded } from "../../model/random.js";
import { counterNonce, nonceCounter } from "../../model/kdc/aesGcm.js";
import { decryptGroupKey, decryptGroupKeyWithMaterial, encryptGroupKey, privateKey } from "../../model/kdc/groupKeyCipher.js";
import { drawKeyMaterial, keyPool } from "../../model/kdc/keyPool.js";
import { emptySequence, openMessage, readMessage, sealMessage, type GroupMessage } from "../../model/kdc/messaging.js";
import { otpDecrypt, otpEncrypt, type OtpCiphertext } from "../../model/kdc/oneTimePad.js";
import type { CheckOutcome, PropertyDefinition, TraceStep } from "../types.js";

const params = z.object({
  layer: z.enum(["group-key-otp", "group-key-aes", "messages"]).default("messages"),
  variant: z.enum(["protocol", "otp-unauthenticated", "no-replay-state"]).default("protocol"),
});
type Params = z.output<typeof params>;

/** What the network adversary does to the ciphertext stream. Data: serialisable and shrinkable. */
export type StreamAttack =
  | { readonly kind: "flip"; readonly index: number; readonly field: "body" | "tag" | "header"; readonly at: number; readonly bit: number }
  | { readonly kind: "truncate"; readonly index: number; readonly cut: number }
  | { readonly kind: "swap"; readonly i: number; readonly j: number }
  | { readonly kind: "replay"; readonly index: number; readonly at: number };

/** Generated input: the plaintexts sent in order, the attack, the key seed. */
export interface IntegrityInput {
  readonly plaintexts: readonly string[];
  readonly attack: StreamAttack;
  readonly seed: number;
}

type Item = OtpCiphertext | Exclude<ReturnType<typeof encryptGroupKey>[0], OtpCiphertext> | GroupMessage;
interface Delivered { readonly item: Item; readonly original: number | null }
const AAD = "g|1|holder";

const attackArbitrary: fc.Arbitrary<StreamAttack> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), index: fc.nat(7), field: fc.constantFrom("body" as const, "tag" as const, "header" as const), at: fc.nat(63), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant("truncate" as const), index: fc.nat(7), cut: fc.nat(63) }),
  fc.record({ kind: fc.constant("swap" as const), i: fc.nat(7), j: fc.nat(7) }),
  fc.record({ kind: fc.constant("replay" as const), index: fc.nat(7), at: fc.nat(7) }),
);

/** Integrity of every ciphertext layer against a network adversary. */
export const integrityProperty: PropertyDefinition<Params, IntegrityInput> = {
  id: "kdc.integrity",
  protocol: "kdc",
  title: "Tampered, truncated, reordered and replayed ciphertexts are rejected",
  statement:
    "An honest receiver accepts only unmodified ciphertexts, each at most once and in sending order, and every accepted " +
    "plaintext equals the one sent. One-time pad: Wegman-Carter MAC over GF(2^128), forgery probability <= (L+1)/2^128 per " +
    "attempt; AES-256-GCM: its tag; order: the pad offset, the nonce counter, or the message sequence number.",
  equation: String.raw`\mathrm{accept}(c') \Rightarrow \exists i: c' = c_i \wedge i > i_{\mathrm{last}} \wedge D(c') = m_i`,
  trust: {
    trusted: ["KDC and members (keys secret)", "the quantum steps (private keys unknown to the adversary)"],
    adversary: "controls the classical channel: flips any bit of body, tag or header, truncates, reorders, replays",
  },
  params,
  arbitrary: () =>
    fc.record({
      plaintexts: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }),
      attack: attackArbitrary,
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    }),
  check: (p, input): CheckOutcome => {
    const { accepted, delivered } = run(p, input);
    const sent = input.plaintexts;
    let last = -1;
    for (const a of accepted) {
      const text = Buffer.from(a.plaintext).toString("utf8");
      const problem =
        a.original === null ? `accepted a modified ciphertext as ${JSON.stringify(text)}`
        : text !== sent[a.original] ? `accepted ciphertext ${a.original} with wrong plaintext`
        : a.original <= last ? `accepted ciphertext ${a.original} after ${last} (replay or reorder)`
        : null;
      if (problem) return { ok: false, margin: -1, metrics: { delivered: delivered.length, accepted: accepted.length }, message: `${input.attack.kind}: ${problem}` };
      last = a.original as number;
    }
    return { ok: true, margin: 0, metrics: { delivered: delivered.length, accepted: accepted.length, sent: sent.length } };
  },
  trace: (p, input) => {
    const { accepted, delivered } = run(p, input);
    const steps: TraceStep[] = [{ step: "attack", detail: JSON.stringify(input.attack) }];
    delivered.forEach((d, k) => {
      const a = accepted.find((x) => x.position === k);
      steps.push({ step: `deliver ${k}`, detail: `${d.original === null ? "modified" : `original #${d.original}`}: ${a ? "accepted" : "rejected"}` });
    });
    return steps;
  },
};

function run(p: Params, input: IntegrityInput) {
  const plaintexts = input.plaintexts.map((t) => new Uint8Array(Buffer.from(t, "utf8")));
  const [material] = drawKeyMaterial(seeded(input.seed), 2048);
  const authenticated = p.variant !== "otp-unauthenticated";
  const stateless = p.variant === "no-replay-state";
  // the sender's stream
  const items: Item[] = [];
  if (p.layer === "messages") {
    let s = emptySequence;
    for (const pt of plaintexts) {
      const [m, next] = sealMessage(material.subarray(0, 32), s, { group: "g", epoch: 1, sender: "m0" }, pt);
      items.push(m);
      s = next;
    }
  } else if (p.layer === "group-key-otp") {
    let pool = keyPool(material);
    for (const pt of plaintexts) {
      const [c, next] = otpEncrypt(pool, pt, AAD, authenticated);
      items.push(c);
      pool = next;
    }
  } else {
    let key = privateKey("holder", "aes-256-gcm", material);
    for (const pt of plaintexts) {
      const [c, next] = encryptGroupKey(key, pt, AAD);
      items.push(c);
      key = next;
    }
  }
  const delivered = attack(items, input.attack);
  // the honest receiver
  const accepted: { position: number; original: number | null; plaintext: Uint8Array }[] = [];
  let window = emptySequence;
  let pool = keyPool(material);
  let key = privateKey("holder", "aes-256-gcm", material);
  delivered.forEach((d, position) => {
    let plaintext: Uint8Array | null = null;
    const item = d.item;
    if ("header" in item) {
      if (stateless) plaintext = readMessage(material.subarray(0, 32), item);
      else {
        const o = openMessage(material.subarray(0, 32), window, item);
        if (o.ok) [plaintext, window] = [o.plaintext, o.state];
      }
    } else if (item.cipher === "otp") {
      if (stateless) {
        const o = otpDecrypt(keyPool(material), item, AAD, authenticated);
        plaintext = o.ok ? o.plaintext : null;
      } else {
        const o = otpDecrypt(pool, item, AAD, authenticated);
        if (o.ok) [plaintext, pool] = [o.plaintext, o.state];
      }
    } else if (stateless) plaintext = decryptGroupKeyWithMaterial("aes-256-gcm", material, item, AAD);
    else {
      const o = decryptGroupKey(key, item, AAD);
      if (o.ok) [plaintext, key] = [o.plaintext, o.state];
    }
    if (plaintext) accepted.push({ position, original: d.original, plaintext });
  });
  return { accepted, delivered };
}

function attack(items: readonly Item[], a: StreamAttack): Delivered[] {
  const out: Delivered[] = items.map((item, i) => ({ item, original: i }));
  const n = items.length;
  if (a.kind === "replay" || (a.kind === "swap" && n === 1)) {
    const index = a.kind === "replay" ? a.index % n : 0;
    const at = a.kind === "replay" ? index + 1 + (a.at % (n - index)) : 1;
    out.splice(at, 0, { item: items[index], original: index });
    return out;
  }
  if (a.kind === "swap") {
    const i = a.i % n;
    const j = i === a.j % n ? (i + 1) % n : a.j % n;
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  }
  const index = a.index % n;
  out[index] = { item: a.kind === "flip" ? flip(items[index], a) : truncate(items[index], a.cut), original: null };
  return out;
}

function flip(item: Item, a: Extract<StreamAttack, { kind: "flip" }>): Item {
  const ct = "header" in item ? item.ciphertext : item;
  if (a.field === "header") {
    if ("header" in item) return { ...item, header: { ...item.header, seq: item.header.seq + 1 } };
    if (ct.cipher === "otp") return { ...ct, offset: ct.offset + 1 + (a.at % 3) };
    return { ...ct, nonce: counterNonce(nonceCounter(ct.nonce) + 1 + (a.at % 3)) };
  }
  const field = a.field === "tag" && ct.tag.length > 0 ? "tag" : "body";
  const bytes = ct[field].slice();
  bytes[a.at % bytes.length] ^= 1 << a.bit;
  const changed = { ...ct, [field]: bytes };
  return "header" in item ? { ...item, ciphertext: changed as GroupMessage["ciphertext"] } : (changed as Item);
}

function truncate(item: Item, cut: number): Item {
  const ct = "header" in item ? item.ciphertext : item;
  const body = ct.body.slice(0, ct.body.length - 1 - (cut % ct.body.length));
  const changed = { ...ct, body };
  return "header" in item ? { ...item, ciphertext: changed as GroupMessage["ciphertext"] } : (changed as Item);
}
