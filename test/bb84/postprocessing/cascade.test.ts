import { describe, expect, it } from "vitest";
import { drawBits, drawFloats, seeded } from "../../../model/random.js";
import { cascade } from "../../../model/bb84/postprocessing/cascade.js";
import { reconcile, reconciliationEfficiency } from "../../../model/bb84/postprocessing/reconcile.js";
import { hammingDistance } from "../../../model/bb84/postprocessing/bits.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";

function noisyPair(seed: number, n: number, qber: number) {
  const [alice, r1] = drawBits(seeded(seed), n);
  const [u, rng] = drawFloats(r1, n);
  return { alice, bob: alice.map((b, i) => (u[i] < qber ? b ^ 1 : b)), rng };
}

describe("Cascade", () => {
  it("corrects 10^5-bit keys at QBER 1/3/5/8 %; efficiency above the Shannon limit (speed: a bench row)", () => {
    const n = 100_000;
    for (const q of [0.01, 0.03, 0.05, 0.08]) {
      const efficiencies: number[] = [];
      for (const seed of [1, 2, 3]) {
        const { alice, bob, rng } = noisyPair(seed * 100 + q * 1000, n, q);
        const errors = hammingDistance(alice, bob);
        const r = reconcile(alice, bob, { qber: q, rng });
        expect(r.accepted).toBe(true);
        expect(hammingDistance(alice, r.bobKey)).toBe(0);
        expect(r.leakedBits).toBeGreaterThanOrEqual(n * binaryEntropy(errors / n));
        efficiencies.push(reconciliationEfficiency(r.leakedBits, n, errors / n));
      }
      const mean = efficiencies.reduce((a, b) => a + b) / efficiencies.length;
      console.log(`Cascade n=${n} QBER ${q * 100} %: f = ${mean.toFixed(4)} (${efficiencies.map((f) => f.toFixed(3)).join(", ")})`);
      expect(mean).toBeGreaterThan(1);
      expect(mean).toBeLessThan(1.5);
    }
  });

  it("is deterministic for a seed and does not mutate its inputs", () => {
    const { alice, bob, rng } = noisyPair(7, 5000, 0.04);
    const bobCopy = bob.slice();
    const a = cascade(alice, bob, { qber: 0.04, rng });
    const b = cascade(alice, bob, { qber: 0.04, rng });
    expect(Array.from(a.corrected)).toEqual(Array.from(b.corrected));
    expect(a.leakedBits).toBe(b.leakedBits);
    expect(Array.from(bob)).toEqual(Array.from(bobCopy));
  });

  it("block sizes: k1 = ceil(0.73 / QBER), doubling", () => {
    const { alice, bob, rng } = noisyPair(1, 4000, 0.05);
    expect(cascade(alice, bob, { qber: 0.05, rng }).blockSizes).toEqual([15, 30, 60, 120]);
    expect(cascade(alice, alice, { qber: 0, rng }).blockSizes).toEqual([4000, 4000, 4000, 4000]);
  });

  it("one pass without back-tracking leaves errors (blocks with an even number of errors)", () => {
    const { alice, bob, rng } = noisyPair(3, 20_000, 0.06);
    const r = cascade(alice, bob, { qber: 0.06, rng, passes: 1 });
    expect(hammingDistance(alice, r.corrected)).toBeGreaterThan(0);
  });

  it("verification detects keys that still differ", () => {
    const { alice, bob, rng } = noisyPair(4, 20_000, 0.06);
    const r = reconcile(alice, bob, { qber: 0.06, rng, passes: 1, verificationBits: 32 });
    expect(hammingDistance(alice, r.bobKey)).toBeGreaterThan(0);
    expect(r.accepted).toBe(false);
    expect(r.leakedBits).toBe(r.cascadeLeakedBits + 32);
  });

  it("names bad inputs", () => {
    expect(() => cascade(new Uint8Array(3), new Uint8Array(4), { qber: 0.1, rng: seeded(1) })).toThrow("cascade: key lengths 3 vs 4");
    expect(() => cascade(new Uint8Array(3), new Uint8Array(3), { qber: 0.6, rng: seeded(1) })).toThrow(/qber must be in \[0, 0.5\)/);
  });
});
