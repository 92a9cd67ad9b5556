/**
 * Arithmetic in GF(2^128) = GF(2)[x] / (x^128 + x^7 + x^2 + x + 1), elements as bigint bit
 * vectors (bit i = coefficient of x^i). Used only by the one-time MAC.
 * @internal
 * @module
 */
const MASK = (1n << 128n) - 1n;
const REDUCTION = (1n << 7n) | (1n << 2n) | (1n << 1n) | 1n;

/** Carry-less product reduced modulo x^128 + x^7 + x^2 + x + 1. */
export function gfMultiply(a: bigint, b: bigint): bigint {
  let result = 0n;
  let x = a;
  let y = b;
  while (y > 0n) {
    if (y & 1n) result ^= x;
    y >>= 1n;
    const carry = (x >> 127n) & 1n;
    x = (x << 1n) & MASK;
    if (carry) x ^= REDUCTION;
  }
  return result;
}

/** A 16-byte block (zero-padded on the right when shorter) as a field element, big-endian. */
export function blockToElement(block: Uint8Array): bigint {
  if (block.length > 16) throw new RangeError(`blockToElement: block of ${block.length} bytes > 16`);
  let v = 0n;
  for (let i = 0; i < 16; i++) v = (v << 8n) | BigInt(i < block.length ? block[i] : 0);
  return v;
}

/** A field element as 16 big-endian bytes. */
export function elementToBlock(value: bigint): Uint8Array {
  const out = new Uint8Array(16);
  let v = value;
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
