/**
 * AES-256-GCM with HKDF-SHA256 key derivation (node:crypto): the deployed reading of the paper's
 * unnamed "classical symmetric algorithm" (docs/protocol/03-group-key-distribution.md and 04-messaging.md).
 *
 * Nonces are deterministic: `nonce = 0^32 || counter_64` (NIST SP 800-38D, 8.2.1 deterministic
 * construction). Each key is used by exactly one sender whose counter strictly increases, so a
 * (key, nonce) pair never repeats; `test/kdc` checks this over generated traffic.
 * References: RFC 5869 (HKDF); NIST SP 800-38D (GCM).
 * @module
 */
import { createCipheriv, createDecipheriv, hkdfSync } from "node:crypto";
import { concatBytes, u64 } from "./internal/bytes.js";

/** Bytes of an AES-256 key. */
export const AES_KEY_BYTES = 32;

/** An AES-256-GCM ciphertext: 12-byte nonce, body, 16-byte tag. */
export interface AesGcmCiphertext {
  readonly cipher: "aes-256-gcm";
  readonly nonce: Uint8Array;
  readonly body: Uint8Array;
  readonly tag: Uint8Array;
}

/**
 * `K = HKDF-SHA256(ikm = secret, salt = "qm-kdc", info)`, 32 bytes (RFC 5869).
 * Memoised by (secret, info): `verify` derives the same keys over and over (7 % of its time,
 * issue 12). A pure function of its inputs, so the cache changes no result; each call returns
 * its own copy. The cache is bounded ({@link DERIVED_KEY_CACHE_SIZE}, cleared when full).
 */
export function deriveKey(secret: Uint8Array, info: string): Uint8Array {
  if (secret.length === 0) throw new RangeError("deriveKey: empty secret");
  const id = `${Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength).toString("base64")}|${info}`;
  let key = derivedKeys.get(id);
  if (key === undefined) {
    if (derivedKeys.size >= DERIVED_KEY_CACHE_SIZE) derivedKeys.clear();
    key = new Uint8Array(hkdfSync("sha256", secret, "qm-kdc", info, AES_KEY_BYTES));
    derivedKeys.set(id, key);
  }
  return key.slice();
}

/** Most derived keys kept by {@link deriveKey}. */
export const DERIVED_KEY_CACHE_SIZE = 4096;
const derivedKeys = new Map<string, Uint8Array>();

/** The deterministic nonce `0x00000000 || counter` (big-endian, 96 bits), injective in `counter`. */
export function counterNonce(counter: number): Uint8Array {
  return concatBytes(new Uint8Array(4), u64(counter));
}

/** The counter a {@link counterNonce} encodes (inverse), or -1 when `nonce` is not of that form. */
export function nonceCounter(nonce: Uint8Array): number {
  if (nonce.length !== 12 || nonce[0] | nonce[1] | nonce[2] | nonce[3]) return -1;
  const v = new DataView(nonce.buffer, nonce.byteOffset + 4, 8).getBigUint64(0);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : -1;
}

/** `C || T = AES-256-GCM_K(nonce, plaintext, aad)`. */
export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): AesGcmCiphertext {
  if (key.length !== AES_KEY_BYTES) throw new RangeError(`aesGcmSeal: key must be ${AES_KEY_BYTES} bytes, got ${key.length}`);
  if (nonce.length !== 12) throw new RangeError(`aesGcmSeal: nonce must be 12 bytes, got ${nonce.length}`);
  const c = createCipheriv("aes-256-gcm", key, nonce);
  c.setAAD(aad);
  const body = new Uint8Array(Buffer.concat([c.update(plaintext), c.final()]));
  return { cipher: "aes-256-gcm", nonce: nonce.slice(), body, tag: new Uint8Array(c.getAuthTag()) };
}

/** Verify and decrypt; `null` when the tag does not verify (tampered, truncated, wrong key or aad). */
export function aesGcmOpen(key: Uint8Array, ciphertext: AesGcmCiphertext, aad: Uint8Array): Uint8Array | null {
  if (key.length !== AES_KEY_BYTES || ciphertext.nonce.length !== 12 || ciphertext.tag.length !== 16) return null;
  try {
    const d = createDecipheriv("aes-256-gcm", key, ciphertext.nonce);
    d.setAAD(aad);
    d.setAuthTag(ciphertext.tag);
    return new Uint8Array(Buffer.concat([d.update(ciphertext.body), d.final()]));
  } catch {
    return null;
  }
}
