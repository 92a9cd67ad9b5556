import { describe, expect, it } from "vitest";
import { drawBits, seeded } from "../../../model/random.js";
import * as fc from "fast-check";
import { DIRECT_LIMIT, drawToeplitzSeed, hashPath, toeplitzHash, WORDS_LIMIT } from "../../../model/bb84/postprocessing/toeplitz.js";
import { convolutionParity } from "../../../model/bb84/postprocessing/internal/convolution.js";
import { KEEP_INSTANCE_BYTES, MAX_WORDS_BITS, toeplitzWords } from "../../../model/bb84/postprocessing/internal/toeplitzWords.js";

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
  it("matches the matrix definition (the direct path below DIRECT_LIMIT products, the 32-bit word path above)", () => {
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
      // the word path at these boundaries too (toeplitzHash takes the direct path on the smallest)
      expect(Array.from(toeplitzWords(s, x, l))).toEqual(Array.from(naive(s, x, l)));
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

  it("direct path: generated lengths with n l <= DIRECT_LIMIT match the definition and the word path; the path switches just above it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: DIRECT_LIMIT }), fc.integer({ min: 1, max: DIRECT_LIMIT }), fc.integer(), (n, l0, seed) => {
        const l = Math.max(1, Math.min(l0, Math.floor(DIRECT_LIMIT / n)));
        expect(hashPath(n, l)).toBe("direct");
        const [s, r1] = drawToeplitzSeed(seeded(seed), n, l);
        const [x] = drawBits(r1, n);
        const y = Array.from(toeplitzHash(s, x, l));
        expect(y).toEqual(Array.from(naive(s, x, l)));
        expect(y).toEqual(Array.from(toeplitzWords(s, x, l)));
      }),
      { numRuns: 300, seed: 12 },
    );
    expect(hashPath(DIRECT_LIMIT, 1)).toBe("direct");
    expect(hashPath(DIRECT_LIMIT + 1, 1)).toBe("words");
    expect(hashPath(48, 3)).toBe("direct"); // bb84.toeplitz-universal's pairs (n <= 48, l = 3)
  });

  it("FFT convolution: matches the definition at n = 8192, l = 4200", () => {
    const [n, l] = [8192, 4200];
    const [s, r1] = drawToeplitzSeed(seeded(9), n, l);
    const [x] = drawBits(r1, n);
    expect(Array.from(convolutionParity(s, x).subarray(n - 1, n - 1 + l))).toEqual(Array.from(naive(s, x, l)));
  });

  it("the FFT path and the word path agree (n = 32768, l = 16385); toeplitzHash takes the FFT path past WORDS_LIMIT products or MAX_WORDS_BITS bits", () => {
    const [n, l] = [32768, 16385];
    const [s, r1] = drawToeplitzSeed(seeded(3), n, l);
    const [x] = drawBits(r1, n);
    const fft = convolutionParity(s, x).subarray(n - 1, n - 1 + l);
    expect(Buffer.from(fft).equals(Buffer.from(toeplitzWords(s, x, l)))).toBe(true);
    expect(Buffer.from(toeplitzHash(s, x, l)).equals(Buffer.from(fft))).toBe(true);
    expect(hashPath(n, l)).toBe("words");
    expect(hashPath(2 ** 19, 2 ** 18)).toBe("words"); // 2^37 products
    expect(hashPath(2 ** 19, 2 ** 18 + 1)).toBe("fft");
    expect(hashPath(MAX_WORDS_BITS - 1, 1)).toBe("words");
    expect(hashPath(MAX_WORDS_BITS, 1)).toBe("fft");
    expect(2 ** 19 * 2 ** 18).toBe(WORDS_LIMIT);
  });

  it("the word path gives the same bits whatever the thread's instance served before (smaller, larger, a throwaway one)", () => {
    const hashOf = (n: number, l: number, seed: number) => {
      const [s, r1] = drawToeplitzSeed(seeded(seed), n, l);
      const [x] = drawBits(r1, n);
      return Buffer.from(toeplitzWords(s, x, l));
    };
    const first = hashOf(300, 40, 1);
    hashOf(5000, 2000, 2); // a larger kept instance
    hashOf(Math.ceil(KEEP_INSTANCE_BYTES / 6), 8, 3); // a throwaway instance
    expect(hashOf(300, 40, 1).equals(first)).toBe(true);
    expect(hashOf(300, 40, 4).equals(first)).toBe(false); // control: another seed, another hash
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
    // from JavaScript, arrays of other element types: negative or NaN entries are not bits either
    expect(() => toeplitzHash(Int8Array.of(-1) as unknown as Uint8Array, Int8Array.of(-1) as unknown as Uint8Array, 1)).toThrow(/entry 0 is -1/);
    expect(() => toeplitzHash(new Uint8Array(1), [Number.NaN] as unknown as Uint8Array, 1)).toThrow(/entry 0 is NaN/);
  });
});
