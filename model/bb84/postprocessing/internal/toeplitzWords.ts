/**
 * The Toeplitz hash on 32-bit words (see toeplitz.ts for the definition and the FFT path).
 * @internal
 */

/**
 * `y_i = XOR_k s[i + k] x[n - 1 - k]` on 32-bit words: the input reversed and packed once, the
 * seed packed once per bit offset used (min(l, 32) times) (`shifted[r]` holds seed bits from r on, so the
 * window of output i starts at word i >> 5 of `shifted[i & 31]`); each output bit is then the
 * parity of (window AND input) over ceil(n / 32) words.
 */
export function toeplitzWords(seed: Uint8Array, input: Uint8Array, l: number): Uint8Array {
  const n = input.length;
  const words = (n + 31) >>> 5;
  const x = new Int32Array(words); // bit k is input[n - 1 - k]
  for (let k = 0; k < n; k++) if (input[n - 1 - k]) x[k >>> 5] |= 1 << (k & 31);
  const seedWords = ((seed.length + 31) >>> 5) + 1; // one word of zero padding past the end
  const packed = new Int32Array(seedWords);
  for (let b = 0; b < seed.length; b++) if (seed[b]) packed[b >>> 5] |= 1 << (b & 31);
  const shifted: Int32Array[] = [packed];
  for (let r = 1; r < Math.min(32, l); r++) {
    const t = new Int32Array(seedWords);
    for (let w = 0; w + 1 < seedWords; w++) t[w] = (packed[w] >>> r) | (packed[w + 1] << (32 - r));
    shifted.push(t);
  }
  const out = new Uint8Array(l);
  for (let i = 0; i < l; i++) {
    const t = shifted[i & 31], first = i >>> 5;
    let acc = 0;
    for (let w = 0; w < words; w++) acc ^= t[first + w] & x[w];
    acc ^= acc >>> 16;
    acc ^= acc >>> 8;
    acc ^= acc >>> 4;
    out[i] = (0x6996 >>> (acc & 15)) & 1;
  }
  return out;
}
