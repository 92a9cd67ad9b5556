/**
 * The Toeplitz hash on 32-bit words (see toeplitz.ts for the definition and the FFT path).
 * @internal
 */

/**
 * `y_i = XOR_k s[i + k] x[n - 1 - k]` on 32-bit words, by columns: `y` is the XOR, over the k
 * with `x[n - 1 - k] = 1`, of the seed's bits from k on (`l` of them). The seed is packed once
 * per bit offset (`shifted[r]` holds seed bits from r on, so the bits from k on start at word
 * k >> 5 of `shifted[k & 31]`), so each set input bit costs ceil(l / 32) word XORs. Rows (the
 * parity of window AND input for each output bit, l ceil(n / 32) ANDs and XORs) took about twice
 * the instructions for a uniform input, half of whose bits are set (measured 2026-11-27 with
 * `perf stat` on `verify scenarios/kdc`, whose end-to-end sessions hash most).
 */
export function toeplitzWords(seed: Uint8Array, input: Uint8Array, l: number): Uint8Array {
  const n = input.length;
  const seedWords = ((seed.length + 31) >>> 5) + 1; // one word of zero padding past the end
  const packed = new Int32Array(seedWords);
  for (let b = 0; b < seed.length; b++) if (seed[b]) packed[b >>> 5] |= 1 << (b & 31);
  const shifted: Int32Array[] = [packed];
  for (let r = 1; r < Math.min(32, n); r++) {
    const t = new Int32Array(seedWords);
    for (let w = 0; w + 1 < seedWords; w++) t[w] = (packed[w] >>> r) | (packed[w + 1] << (32 - r));
    shifted.push(t);
  }
  const outWords = (l + 31) >>> 5;
  const y = new Int32Array(outWords);
  for (let k = 0; k < n; k++) {
    if (!input[n - 1 - k]) continue;
    const t = shifted[k & 31], first = k >>> 5;
    for (let m = 0; m < outWords; m++) y[m] ^= t[first + m];
  }
  const out = new Uint8Array(l);
  for (let i = 0; i < l; i++) out[i] = (y[i >>> 5] >>> (i & 31)) & 1;
  return out;
}
