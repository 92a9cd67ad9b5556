/**
 * The authentication key K_c = {K_1..K_n} as an integer bit mask (bit 0 is K_1), its pairs
 * (K_{2i-1}, K_{2i}), and the key update of eq. 12.
 * @module
 */

/** A key pair (K_{2i-1}, K_{2i}). */
export interface KeyPair {
  readonly first: 0 | 1;
  readonly second: 0 | 1;
}

/** Largest supported key length (keys are enumerated exactly: 2^n values). */
export const MAX_KEY_BITS = 12;

/**
 * Check a key length: even, between 2 and {@link MAX_KEY_BITS}.
 * @throws RangeError naming `keyBits` and the broken condition.
 */
export function checkKeyBits(fn: string, keyBits: number): void {
  if (!Number.isInteger(keyBits) || keyBits < 2 || keyBits > MAX_KEY_BITS || keyBits % 2 !== 0) {
    throw new RangeError(`${fn}: keyBits must be an even integer in [2, ${MAX_KEY_BITS}], got ${keyBits}`);
  }
}

/**
 * Pair i (0-based round index) of a key: `(K_{2i+1}, K_{2i+2})` in the paper's 1-based numbering.
 * @example keyPair(0b0110, 1) // { first: 1, second: 0 }
 */
export function keyPair(key: number, round: number): KeyPair {
  return { first: ((key >> (2 * round)) & 1) as 0 | 1, second: ((key >> (2 * round + 1)) & 1) as 0 | 1 };
}

/** A key with pair `round` replaced. */
export function withPair(key: number, round: number, pair: KeyPair): number {
  const cleared = key & ~(3 << (2 * round));
  return cleared | (pair.first << (2 * round)) | (pair.second << (2 * round + 1));
}

/**
 * The key update of eq. 12: `K'_{2i-1} = c` (the Z outcome on s or m),
 * `K'_{2i} = K_{2i-1} XOR K_{2i} XOR c`.
 * Note: `K'_{2i-1} XOR K'_{2i} = K_{2i-1} XOR K_{2i}` — the parity is invariant.
 * @example updatedPair({ first: 1, second: 0 }, 1) // { first: 1, second: 0 }
 */
export function updatedPair(pair: KeyPair, outcome: 0 | 1): KeyPair {
  return { first: outcome, second: (pair.first ^ pair.second ^ outcome) as 0 | 1 };
}

/** The key as a bit string K_1 K_2 ... K_n (paper order). */
export function keyString(key: number, keyBits: number): string {
  let s = "";
  for (let k = 0; k < keyBits; k++) s += String((key >> k) & 1);
  return s;
}

/**
 * A key from a bit string K_1 K_2 ... K_n.
 * @throws RangeError naming the bad string.
 */
export function parseKey(bits: string): number {
  if (!/^[01]+$/.test(bits)) throw new RangeError(`parseKey: expected a string of 0 and 1, got "${bits}"`);
  let key = 0;
  for (let k = 0; k < bits.length; k++) key |= Number(bits[k]) << k;
  return key;
}
