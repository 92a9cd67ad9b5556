import { describe, expect, it } from "vitest";
import { runProperty } from "../../../properties/engine.js";
import { paExactProperty } from "../../../properties/bb84/paExact.js";
import { exactPrivacyAmplification, leftoverHashEpsilon } from "../../../model/bb84/postprocessing/exactPrivacyAmplification.js";
import { finiteKeyLedger } from "../../../model/bb84/postprocessing/finiteKey.js";

const P = (a: number, b = 0) => ({ distinguishability: a, bias: b });
const settings = (variant: string, expected: "holds" | "violated", n: number) => ({ runs: n, seed: 1313, scenario: "test", variant, expected });

describe("exact privacy amplification on small blocks", () => {
  it("Eve knows bit 1 of 4: Toeplitz to 1 bit leaks only when the row is e_1 or zero (2 of 16 seeds): 1/16; the bound is 1/4", () => {
    const r = exactPrivacyAmplification([P(1), P(0), P(0), P(0)], 1, "toeplitz");
    expect(r.secrecy).toBeCloseTo(1 / 16, 12);
    expect(r.seeds).toBe(16);
    expect(r.minEntropy).toBeCloseTo(3, 12);
    expect(r.bound).toBeCloseTo(0.25, 12);
    const truncated = exactPrivacyAmplification([P(1), P(0), P(0), P(0)], 1, "truncation");
    expect(truncated.secrecy).toBeCloseTo(0.5, 12);
    expect(truncated.secrecy).toBeGreaterThan(truncated.bound);
  });
  it("no information, no distance (up to seeds whose hash is constant); full information, the bound is vacuous", () => {
    expect(exactPrivacyAmplification([P(0), P(0), P(0)], 2, "toeplitz").secrecy).toBeLessThanOrEqual(leftoverHashEpsilon(2, 3));
    const full = exactPrivacyAmplification([P(1), P(1)], 1, "toeplitz");
    expect(full.bound).toBeGreaterThanOrEqual(0.5);
  });
  it("the ledger's hash penalty 2 log2(1/(2 ε_PA)) is the same relation: ℓ = H − penalty gives ε = ε_PA", () => {
    const l = finiteKeyLedger({ keyBitsByBasis: [3000, 3000], testBitsByBasis: [500, 500], testErrorsByBasis: [5, 5], cascadeLeakBits: 300, tagBits: 32, epsilonPE: 1e-6, epsilonPA: 1e-6 });
    expect(leftoverHashEpsilon(l.entropyBits - l.chargedBits - l.hashPenaltyBits, l.entropyBits - l.chargedBits)).toBeCloseTo(1e-6, 15);
  });
  it("property holds for Toeplitz hashing", () => {
    const r = runProperty(paExactProperty, paExactProperty.params.parse({}), settings("toeplitz", "holds", 15));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
  });
  it("negative control: truncation is violated", () => {
    const r = runProperty(paExactProperty, paExactProperty.params.parse({ variant: "truncation" }), settings("truncation", "violated", 30));
    expect(r.verdict).toBe("violated");
    expect(r.counterexample!.message).toMatch(/exceeds the leftover-hash bound/);
  });
});
