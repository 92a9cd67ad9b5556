/**
 * Arithmetic in GF(2^128) = GF(2)[x] / (x^128 + x^7 + x^2 + x + 1), elements as four 32-bit
 * words, least significant first (bit i of the element = coefficient of x^i = bit i % 32 of
 * word i / 32). Used only by the one-time MAC.
 *
 * Words, not bigint: the bigint bit-serial product allocated a bigint per operation and took 2 %
 * of `verify` (measured 2026-11-27); test/kdc/gf128.test.ts checks these words against that
 * bigint definition on generated elements.
 * @internal
 * @module
 */

/** A field element: four 32-bit words, least significant first. */
export type Element = Uint32Array;

/** `out = a * b` (carry-less product reduced modulo x^128 + x^7 + x^2 + x + 1); `out` may be `a` or `b`. */
export function gfMultiplyInto(out: Element, a: Element, b: Element): Element {
  let x0 = a[0], x1 = a[1], x2 = a[2], x3 = a[3];
  const y0 = b[0], y1 = b[1], y2 = b[2], y3 = b[3];
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  for (let i = 0; i < 128; i++) {
    const word = i < 64 ? (i < 32 ? y0 : y1) : i < 96 ? y2 : y3;
    if ((word >>> (i & 31)) & 1) {
      r0 ^= x0;
      r1 ^= x1;
      r2 ^= x2;
      r3 ^= x3;
    }
    const carry = x3 >>> 31;
    x3 = (x3 << 1) | (x2 >>> 31);
    x2 = (x2 << 1) | (x1 >>> 31);
    x1 = (x1 << 1) | (x0 >>> 31);
    x0 = (x0 << 1) ^ (carry * 0x87); // x^128 = x^7 + x^2 + x + 1
  }
  out[0] = r0;
  out[1] = r1;
  out[2] = r2;
  out[3] = r3;
  return out;
}

/** XOR the 16-byte block at `bytes[at ..]` (zero-padded on the right past the end), read big-endian, into `acc`. */
export function xorBlockInto(acc: Element, bytes: Uint8Array, at: number): Element {
  const byte = (k: number): number => (at + k < bytes.length ? bytes[at + k] : 0);
  for (let w = 0; w < 4; w++) {
    const k = 12 - 4 * w; // word 3 holds the first four bytes
    acc[w] ^= ((byte(k) << 24) | (byte(k + 1) << 16) | (byte(k + 2) << 8) | byte(k + 3)) >>> 0;
  }
  return acc;
}

/** A field element as 16 big-endian bytes. */
export function elementToBlock(value: Element): Uint8Array {
  const out = new Uint8Array(16);
  for (let w = 0; w < 4; w++) {
    const k = 12 - 4 * w;
    out[k] = value[w] >>> 24;
    out[k + 1] = (value[w] >>> 16) & 0xff;
    out[k + 2] = (value[w] >>> 8) & 0xff;
    out[k + 3] = value[w] & 0xff;
  }
  return out;
}
