import { describe, expect, it } from "vitest";
import { drawBits, seeded } from "../../../model/random.js";
import { phaseErrorUpperBound, privacyAmplifiedLength, privacyAmplify } from "../../../model/bb84/postprocessing/privacyAmplification.js";
import { toeplitzHash } from "../../../model/bb84/postprocessing/toeplitz.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";

describe("privacy amplification", () => {
  it("output length from the leftover hash lemma", () => {
    const l = privacyAmplifiedLength({ keyBits: 100_000, phaseErrorUpper: 0.05, leakedBits: 33_000, epsilonPA: 1e-10 });
    expect(l).toBe(Math.floor(100_000 * (1 - binaryEntropy(0.05)) - 33_000 - 2 * Math.log2(1e10)));
    expect(privacyAmplifiedLength({ keyBits: 1000, phaseErrorUpper: 0.2, leakedBits: 900, epsilonPA: 1e-10 })).toBe(0);
    expect(() => privacyAmplifiedLength({ keyBits: 10, phaseErrorUpper: 1.5, leakedBits: 0, epsilonPA: 0.1 })).toThrow(/phaseErrorUpper must be in \[0, 1\]/);
  });

  it("the phase-error bound exceeds the observed rate and shrinks with the sample", () => {
    const small = phaseErrorUpperBound(0.03, 100_000, 1_000, 1e-10);
    const large = phaseErrorUpperBound(0.03, 100_000, 100_000, 1e-10);
    expect(small).toBeGreaterThan(large);
    expect(large).toBeGreaterThan(0.03);
    expect(phaseErrorUpperBound(0.4, 100, 10, 1e-10)).toBe(0.5);
  });

  it("hashes a 10^5-bit key deterministically, as the Toeplitz matrix of its seed (its speed is a bench row)", () => {
    const [key, rng] = drawBits(seeded(11), 100_000);
    const out = privacyAmplify(key, 50_000, rng);
    expect(out.key.length).toBe(50_000);
    expect(out.seed.length).toBe(149_999);
    expect(Array.from(privacyAmplify(key, 50_000, rng).key)).toEqual(Array.from(out.key));
    // spot-check output bits against the definition
    for (const i of [0, 1, 12345, 49_999]) {
      let acc = 0;
      for (let j = 0; j < key.length; j++) acc ^= out.seed[i - j + key.length - 1] & key[j];
      expect(out.key[i]).toBe(acc);
    }
    expect(Array.from(toeplitzHash(out.seed, key, 50_000).subarray(0, 100))).toEqual(Array.from(out.key.subarray(0, 100)));
  });
});
