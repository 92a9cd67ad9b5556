import { describe, expect, it } from "vitest";
import { runProperty } from "../../../properties/engine.js";
import { finiteKeyLedgerProperty } from "../../../properties/bb84/finiteKey.js";
import { finiteKeyLedger, fluctuation, tomamichelKeyLength } from "../../../model/bb84/postprocessing/finiteKey.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";
import { linkSetup, sampledRun, NO_ADVERSARY, DEFAULT_SAMPLED_RUN } from "../../../model/bb84/index.js";
import { seeded } from "../../../model/random.js";
import { densityMatrixSteps } from "../../../model/kdc/densityMatrixSteps.js";

const settings = (variant: string, expected: "holds" | "violated", n: number) => ({ runs: n, seed: 1313, scenario: "test", variant, expected });

describe("finite-key ledger (Tomamichel et al. 2012)", () => {
  it("μ of Lemma 3 (S15) and the main text's eq. (2) with ln(2/ε_sec)", () => {
    expect(fluctuation(1e4, 1e3, 1e-10)).toBeCloseTo(Math.sqrt((11e3 / 1e7) * (1001 / 1000) * Math.log(1e10)), 12);
    const n = 1e5, k = 2e4, q = 0.02, eSec = 1e-10, eCor = 1e-12;
    const mu = Math.sqrt(((n + k) / (n * k)) * ((k + 1) / k) * Math.log(2 / eSec));
    const eq2 = n * (1 - binaryEntropy(q + mu)) - 1000 - Math.log2(2 / (eSec * eSec * eCor));
    expect(tomamichelKeyLength({ n, k, qTol: q, leakEC: 1000, epsilonSec: eSec, epsilonCor: eCor })).toBeCloseTo(eq2, 6);
    // (S3) term by term gives the same number: 2 log2(1/(2 ε̃)) + log2(2/ε_cor) = log2(2/(ε_sec² ε_cor))
    expect(2 * Math.log2(1 / (2 * (eSec / 2))) + Math.log2(2 / eCor)).toBeCloseTo(Math.log2(2 / (eSec * eSec * eCor)), 9);
  });

  it("charges Cascade's counted parities + (t + 1) for the tag, totals ε_sec = 2ε_PE + ε_PA and ε_cor = 2^-t", () => {
    const l = finiteKeyLedger({
      keyBitsByBasis: [5000, 5000], testBitsByBasis: [500, 500], testErrorsByBasis: [10, 15],
      cascadeLeakBits: 800, tagBits: 64, epsilonPE: 1e-10, epsilonPA: 2e-10,
    });
    expect(l.epsilonSec).toBeCloseTo(4e-10, 20);
    expect(l.epsilonCor).toBe(2 ** -64);
    expect(l.epsilonTotal).toBe(l.epsilonSec + l.epsilonCor);
    expect(l.disclosedBits).toBe(864);
    expect(l.chargedBits).toBe(865);
    // Z key bits bounded by X test errors and vice versa, each with ε_PE/√2
    const muZ = fluctuation(5000, 500, 1e-10 / Math.SQRT2);
    expect(l.phaseErrorUpper).toBeCloseTo((5000 * (15 / 500 + muZ) + 5000 * (10 / 500 + muZ)) / 10000, 12);
    expect(l.length).toBe(Math.floor(10000 * (1 - binaryEntropy(l.phaseErrorUpper)) - 865 - 2 * Math.log2(1 / 4e-10)));
  });

  it("no conjugate-basis test, no key (the sound estimate); the z-only control uses its own basis", () => {
    const base = { keyBitsByBasis: [10000, 0] as const, testBitsByBasis: [1000, 0] as const, testErrorsByBasis: [0, 0] as const, cascadeLeakBits: 0, tagBits: 64, epsilonPE: 1e-6, epsilonPA: 1e-6 };
    expect(finiteKeyLedger(base).length).toBe(0);
    expect(finiteKeyLedger({ ...base, phaseEstimate: "same-basis" }).length).toBeGreaterThan(0);
    expect(() => finiteKeyLedger({ ...base, epsilonPA: 0 })).toThrow(/epsilonPA must be in \(0, 1\)/);
  });

  it("a sampled with-pa run carries its ledger and the final key has the ledger's length", () => {
    const [run] = sampledRun(linkSetup({ depolarizing: 0.02 }), NO_ADVERSARY, "with-pa", { ...DEFAULT_SAMPLED_RUN, pulses: 30_000 }, seeded(5));
    expect(run.ledger).not.toBeNull();
    expect(run.kdcKey.length).toBe(run.ledger!.length);
    expect(run.ledger!.cascadeLeakBits + run.ledger!.tagBits).toBe(run.ecLeak);
    expect(run.ledger!.epsilonTotal).toBeCloseTo(3e-10, 15);
  });

  it("the KDC sizes private keys by the ledger", () => {
    const steps = densityMatrixSteps();
    const out = steps.establish({ eavesdropped: [] })("m1", seeded(2));
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.key.length).toBeGreaterThanOrEqual(32);
  });
});

describe("property bb84.finite-key-ledger", () => {
  it("holds on honest runs", () => {
    const r = runProperty(finiteKeyLedgerProperty, finiteKeyLedgerProperty.params.parse({}), settings("counted-leak", "holds", 4));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
    expect(typeof r.metrics.epsilonTotal).toBe("number");
  });
  it("negative control: the asymptotic f_EC n h(QBER) charge is below the disclosure", () => {
    const p = finiteKeyLedgerProperty.params.parse({ variant: "asymptotic-leak" });
    const o = finiteKeyLedgerProperty.check(p, { depolarizing: 0.03, pulses: 30_000, seed: 4 });
    expect(o.ok).toBe(false);
    expect(o.message).toMatch(/charged .* bits for a disclosure of/);
  });
});
