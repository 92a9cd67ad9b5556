import { describe, expect, it } from "vitest";
import { drawBits, seeded } from "../../../model/random.js";
import * as fc from "fast-check";
import { drawToeplitzSeed, toeplitzHash, WORDS_LIMIT } from "../../../model/bb84/postprocessing/toeplitz.js";
import { convolutionParity } from "../../../model/bb84/postprocessing/internal/convolution.js";
import { toeplitzWords } from "../../../model/bb84/postprocessing/internal/toeplitzWords.js";

/** The definition: y_i = XOR_j T[i][j] x_j with T[i][j] = s[i - j + n - 1]. */
function naive(seed: Uint8Array, x: Uint8Array, l: number): Uint8Array {
  const n = x.length;
  const y = new Uint8Array(l);
  for (let i = 0; i < l; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc ^= seed[i - j + n - 1] & x[j];
    y[i] = acc;
  }
  return y;
}

describe("Toeplitz hashing", () => {
  it("matches the matrix definition (32-bit word path)", () => {
    let rng = seeded(5);
    for (const [n, l] of [
      [1, 1],
      [7, 3],
      [64, 64],
      [300, 17],
      // word boundaries of the input (n) and of the seed offsets (l)
      [31, 1], [32, 32], [33, 31], [63, 64], [65, 33], [96, 40], [1, 64], [64, 1], [65, 65],
    ]) {
      let s: Uint8Array, x: Uint8Array;
      [s, rng] = drawToeplitzSeed(rng, n, l);
      [x, rng] = drawBits(rng, n);
      expect(Array.from(toeplitzHash(s, x, l))).toEqual(Array.from(naive(s, x, l)));
    }
  });

  it("word path: generated lengths (n, l in 1..100) and seeds match the definition", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer(), (n, l, seed) => {
        const [s, r1] = drawToeplitzSeed(seeded(seed), n, l);
        const [x] = drawBits(r1, n);
        expect(Array.from(toeplitzWords(s, x, l))).toEqual(Array.from(naive(s, x, l)));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("FFT convolution: matches the definition at n = 8192, l = 4200", () => {
    const [n, l] = [8192, 4200];
    const [s, r1] = drawToeplitzSeed(seeded(9), n, l);
    const [x] = drawBits(r1, n);
    expect(Array.from(convolutionParity(s, x).subarray(n - 1, n - 1 + l))).toEqual(Array.from(naive(s, x, l)));
  });

  it("past WORDS_LIMIT (l n > 2^29) the hash takes the FFT path and agrees with the word path", () => {
    const [n, l] = [32768, 16385];
    expect(n * l).toBeGreaterThan(WORDS_LIMIT);
    const [s, r1] = drawToeplitzSeed(seeded(3), n, l);
    const [x] = drawBits(r1, n);
    expect(Buffer.from(toeplitzHash(s, x, l)).equals(Buffer.from(toeplitzWords(s, x, l)))).toBe(true);
  });

  it("is linear: h(x xor y) = h(x) xor h(y)", () => {
    const [s, r1] = drawToeplitzSeed(seeded(2), 500, 40);
    const [x, r2] = drawBits(r1, 500);
    const [y] = drawBits(r2, 500);
    const hx = toeplitzHash(s, x, 40);
    const hy = toeplitzHash(s, y, 40);
    const hxy = toeplitzHash(s, x.map((b, i) => b ^ y[i]), 40);
    expect(Array.from(hxy)).toEqual(Array.from(hx.map((b, i) => b ^ hy[i])));
  });

  it("rejects a seed of the wrong length and non-bits", () => {
    expect(() => toeplitzHash(new Uint8Array(5), new Uint8Array(4), 3)).toThrow("toeplitzHash: seed has 5 bits, needs n + l - 1 = 6");
    expect(() => toeplitzHash(new Uint8Array(6), Uint8Array.of(0, 2, 0, 0), 3)).toThrow(/entry 1 is 2/);
  });
});
