/**
 * Toeplitz hashing: the 2-universal family used for privacy amplification and for verifying
 * that error correction succeeded.
 * @module
 */
import { drawBits, type Rng } from "../../random.js";
import { assertBits } from "./bits.js";
import { convolutionParity } from "./internal/convolution.js";
import { MAX_WORDS_BITS, toeplitzWords } from "./internal/toeplitzWords.js";

/**
 * Up to this many bit products (`l * n`), and {@link MAX_WORDS_BITS} bits in all, the hash is
 * computed on 32-bit words ({@link toeplitzWords}, in WebAssembly), above it by FFT
 * ({@link convolutionParity}); both are exact. Measured 2026-11-28 (one process timing both on
 * random bits, medians of 5, CPU time, n = 2 l, load ~6; not a bench row): the word path is 37x
 * faster at l n = 4.4e7, 6x at 5e9 and 1.8x at 8e10 (488 against 875 ms); extrapolated, they
 * meet near 3e11. Hence 2^37 = 1.4e11. An input of more than 2^24 bits takes the FFT whatever l
 * (the word path's buffers would pass 100 MB); both paths need memory in proportion to n there
 * (`verifyKeys` with fewer than 32 tag bits on keys of over 16.7 Mbit).
 */
export const WORDS_LIMIT = 2 ** 37;

/**
 * Up to this many bit products (`l * n`) the hash is computed from its definition
 * ({@link toeplitzDirect}): there the copies into and out of WebAssembly's memory cost more than
 * the products. Measured 2026-11-28 (both paths in one process, best of 9 rounds of 20,000
 * hashes, load ~8): 420 against 800 ns at n = 40, l = 3; 500 against 660 ns at 48 x 3; about
 * even at 256 products; 1.4x slower at 300 (n = 100, l = 3).
 */
export const DIRECT_LIMIT = 192;

/** Which of the three exact computations {@link toeplitzHash} uses for an n-bit input and l output bits. */
export function hashPath(n: number, outputLength: number): "direct" | "words" | "fft" {
  if (outputLength * n <= DIRECT_LIMIT) return "direct";
  return outputLength * n <= WORDS_LIMIT && n + outputLength <= MAX_WORDS_BITS ? "words" : "fft";
}

/** The definition, `y_i = XOR_j s[i + n - 1 - j] x_j`, for a few bit products. */
function toeplitzDirect(seed: Uint8Array, input: Uint8Array, l: number): Uint8Array {
  const n = input.length;
  const y = new Uint8Array(l);
  for (let i = 0; i < l; i++) {
    let acc = 0;
    for (let j = 0, at = i + n - 1; j < n; j++) acc ^= seed[at - j] & input[j];
    y[i] = acc;
  }
  return y;
}

/**
 * Toeplitz hash `y = T x mod 2` of an n-bit input to l bits, where the l x n Toeplitz matrix is
 * `T[i][j] = s[i - j + n - 1]` for a seed `s` of `n + l - 1` bits. For `x != x'`,
 * `Pr_s[T x = T x'] = 2^-l` exactly (2-universal). Reference: Krawczyk, CRYPTO '94 (LNCS 839);
 * Carter, Wegman, JCSS 18, 143 (1979); Mansour, Nisan, Tiwari, STOC '90.
 */
export function toeplitzHash(seed: Uint8Array, input: Uint8Array, outputLength: number): Uint8Array {
  const n = input.length;
  if (!Number.isInteger(outputLength) || outputLength < 0) {
    throw new RangeError(`toeplitzHash: outputLength must be an integer >= 0, got ${outputLength}`);
  }
  if (outputLength === 0) return new Uint8Array(0);
  if (n === 0) return new Uint8Array(outputLength);
  if (seed.length !== n + outputLength - 1) {
    throw new RangeError(`toeplitzHash: seed has ${seed.length} bits, needs n + l - 1 = ${n + outputLength - 1}`);
  }
  assertBits(seed, "toeplitzHash seed");
  assertBits(input, "toeplitzHash input");
  const path = hashPath(n, outputLength);
  if (path === "direct") return toeplitzDirect(seed, input, outputLength);
  if (path === "words") return toeplitzWords(seed, input, outputLength);
  // y_i = sum_j s[i + n - 1 - j] x_j = (s * x)[i + n - 1]
  return convolutionParity(seed, input).subarray(n - 1, n - 1 + outputLength).slice();
}

/** A uniformly random Toeplitz seed of `n + l - 1` bits. */
export function drawToeplitzSeed(rng: Rng, inputLength: number, outputLength: number): [Uint8Array, Rng] {
  if (!(Number.isInteger(inputLength) && inputLength >= 1 && Number.isInteger(outputLength) && outputLength >= 1)) {
    throw new RangeError(`drawToeplitzSeed: lengths must be integers >= 1, got n ${inputLength}, l ${outputLength}`);
  }
  return drawBits(rng, inputLength + outputLength - 1);
}
