/**
 * Bit strings as `Uint8Array`s of 0/1 bytes: validation and comparison.
 * @module
 */

/** Throws unless every entry of `bits` is 0 or 1, naming the function and the first bad index. */
export function assertBits(bits: Uint8Array, where: string): Uint8Array {
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] !== 0 && bits[i] !== 1) throw new RangeError(`${where}: entry ${i} is ${bits[i]}, expected 0 or 1`);
  }
  return bits;
}

/**
 * Number of positions where `a` and `b` differ: `d(a, b) = |{i : a_i != b_i}|`.
 * @example hammingDistance(Uint8Array.of(0, 1, 1), Uint8Array.of(1, 1, 0)) // 2
 */
export function hammingDistance(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`hammingDistance: lengths ${a.length} vs ${b.length}`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i] ^ b[i];
  return d;
}
