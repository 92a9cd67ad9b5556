/**
 * The binary (Shannon) entropy, the one information measure every key-rate formula uses.
 * @module
 */

/**
 * Binary entropy in bits: `h(p) = -p log2 p - (1 - p) log2 (1 - p)`, with `h(0) = h(1) = 0`.
 * This is `H` in the paper's eq. 13. Reference: Shannon (1948); Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005), eq. 1.
 * @example binaryEntropy(0.11) // ≈ 0.4999
 */
export function binaryEntropy(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binaryEntropy: p must be in [0, 1], got ${p}`);
  if (p === 0 || p === 1) return 0;
  return -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
}

/** Short alias of {@link binaryEntropy}: `h(p)`. */
export const h = binaryEntropy;
