import { describe, expect, test } from "vitest";
import { fidelity } from "qkd-harness/kernel";
import {
  bb84Rate,
  pulseStatistics,
  rateThreshold,
  signalState,
  SIX_STATE_BASES,
  sixStateRate,
  type Probe,
} from "./index.js";

const copyZ: Probe = { kind: "probe", layers: [{ signal: [0, 0, 0], probe: [0, 0, 0], entangler: "cnot" }] };

describe("six-state model", () => {
  test("the six states form three mutually unbiased bases", () => {
    for (const b of SIX_STATE_BASES) {
      expect(fidelity(signalState(b, 0), signalState(b, 1))).toBeCloseTo(0, 12);
      for (const c of SIX_STATE_BASES.filter((x) => x !== b)) {
        expect(fidelity(signalState(b, 0), signalState(c, 1))).toBeCloseTo(0.5, 12);
      }
    }
  });

  test("no attack: no errors and no information for Eve", () => {
    const s = pulseStatistics({ kind: "intercept-resend", fraction: 0, basis: "random" });
    expect(s.qber).toBeCloseTo(0, 12);
    expect(s.eveInformation).toBeCloseTo(0, 12);
  });

  test("full intercept-resend in a random one of the three bases gives QBER 1/3 (Bruß 1998)", () => {
    const s = pulseStatistics({ kind: "intercept-resend", fraction: 1, basis: "random" });
    expect(s.qber).toBeCloseTo(1 / 3, 12);
    // Eve's basis is right 1/3 of the time: she learns 1/3 bit per sifted pulse
    expect(s.eveInformation).toBeCloseTo(1 / 3, 9);
  });

  test("intercept-resend in a fixed basis: no error in that basis, 1/2 in the other two; QBER f/3", () => {
    for (const fraction of [0.25, 0.6, 1]) {
      const s = pulseStatistics({ kind: "intercept-resend", fraction, basis: "Z" });
      const byBasis = Object.fromEntries(s.perBasis.map((b) => [b.basis, b.errorRate]));
      expect(byBasis.Z).toBeCloseTo(0, 12);
      expect(byBasis.X).toBeCloseTo(fraction / 2, 12);
      expect(byBasis.Y).toBeCloseTo(fraction / 2, 12);
      expect(s.qber).toBeCloseTo(fraction / 3, 12);
    }
  });

  test("with BB84's two bases the same attack costs only f/4", () => {
    expect(pulseStatistics({ kind: "intercept-resend", fraction: 1, basis: "Z" }, ["X", "Z"]).qber).toBeCloseTo(1 / 4, 12);
  });

  test("a CNOT probe copies the Z bit (1 bit for Eve) and fully disturbs X and Y", () => {
    const s = pulseStatistics(copyZ);
    const z = s.perBasis.find((b) => b.basis === "Z")!;
    expect(z.eveInformation).toBeCloseTo(1, 9);
    expect(z.errorRate).toBeCloseTo(0, 12);
    for (const b of s.perBasis.filter((x) => x.basis !== "Z")) expect(b.errorRate).toBeCloseTo(0.5, 12);
  });

  test("the one-way rate r(e) = 1 + (3e/2) log2(e/2) + (1 - 3e/2) log2(1 - 3e/2) (Lo 2001)", () => {
    for (const e of [0.01, 0.05, 0.1, 0.2]) {
      expect(sixStateRate(e)).toBeCloseTo(1 + 1.5 * e * Math.log2(e / 2) + (1 - 1.5 * e) * Math.log2(1 - 1.5 * e), 12);
    }
    expect(sixStateRate(0)).toBe(1);
  });

  test("the six-state error threshold is about 12.6 %, above BB84's 11.0 %", () => {
    const eStar = rateThreshold(sixStateRate);
    expect(Math.abs(sixStateRate(eStar))).toBeLessThan(1e-9);
    expect(eStar).toBeGreaterThan(0.126);
    expect(eStar).toBeLessThan(0.127);
    const bb84 = rateThreshold(bb84Rate);
    expect(bb84).toBeGreaterThan(0.11);
    expect(bb84).toBeLessThan(0.111);
    expect(eStar).toBeGreaterThan(bb84);
  });
});
