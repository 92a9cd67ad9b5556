/**
 * The one-time pad with a one-time MAC: the information-theoretic reading of `E(M, K)` / `D(C, K)`
 * (docs/protocol/03-group-key-distribution.md, eqs. 6-7) when `K` is QKD key material.
 *
 * `C = M XOR pad`, `tag = h_k(aad || C) XOR s` (encrypt-then-MAC), pad and `(k, s)` consumed from
 * the pool. For a uniform pad, `P(C = c | M = m) = 2^{-8|m|}` for every `m`: the ciphertext is
 * independent of the plaintext (Shannon 1949). The pool position travels with the ciphertext so a
 * receiver follows it and refuses positions it already consumed (replay).
 * @module
 */
import { bytesEqual, concatBytes, u64, utf8, xorBytes } from "./internal/bytes.js";
import { keyPool, remaining, takeKey, takeKeyAt, type KeyPool } from "./keyPool.js";
import { MAC_KEY_BYTES, oneTimeTag } from "./oneTimeMac.js";

/** A one-time-pad ciphertext: pool offset of its pad, the masked body, the one-time tag (empty when unauthenticated). */
export interface OtpCiphertext {
  readonly cipher: "otp";
  readonly offset: number;
  readonly body: Uint8Array;
  readonly tag: Uint8Array;
}

/** Result of opening a ciphertext: the plaintext and the receiver's advanced state, or why it was refused. */
export type Opened<S> =
  | { readonly ok: true; readonly plaintext: Uint8Array; readonly state: S }
  | { readonly ok: false; readonly reason: string };

/** Pad bytes one encryption of `length` bytes consumes. */
export function otpCost(length: number, authenticated = true): number {
  return length + (authenticated ? MAC_KEY_BYTES : 0);
}

/**
 * `E(M, K)`: `C = M XOR pad`, `tag = h_k(aad || C) XOR s`. Returns the ciphertext and the pool
 * after consumption; throws (naming the pool) when the pool is exhausted.
 */
export function otpEncrypt(pool: KeyPool, plaintext: Uint8Array, aad = "", authenticated = true): [OtpCiphertext, KeyPool] {
  if (remaining(pool) < otpCost(plaintext.length, authenticated)) {
    throw new RangeError(
      `otpEncrypt: key pool exhausted: need ${otpCost(plaintext.length, authenticated)} bytes, ${remaining(pool)} remain`,
    );
  }
  const offset = pool.offset;
  const [pad, afterPad] = takeKey(pool, plaintext.length);
  const body = xorBytes(plaintext, pad);
  if (!authenticated) return [{ cipher: "otp", offset, body, tag: new Uint8Array(0) }, afterPad];
  const [macKey, afterMac] = takeKey(afterPad, MAC_KEY_BYTES);
  return [{ cipher: "otp", offset, body, tag: oneTimeTag(macKey, macInput(aad, body)) }, afterMac];
}

/**
 * `D(C, K)`: verify the tag, then `M = C XOR pad`. Refuses pad positions already consumed
 * (replay), exhausted pools and bad tags; `authenticated = false` is the bare pad (malleable).
 */
export function otpDecrypt(pool: KeyPool, ciphertext: OtpCiphertext, aad = "", authenticated = true): Opened<KeyPool> {
  if (ciphertext.offset < pool.offset) {
    return { ok: false, reason: `otpDecrypt: pad at offset ${ciphertext.offset} already consumed (replay or reorder)` };
  }
  const need = otpCost(ciphertext.body.length, authenticated);
  if (ciphertext.offset + need > pool.material.length) {
    return { ok: false, reason: `otpDecrypt: key pool exhausted at offset ${ciphertext.offset} (need ${need} bytes)` };
  }
  const [pad, afterPad] = takeKeyAt(pool, ciphertext.offset, ciphertext.body.length);
  if (!authenticated) return { ok: true, plaintext: xorBytes(ciphertext.body, pad), state: afterPad };
  const [macKey, afterMac] = takeKey(afterPad, MAC_KEY_BYTES);
  if (!bytesEqual(oneTimeTag(macKey, macInput(aad, ciphertext.body)), ciphertext.tag)) {
    return { ok: false, reason: "otpDecrypt: one-time MAC tag mismatch (tampered or truncated)" };
  }
  return { ok: true, plaintext: xorBytes(ciphertext.body, pad), state: afterMac };
}

/** Decrypt with raw key material, ignoring replay state: what any holder of the material can do. */
export function otpDecryptWithMaterial(material: Uint8Array, ciphertext: OtpCiphertext, aad = "", authenticated = true): Uint8Array | null {
  const opened = otpDecrypt(keyPool(material), ciphertext, aad, authenticated);
  return opened.ok ? opened.plaintext : null;
}

function macInput(aad: string, body: Uint8Array): Uint8Array {
  const a = utf8(aad);
  return concatBytes(u64(a.length), a, body);
}
