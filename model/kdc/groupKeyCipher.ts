/**
 * Group-key distribution under a private key (docs/protocol/03-group-key-distribution.md):
 * `C(G_k) = E(M(G_k), P_k(m_i))` (eq. 6) and `M(G_k) = D(C(G_k), P_k(m_i))` (eq. 7),
 * with `E, D` either the one-time pad (+ one-time MAC) or AES-256-GCM under `HKDF(P_k)`.
 * @module
 */
import { utf8 } from "./internal/bytes.js";
import { aesGcmOpen, aesGcmSeal, counterNonce, deriveKey, nonceCounter, type AesGcmCiphertext } from "./aesGcm.js";
import { keyPool, type KeyPool } from "./keyPool.js";
import { otpDecrypt, otpEncrypt, type Opened, type OtpCiphertext } from "./oneTimePad.js";

/** The two readings of the paper's unnamed "classical symmetric algorithm". */
export type CipherName = "otp" | "aes-256-gcm";

/** The cipher names, in report order. */
export const cipherNames: readonly CipherName[] = ["otp", "aes-256-gcm"];

/**
 * A private key `P_k` as one party's state: the QKD material (consumed as a pad under `otp`),
 * and the next AES-GCM nonce counter (under `aes-256-gcm`, key `HKDF(material)`).
 */
export interface PrivateKey {
  /** Who shares it with the KDC: a member id (member-scope) or the group id (group-scope). */
  readonly holder: string;
  readonly cipher: CipherName;
  readonly pool: KeyPool;
  readonly counter: number;
}

/** A ciphertext of eq. 6. */
export type GroupKeyCiphertext = OtpCiphertext | AesGcmCiphertext;

/** A private key over fresh QKD material. */
export function privateKey(holder: string, cipher: CipherName, material: Uint8Array): PrivateKey {
  if (material.length === 0) throw new RangeError(`privateKey: empty key material for ${holder}`);
  return { holder, cipher, pool: keyPool(material), counter: 0 };
}

/** Eq. 6: `C(G_k) = E(M(G_k), P_k)`. Returns the ciphertext and the private key after use. */
export function encryptGroupKey(key: PrivateKey, groupKey: Uint8Array, aad: string): [GroupKeyCiphertext, PrivateKey] {
  if (key.cipher === "otp") {
    const [ct, pool] = otpEncrypt(key.pool, groupKey, aad);
    return [ct, { ...key, pool }];
  }
  const ct = aesGcmSeal(aesKeyOf(key.pool.material), counterNonce(key.counter), groupKey, utf8(aad));
  return [ct, { ...key, counter: key.counter + 1 }];
}

/**
 * Eq. 7: `M(G_k) = D(C(G_k), P_k)` by an honest receiver, who refuses pad positions or nonce
 * counters it has already passed (replay, reorder) and anything that fails authentication.
 */
export function decryptGroupKey(key: PrivateKey, ciphertext: GroupKeyCiphertext, aad: string): Opened<PrivateKey> {
  if (ciphertext.cipher !== key.cipher) {
    return { ok: false, reason: `decryptGroupKey: ${ciphertext.cipher} ciphertext for a ${key.cipher} key` };
  }
  if (ciphertext.cipher === "otp") {
    const opened = otpDecrypt(key.pool, ciphertext, aad);
    return opened.ok ? { ok: true, plaintext: opened.plaintext, state: { ...key, pool: opened.state } } : opened;
  }
  const counter = nonceCounter(ciphertext.nonce);
  if (counter < key.counter) return { ok: false, reason: `decryptGroupKey: nonce counter ${counter} < ${key.counter} (replay or reorder)` };
  const plaintext = aesGcmOpen(aesKeyOf(key.pool.material), ciphertext, utf8(aad));
  if (plaintext === null) return { ok: false, reason: "decryptGroupKey: AES-GCM tag mismatch" };
  return { ok: true, plaintext, state: { ...key, counter: counter + 1 } };
}

/** Eq. 7 by anyone holding the raw material, with no replay state (what an adversary can do). */
export function decryptGroupKeyWithMaterial(cipher: CipherName, material: Uint8Array, ciphertext: GroupKeyCiphertext, aad: string): Uint8Array | null {
  if (ciphertext.cipher === "aes-256-gcm" && cipher === "aes-256-gcm") {
    // what decryptGroupKey does from counter 0, without copying the material into a pool first
    // (deriveKey memoises the derived key by the material's content)
    if (material.length === 0) throw new RangeError("privateKey: empty key material for any");
    return nonceCounter(ciphertext.nonce) < 0 ? null : aesGcmOpen(aesKeyOf(material), ciphertext, utf8(aad));
  }
  const opened = decryptGroupKey(privateKey("any", cipher, material), ciphertext, aad);
  return opened.ok ? opened.plaintext : null;
}

function aesKeyOf(material: Uint8Array): Uint8Array {
  return deriveKey(material, "qm-kdc/private-key");
}
