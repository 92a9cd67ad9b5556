/**
 * Byte helpers shared inside model/kdc (not part of the public API).
 * @internal
 * @module
 */
import type { Rng } from "../../random.js";

/**
 * `n` uniform bytes drawn from the seeded generator (never from crypto.randomBytes: runs replay).
 * Each byte is the low 8 bits of one 32-bit output, which is what `r.int(0, 255)` of
 * `withRng` (pure-rand's uniformInt: a range of 256 divides 2^32, so it never rejects) gives:
 * the same bytes and the same generator state after, without a distribution call per byte (those
 * were 2.5 % of `verify`'s CPU, 2026-11-28). test/kdc/drawBytes.test.ts compares the two.
 */
export function drawBytes(rng: Rng, n: number): [Uint8Array, Rng] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`drawBytes: n must be a non-negative integer, got ${n}`);
  const g = rng.generator.clone();
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = g.next() & 0xff;
  return [out, { kind: "xoroshiro128plus", generator: g }];
}

/** Constant-shape byte equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Concatenation into a new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
}

/** Lower-case hex of bytes. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** XOR of two equal-length arrays into a new array. */
export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new RangeError(`xorBytes: lengths ${a.length} vs ${b.length}`);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
  return out;
}

/** 8-byte big-endian encoding of a non-negative safe integer. */
export function u64(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`u64: not a non-negative safe integer: ${value}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}
