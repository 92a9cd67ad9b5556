/**
 * A Wegman-Carter one-time MAC over GF(2^128): the information-theoretic companion of the
 * one-time pad (a bare pad is malleable: flipping a ciphertext bit flips the plaintext bit).
 *
 * `tag = h_k(data) XOR s`, with `h_k(b_1..b_L) = sum_i b_i k^{L+2-i} + len * k` (Horner form),
 * `(k, s)` 32 fresh bytes of pad. For any two distinct inputs of at most L blocks the difference
 * polynomial has degree <= L+1, so a substitution succeeds with probability <= (L+1) / 2^128, and
 * the tag is uniform and independent of the data because `s` is a fresh uniform pad.
 * Reference: Wegman & Carter, J. Comput. Syst. Sci. 22 (1981) 265-279; GHASH (NIST SP 800-38D).
 * @module
 */
import { elementToBlock, gfMultiplyInto, xorBlockInto } from "./internal/gf128.js";

/** Bytes of pad one tag consumes: 16 for the hash point `k`, 16 for the mask `s`. */
export const MAC_KEY_BYTES = 32;
/** Bytes of a tag. */
export const MAC_TAG_BYTES = 16;

/** Polynomial hash `h_k(data)` in GF(2^128), with the bit length as the last block. */
export function polynomialHash(k: Uint8Array, data: Uint8Array): Uint8Array {
  if (k.length !== 16) throw new RangeError(`polynomialHash: k must be 16 bytes, got ${k.length}`);
  const point = xorBlockInto(new Uint32Array(4), k, 0);
  const acc = new Uint32Array(4);
  for (let at = 0; at < data.length; at += 16) gfMultiplyInto(acc, xorBlockInto(acc, data, at), point);
  const bits = data.length * 8; // < 2^53
  acc[0] ^= bits >>> 0;
  acc[1] ^= Math.floor(bits / 2 ** 32) >>> 0;
  return elementToBlock(gfMultiplyInto(acc, acc, point));
}

/** `tag = h_k(data) XOR s` with `macKey = k || s` (32 bytes). */
export function oneTimeTag(macKey: Uint8Array, data: Uint8Array): Uint8Array {
  if (macKey.length !== MAC_KEY_BYTES) throw new RangeError(`oneTimeTag: macKey must be ${MAC_KEY_BYTES} bytes, got ${macKey.length}`);
  const h = polynomialHash(macKey.subarray(0, 16), data);
  const out = new Uint8Array(MAC_TAG_BYTES);
  for (let i = 0; i < MAC_TAG_BYTES; i++) out[i] = h[i] ^ macKey[16 + i];
  return out;
}

/** Upper bound on the forgery probability for data of `bytes` bytes: `(ceil(bytes/16) + 1) / 2^128`. */
export function forgeryBound(bytes: number): number {
  return (Math.ceil(bytes / 16) + 1) / 2 ** 128;
}
